namespace Generator.Markdown;

/// Where an attribute's value is written in a start tag of raw HTML, so that one value can
/// be replaced and everything else left as the author wrote it. AngleSharp has read the tag
/// already (and says where it starts); this only walks its attributes as HTML's tokenizer does.
internal static class RawTag
{
    /// The span of <paramref name="attribute"/>'s value (quotes included) in the start tag
    /// at <paramref name="tagStart"/> ('&lt;'), or null.
    public static (int Start, int End)? ValueSpan(string html, int tagStart, string attribute)
    {
        if (tagStart < 0 || tagStart >= html.Length || html[tagStart] != '<')
            return null;
        var i = tagStart + 1;
        while (i < html.Length && !IsSpace(html[i]) && html[i] is not ('>' or '/'))
            i++;
        while (i < html.Length)
        {
            while (i < html.Length && (IsSpace(html[i]) || html[i] == '/'))
                i++;
            if (i >= html.Length || html[i] == '>')
                return null;
            var nameStart = i;
            while (i < html.Length && !IsSpace(html[i]) && html[i] is not ('>' or '/' or '='))
                i++;
            var name = html[nameStart..i];
            while (i < html.Length && IsSpace(html[i]))
                i++;
            if (i >= html.Length || html[i] != '=')
                continue;
            i++;
            while (i < html.Length && IsSpace(html[i]))
                i++;
            var valueStart = i;
            if (i < html.Length && html[i] is '"' or '\'')
            {
                var close = html.IndexOf(html[i], i + 1);
                i = close < 0 ? html.Length : close + 1;
            }
            else
            {
                while (i < html.Length && !IsSpace(html[i]) && html[i] != '>')
                    i++;
            }

            if (name.Equals(attribute, StringComparison.OrdinalIgnoreCase))
                return (valueStart, i);
        }

        return null;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';
}
