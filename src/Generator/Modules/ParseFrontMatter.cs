using System.Globalization;
using Generator.Content;
using Generator.Engine;
using Generator.Engine.Modules;

namespace Generator.Modules;

/// Reads and validates each page's front matter. A page with errors stays in the build
/// (so links to it still resolve) while its diagnostics fail the build.
/// With <paramref name="reportDrafts"/> (check), each draft left out is a note at its draft key.
/// With <paramref name="datedChanges"/>, a change dated after the build date is an error
/// (off when every date counts as published: --future, or no build date).
public sealed class ParseFrontMatter(bool includeDrafts, bool reportDrafts = false, bool datedChanges = false) : DocumentModule
{
    protected override Document? Execute(Document doc, BuildContext context)
    {
        var kind = doc.Require<PageKind>(Keys.Kind);
        var text = doc.Content ?? "";
        var found = new List<Diagnostic>();
        var matter = SiteData.FrontMatter(context).Read(doc.Source!, text, kind, found);
        FrontMatterReader.CheckChanges(matter, matter.Date, datedChanges ? context.Today : null, found);
        foreach (var diagnostic in found)
            context.Report(diagnostic);
        if (matter.Draft && !includeDrafts)
        {
            if (reportDrafts)
                context.Note(DiagnosticCodes.Draft, KeyPosition.Of(doc, "draft"), "is a draft and is not published; build --drafts includes it, and removing 'draft: true' publishes it");
            return null;
        }

        if (kind == PageKind.Topic && matter.Edition is null && EditionFromFolder(doc) is { } edition)
            matter = matter with { Edition = edition };
        else if (kind == PageKind.Topic && matter.Edition is { } set && EditionFromFolder(doc) is { } folder && set != folder)
        {
            // The URL says one year and the edition lists another: almost always a copied file.
            context.Warning(DiagnosticCodes.EditionMismatch, KeyPosition.Of(doc, "edition"),
                $"edition {set} differs from the folder topics/{folder}/ the file is in, so its URL and its edition list disagree; " +
                $"move the file to topics/{set}/ or write edition: {folder}");
        }

        var translationKey = matter.TranslationKey ?? doc.Require<string>(Keys.TranslationKey);
        return doc.With([
            new(Keys.FrontMatter, matter),
            new(Keys.TranslationKey, translationKey),
            new(Keys.Markdown, doc.Content),
        ]);
    }

    /// topics/2022/x.md belongs to the 2022 edition unless its front matter says otherwise.
    private static int? EditionFromFolder(Document doc)
    {
        var parts = doc.Require<string>(Engine.Modules.ReadFiles.RelativePathKey).Split('/');
        return parts.Length >= 4 && parts[2].Length == 4
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            ? year
            : null;
    }
}
