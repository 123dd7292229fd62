namespace Generator.Modules;

public sealed partial class CreateRedirects
{
    /// A file another pipeline writes, and the content file it comes from (null for a
    /// generated one: a feed, a list, a citation file).
    private sealed record Written(string Destination, string? Source);

    /// Every file the build writes besides the redirect pages, looked up as hosts and the
    /// file systems a site is copied to do: ignoring case, and with the folders each file
    /// needs. An alias that would overwrite any of them, or need a folder where one is a file,
    /// is told which at its line (GEN111) instead of failing the output as a whole.
    private sealed class WrittenFiles
    {
        private readonly Dictionary<string, Written> files = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, Written> folders = new(StringComparer.OrdinalIgnoreCase);

        public WrittenFiles(IEnumerable<Written> all)
        {
            // Content files first, in order, so the file named is the same in every build.
            foreach (var file in all.OrderBy(f => f.Source is null ? 1 : 0).ThenBy(f => f.Source ?? "", StringComparer.Ordinal)
                         .ThenBy(f => f.Destination, StringComparer.Ordinal))
            {
                files.TryAdd(file.Destination, file);
                for (var slash = file.Destination.IndexOf('/'); slash > 0; slash = file.Destination.IndexOf('/', slash + 1))
                    folders.TryAdd(file.Destination[..slash], file);
            }

            files.TryAdd(MapFile, new Written(MapFile, null));
        }

        /// Why an alias written to <paramref name="destination"/> cannot be, or null when it can.
        public string? Collision(string destination, string alias, string? source, string ownDestination)
        {
            if (files.TryGetValue(destination, out var file))
            {
                var own = file.Source == source && string.Equals(file.Destination, ownDestination, StringComparison.Ordinal);
                if (file.Destination == destination)
                {
                    return own
                        ? $"alias '{alias}' is this page's own address; remove it"
                        : $"alias '{alias}' is the address of {Name(file)}; an old address must be free: remove the alias, or move that page";
                }

                return own
                    ? $"alias '{alias}' differs from this page's own address only in case ('{file.Destination}'), and hosts that ignore case serve both from one file; remove it"
                    : $"alias '{alias}' is the address of {Name(file)} where case is ignored ('{file.Destination}'), as many hosts do; an old address must be free: remove the alias, or move that page";
            }

            for (var slash = destination.IndexOf('/'); slash > 0; slash = destination.IndexOf('/', slash + 1))
            {
                var folder = destination[..slash];
                if (files.TryGetValue(folder, out var blocking))
                    return $"alias '{alias}' needs a folder '{folder}' where {Name(blocking)} writes the file '{blocking.Destination}'; remove the alias, or write another address";
            }

            if (folders.TryGetValue(destination, out var inside))
                return $"alias '{alias}' would write a file '{destination}' where {Name(inside)} needs a folder (it writes '{inside.Destination}'); remove the alias, or write another address";
            return null;
        }

        private static string Name(Written file) =>
            file.Source ?? (file.Destination.EndsWith(".html", StringComparison.Ordinal) ? "the generated page " : "the generated file ") + file.Destination;
    }
}
