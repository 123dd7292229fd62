using Generator.Engine;
using Generator.Site;

namespace Generator.Modules;

/// The pages and logo site.yml's publisher block names must be built: every page address
/// ("legal/privacy") in every language, and the logo under input/assets/. Reported at the
/// value in site.yml (GEN087), since that is where the address was written.
public sealed class CheckPublisher(IReadOnlyList<string> pipelines, string inputFolder) : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context)
    {
        var site = SiteData.Site(context);
        if (site.Publisher is not { } publisher)
            return Task.FromResult<IReadOnlyList<Document>>([]);
        var written = pipelines.SelectMany(context.OutputsOf).Select(d => d.Destination).Where(d => d.Length > 0).ToHashSet(StringComparer.Ordinal);
        if (publisher is { Logo: { } logo, LogoAt: { } logoAt } && !written.Contains(logo.TrimStart('/')))
        {
            // A logo that is there but was refused (an SVG with a script) has its own error at the file.
            var file = Path.Combine(inputFolder, logo.TrimStart('/'));
            context.DependOnFile(file);
            if (!File.Exists(file))
                context.Error(DiagnosticCodes.PublisherTarget, logoAt, $"the publisher logo '{logo}' does not exist; put the SVG at input{logo}");
        }

        foreach (var address in publisher.Addresses)
        {
            foreach (var (lang, value) in address.Values.OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                if (Publisher.IsExternal(value))
                    continue;
                var path = Publisher.PagePath(lang, value);
                if (!CheckLinks.Exists(path, written))
                    context.Error(DiagnosticCodes.PublisherTarget, address.At ?? new SourcePosition("input/site.yml", 1, 1),
                        $"the publisher names the page '{value}', but there is no page at {path}; create input{path.TrimEnd('/')}.md or write an https:// address");
            }
        }

        return Task.FromResult<IReadOnlyList<Document>>([]);
    }
}
