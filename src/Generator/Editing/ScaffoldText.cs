namespace Generator.Editing;

/// The placeholder sentences `new topic` and `new page` write. A page that still holds one is
/// not ready to publish: `build` and `check` report it at its position.
public static class ScaffoldText
{
    public const string Summary = "One or two sentences that say what the topic is about; shown in lists, feeds and search results.";
    public const string Body = "Write the topic here.";
    public const string PageBody = "Write the page here.";
    public const string TranslateSummary = "Translate the summary";
    public const string TranslateBody = "Translate the text here";

    public static IReadOnlyList<string> All { get; } = [Summary, Body, PageBody, TranslateSummary, TranslateBody];

    /// The first placeholder in <paramref name="text"/> and where it starts, or null.
    public static (string Text, int Index)? Find(string text)
    {
        (string, int)? first = null;
        foreach (var placeholder in All)
        {
            var at = text.IndexOf(placeholder, StringComparison.Ordinal);
            if (at >= 0 && (first is null || at < first.Value.Item2))
                first = (placeholder, at);
        }

        return first;
    }
}
