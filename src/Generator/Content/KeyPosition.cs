using Generator.Engine;

namespace Generator.Content;

/// Where a top-level front matter key's value starts, for diagnostics about a value that
/// was read correctly but does not fit the page (a scheduled date, an edition that differs
/// from the folder). The file's (1,1) when the key is not written in the file itself.
public static class KeyPosition
{
    public static SourcePosition Of(Document doc, string key)
    {
        var text = doc.Content ?? "";
        var line = 1;
        for (var start = 0; start < text.Length; line++)
        {
            var end = text.IndexOf('\n', start);
            var current = end < 0 ? text[start..] : text[start..end];
            if (line > 1 && current.TrimEnd('\r', ' ', '\t') is "---" or "...")
                break;
            if (current.StartsWith(key + ":", StringComparison.Ordinal))
            {
                var value = key.Length + 1;
                while (value < current.Length && current[value] == ' ')
                    value++;
                return doc.At(line, value + 1);
            }

            if (end < 0)
                break;
            start = end + 1;
        }

        return doc.At();
    }
}
