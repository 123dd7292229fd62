using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Generator.BrowserTests;

/// axe-core with the WCAG 2.0, 2.1 and 2.2 level A and AA rules, one line per failing element.
public static class AccessibilityGate
{
    private static readonly List<string> Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

    public static async Task<IReadOnlyList<string>> CheckAsync(IPage page, string name)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = Tags },
        });
        return result.Violations
            .SelectMany(v => v.Nodes.Select(n => $"{name}: {v.Id} ({v.Impact}): {v.Help} at {n.Target}: {Shorten(n.Html)}"))
            .ToList();
    }

    private static string Shorten(string html) => html.Length <= 160 ? html : html[..160] + "…";
}
