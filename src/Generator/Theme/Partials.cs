using System.Text;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Generator.Theme;

/// theme/layouts/partials/*.liquid as Fluid's file provider, for <c>{% render 'header' %}</c>.
/// The files are read once, when the theme is loaded (so a render never touches the disk,
/// and a partial's change restarts a preview session like any layout's); a render that
/// names a partial that does not exist is a theme error naming the ones that do.
public sealed class Partials(IReadOnlyDictionary<string, string> sources, string folder, IReadOnlyDictionary<string, string>? broken = null) : IFileProvider
{
    public IReadOnlyDictionary<string, string> Sources { get; } = sources;

    public IFileInfo GetFileInfo(string subpath)
    {
        var name = subpath.TrimStart('/');
        if (name.EndsWith(".liquid", StringComparison.Ordinal))
            name = name[..^".liquid".Length];
        if (broken?.GetValueOrDefault(name) is { } file)
            throw new BrokenPartialException($"partial '{name}' has a syntax error, reported at {file}; mend it there");
        return Sources.TryGetValue(name, out var text)
            ? new Partial(name, text)
            : throw new Fluid.FluidException($"no partial '{name}' in {folder}/; " +
                (Site.Suggestions.Closest(name, Sources.Keys) is { } near ? $"did you mean '{near}'? " : "") +
                $"partials are {(Sources.Count == 0 ? "none" : string.Join(", ", Sources.Keys.Order(StringComparer.Ordinal)))}");
    }

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    private sealed class Partial(string name, string text) : IFileInfo
    {
        private readonly byte[] bytes = Encoding.UTF8.GetBytes(text);

        public bool Exists => true;
        public long Length => bytes.Length;
        public string? PhysicalPath => null;
        public string Name => name + ".liquid";

        // Fixed, so Fluid's template cache keeps each partial parsed once per theme.
        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;
        public bool IsDirectory => false;
        public Stream CreateReadStream() => new MemoryStream(bytes, writable: false);
    }
}

/// A render that includes a partial whose own syntax error was reported when the theme loaded.
public sealed class BrokenPartialException(string message) : Fluid.FluidException(message);
