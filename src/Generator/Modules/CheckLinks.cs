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
                var nearest = Suggestions.Closest(link.Target, written.Select(w => "/" + (w.EndsWith("index.html", StringComparison.Ordinal) ? w[..^"index.html".Length] : w)));
                var hint = nearest is null ? "" : $"; did you mean '{nearest}'?";
                if (link.IsImage)
                    context.Error(DiagnosticCodes.MissingImage, link.At, $"no image at '{link.Written}' (looked for input{link.Target}){hint}");
                else
                    context.Error(DiagnosticCodes.BrokenLink, link.At, $"no page or file at '{link.Written}' (resolved to {link.Target}){hint}");
            }
        }

        return Task.FromResult<IReadOnlyList<Document>>([]);
    }

    private static bool Exists(string target, HashSet<string> written)
    {
        var path = target.TrimStart('/');
        return written.Contains(SitePaths.Destination(target))
            || (!target.EndsWith('/') && written.Contains(path + "/index.html"));
    }
}
