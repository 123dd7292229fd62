using Generator.Content;
using Generator.Engine;
using Generator.Site;

namespace Generator.Modules;

/// Once every pipeline has made its pages, checks that each link and image in the
/// content points at a file the build writes.
public sealed class CheckLinks(IReadOnlyList<string> pipelines) : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context)
    {
        var written = pipelines.SelectMany(context.OutputsOf)
            .Where(d => d.Destination.Length > 0)
            .Select(d => d.Destination)
            .ToHashSet(StringComparer.Ordinal);
        var pages = context.OutputsOf(nameof(Pipelines.Content));
        foreach (var doc in pages)
        {
            foreach (var link in doc.Get<IReadOnlyList<LinkReference>>(Keys.Links) ?? [])
            {
                if (Exists(link.Target, written))
                    continue;
                var hint = Nearest(link.Target, written) is { } nearest ? $"; did you mean '{nearest}'?" : "";
                if (link.IsImage)
                    context.Error(DiagnosticCodes.MissingImage, link.At, $"no image at '{link.Written}' (looked for input{link.Target}){hint}");
                else
                    context.Error(DiagnosticCodes.BrokenLink, link.At, $"no page or file at '{link.Written}' (resolved to {link.Target}){hint}");
            }
        }

        return Task.FromResult<IReadOnlyList<Document>>([]);
    }

    public static bool Exists(string target, IReadOnlySet<string> written)
    {
        var path = target.TrimStart('/');
        return written.Contains(SitePaths.Destination(target))
            || (!target.EndsWith('/') && written.Contains(path + "/index.html"));
    }

    /// A likely intended target: a sibling in the same folder whose last segment is one
    /// typo away, so a missing photo is never "corrected" to an unrelated file.
    private static string? Nearest(string target, HashSet<string> written)
    {
        var trimmed = target.TrimEnd('/');
        var cut = trimmed.LastIndexOf('/');
        if (cut < 0)
            return null;
        var folder = trimmed[..(cut + 1)];
        var trailing = target.EndsWith('/') ? "/" : "";
        var siblings = written
            .Select(w => "/" + (w.EndsWith("/index.html", StringComparison.Ordinal) ? w[..^"/index.html".Length] + "/" : w))
            .Where(p => p.StartsWith(folder, StringComparison.Ordinal) && p.Length > folder.Length && p.IndexOf('/', folder.Length) is var slash && (slash < 0 || slash == p.Length - 1))
            .Select(p => p[folder.Length..].TrimEnd('/'))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        return Suggestions.Closest(trimmed[(cut + 1)..], siblings) is { } name ? folder + name + trailing : null;
    }
}
