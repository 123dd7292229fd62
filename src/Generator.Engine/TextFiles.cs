using System.Text;

namespace Generator.Engine;

/// Every text file the build reads (Markdown, site.yml, taxonomy.yml, layouts, strings) is
/// read here: strict UTF-8, the byte order mark dropped, and a bad byte reported at its line
/// and column rather than silently turned into U+FFFD.
public static class TextFiles
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// A text file as strict UTF-8 without its byte order mark; throws
    /// <see cref="DecoderFallbackException"/> on a bad byte.
    public static string ReadText(string file)
    {
        var text = StrictUtf8.GetString(File.ReadAllBytes(file));
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    /// Reads <paramref name="file"/> into <paramref name="text"/>, or returns the GEN005
    /// diagnostic that says why it cannot be read (text is then empty).
    public static Diagnostic? Read(string file, string displayPath, out string text)
    {
        text = "";
        try
        {
            text = ReadText(file);
            return null;
        }
        catch (DecoderFallbackException e)
        {
            var (line, column, value) = BadByte(file, e.Index);
            return new Diagnostic(EngineCodes.UnreadableFile, Severity.Error, new SourcePosition(displayPath, line, column),
                $"is not valid UTF-8 text (byte 0x{value:X2} here is not UTF-8); save the file as UTF-8");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Diagnostic(EngineCodes.UnreadableFile, Severity.Error, new SourcePosition(displayPath, 1, 1), $"cannot be read: {e.Message}");
        }
    }

    /// The line and column (in characters, after a byte order mark) of the byte at
    /// <paramref name="index"/>, which the decoder reports as an offset editors cannot find.
    private static (int Line, int Column, byte Value) BadByte(string file, int index)
    {
        var bytes = File.ReadAllBytes(file);
        index = Math.Clamp(index, 0, Math.Max(0, bytes.Length - 1));
        var lineStart = Array.LastIndexOf(bytes, (byte)'\n', Math.Max(0, index - 1), index) + 1;
        var line = 1 + bytes.AsSpan(0, lineStart).Count((byte)'\n');
        if (lineStart == 0 && bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            lineStart = Math.Min(3, index);
        return (line, Encoding.UTF8.GetCharCount(bytes, lineStart, index - lineStart) + 1, bytes.Length == 0 ? (byte)0 : bytes[index]);
    }
}
