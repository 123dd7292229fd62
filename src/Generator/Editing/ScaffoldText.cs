namespace Generator.Editing;

/// The placeholder sentences `new topic` and `new page` write. A page that still holds one is
/// not ready to publish: `build` and `check` report it at its position.
public static class ScaffoldText
{
    public const string Summary = "One or two sentences that say what the topic is about; shown in lists, feeds and search results.";
    public const string Body = "Write the topic here.";
    public const string PageBody = "Write the page here.";
    public const string TranslateTitle = "Translate the title";
    public const string TranslateSummary = "Translate the summary";
    public const string TranslateBody = "Translate the text here";

    public static IReadOnlyList<string> All { get; } = [Summary, Body, PageBody, TranslateTitle, TranslateSummary, TranslateBody];

    /// Every placeholder in <paramref name="text"/> with where it starts, in order.
    public static IEnumerable<(string Text, int Index)> Find(string text) =>
        All.SelectMany(placeholder => Occurrences(text, placeholder).Select(at => (placeholder, at))).OrderBy(found => found.at);

    private static IEnumerable<int> Occurrences(string text, string placeholder)
    {
        for (var at = text.IndexOf(placeholder, StringComparison.Ordinal); at >= 0; at = text.IndexOf(placeholder, at + placeholder.Length, StringComparison.Ordinal))
            yield return at;
    }
}
