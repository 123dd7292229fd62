using Microsoft.Playwright;

namespace Generator.BrowserTests;

/// Opens a page and records what a reader's browser would complain about: console
/// errors, uncaught script errors, failed requests and error responses.
public sealed class PageVisit
{
    private readonly List<string> problems = [];

    private PageVisit(IPage page) => Page = page;

    public IPage Page { get; }

    public IResponse? Response { get; private set; }

    public IReadOnlyList<string> Problems => problems;

    /// <paramref name="expectedStatus"/> is the main document's status (404 for the not-found page).
    public static async Task<PageVisit> OpenAsync(IPage page, Uri url, int expectedStatus = 200)
    {
        var visit = new PageVisit(page);
        page.Console += (_, message) =>
        {
            // Chromium logs the main document's expected 404 as a console error; that is not a page problem.
            if (message.Type == "error" && !(expectedStatus == 404 && message.Text.Contains("404", StringComparison.Ordinal)))
                visit.problems.Add($"console error: {message.Text}{(message.Location is { Length: > 0 } at ? $" ({at})" : "")}");
        };
        page.PageError += (_, error) => visit.problems.Add($"script error: {error}");
        page.RequestFailed += (_, request) => visit.problems.Add($"request failed: {request.Url} ({request.Failure})");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !(response.Url == url.ToString() && response.Status == expectedStatus))
                visit.problems.Add($"HTTP {response.Status}: {response.Url}");
        };
        visit.Response = await page.GotoAsync(url.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        if (visit.Response?.Status != expectedStatus)
            visit.problems.Add($"expected HTTP {expectedStatus}, got {visit.Response?.Status.ToString() ?? "no response"}");
        return visit;
    }
}
