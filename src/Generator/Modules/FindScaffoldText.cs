using Generator.Content;
using Generator.Editing;
using Generator.Engine;

namespace Generator.Modules;

/// A page published with the placeholder text of `new topic` or `new page` still in it is an
/// error at that text: scaffolds start as drafts, and this catches the one whose `draft: true`
/// was removed before it was written.
public sealed class FindScaffoldText : DocumentModule
{
    protected override Document? Execute(Document doc, BuildContext context)
    {
        if (doc.Content is not { } text || doc.Get<FrontMatter>(Keys.FrontMatter) is not { Draft: false })
            return doc;
        foreach (var found in ScaffoldText.Find(text))
        {
            var (line, column) = Markdown.NestingDepth.Position(text, found.Index);
            context.Error(DiagnosticCodes.ScaffoldText, doc.At(line, column),
                $"still holds the placeholder text \"{found.Text}\" that 'new' wrote; replace it with the page's own text, or keep 'draft: true' until it is ready");
        }

        return doc;
    }
}
