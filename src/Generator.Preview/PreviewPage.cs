using System.Net;
using System.Text;

namespace Generator.Preview;

/// What preview adds to each HTML page it serves (never to build output): the script
/// (<see cref="PreviewServer.ScriptPath"/>) that reloads the page when a rebuild finishes,
/// and an overlay listing the errors while the last build failed (the page underneath is
/// from the last good build), or, while it did not, a bar listing where a build without
/// drafts would fail (GEN122), since preview shows drafts (issue 14).
public static class PreviewPage
{
    public const string OverlayId = "preview-errors";

    public const string DraftBarId = "preview-drafts";

    public static string Inject(string html, PreviewSite site)
    {
        var extra = new StringBuilder();
        if (site.HasErrors)
        {
            extra.Append($"<div id=\"{OverlayId}\" role=\"alert\" style=\"position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:1.5rem;background:#2b0000ee;color:#fff;font:14px/1.5 ui-monospace,monospace\">")
                .Append("<p style=\"font-size:1.2rem;font-weight:bold;margin:0 0 1rem\">The build failed. Fix these problems and save; the page below is from the last good build.</p><pre style=\"white-space:pre-wrap;margin:0\">");
            foreach (var diagnostic in site.Diagnostics)
                extra.Append(WebUtility.HtmlEncode(diagnostic.ToString())).Append('\n');
            extra.Append("</pre></div>");
        }
        else if (site.Diagnostics.Where(d => d.Code == DiagnosticCodes.NeedsDraft).ToList() is { Count: > 0 } drafts)
        {
            extra.Append($"<div id=\"{DraftBarId}\" role=\"status\" style=\"position:sticky;bottom:0;z-index:2147483647;max-height:40vh;overflow:auto;margin:0;padding:.75rem 1rem;background:#3d2b00f2;color:#fff;font:13px/1.5 ui-monospace,monospace\">")
                .Append("<p style=\"font-weight:bold;margin:0 0 .5rem\">Preview shows drafts; a build without them fails here:</p><pre style=\"white-space:pre-wrap;margin:0\">");
            foreach (var diagnostic in drafts)
                extra.Append(WebUtility.HtmlEncode(diagnostic.ToString())).Append('\n');
            extra.Append("</pre></div>");
        }

        // A file, not an inline script: every page's CSP says script-src 'self' (issue 13).
        extra.Append("<script src=\"").Append(PreviewServer.ScriptPath)
            .Append("\" data-events=\"").Append(PreviewServer.EventsPath).Append("?v=").Append(site.Version)
            .Append("\"></script>");
        var end = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return end < 0 ? html + extra : html[..end] + extra + html[end..];
    }
}
