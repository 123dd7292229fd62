using Generator.Content;
using Generator.Engine;

namespace Generator.Modules;

/// Adds the site's glossary (input/glossary.yml, issue 17) to the Data pipeline's documents,
/// for <see cref="CheckGlossary"/> to read through <see cref="SiteData.Glossary(BuildContext)"/>;
/// its mistakes are reported here, once (GEN100). A step of its own, so a glossary edit runs
/// this step and the checks that read the glossary again, and nothing else. With
/// <paramref name="load"/> false (`build`, which leaves terminology to `check` and preview)
/// the glossary is empty and the file is not read.
public sealed class LoadGlossary(BuildSettings settings, bool load) : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context)
    {
        var glossary = Glossary.Empty;
        string? text = null;
        if (load)
        {
            var file = Path.Combine(settings.InputFolder, Glossary.FileName);
            text = context.ReadFile(file, "glossary text", f => File.Exists(f) ? File.ReadAllText(f) : null);
            if (text is not null)
            {
                var diagnostics = new List<Diagnostic>();
                var languages = SiteData.Site(inputs)?.Languages.Select(l => l.Code).Distinct(StringComparer.Ordinal).ToList() ?? [];
                glossary = Glossary.Parse(text, DisplayPaths.Of(settings.DisplayRoot, file), diagnostics, languages);
                foreach (var diagnostic in diagnostics)
                    context.Report(diagnostic);
            }
        }

        return Task.FromResult<IReadOnlyList<Document>>([.. inputs, SiteData.Make(SiteData.GlossaryName, glossary, Fingerprints.Of(text ?? ""))]);
    }
}
