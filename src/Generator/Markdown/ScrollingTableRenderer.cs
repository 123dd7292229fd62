using Generator.Theme;
using Markdig.Extensions.Tables;
using Markdig.Renderers;

namespace Generator.Markdown;

/// Wraps each table in a region that scrolls sideways on small screens; the region can
/// take focus, so keyboard users can scroll it too (WCAG 2.1.1).
internal sealed class ScrollingTableRenderer(Strings strings) : HtmlTableRenderer
{
    protected override void Write(HtmlRenderer renderer, Table table)
    {
        var label = strings.TryGet("table_label", out var text) ? text : "Table";
        renderer.EnsureLine();
        renderer.Write("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"").WriteEscape(label).WriteLine("\">");
        base.Write(renderer, table);
        renderer.EnsureLine();
        renderer.WriteLine("</div>");
    }
}
