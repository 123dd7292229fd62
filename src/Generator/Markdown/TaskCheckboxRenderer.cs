using Markdig.Extensions.TaskLists;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace Generator.Markdown;

/// "- [x] Done" as a checkbox a reader cannot change (the page is not a form) and a screen
/// reader names by the task's text; Markdig's own checkbox has no accessible name.
internal sealed class TaskCheckboxRenderer : HtmlObjectRenderer<TaskList>
{
    protected override void Write(HtmlRenderer renderer, TaskList task)
    {
        var text = new System.Text.StringBuilder();
        for (var inline = task.NextSibling; inline is not null; inline = inline.NextSibling)
            text.Append(HeadingText.Of(inline));
        renderer.Write("<input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled")
            .Write(task.Checked ? " checked" : "")
            .Write(" aria-label=\"").WriteEscape(text.ToString().Trim()).Write("\">");
    }
}
