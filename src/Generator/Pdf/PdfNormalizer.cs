using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Generator.Pdf;

/// Makes Chromium's PDF the same bytes for the same page, and says whose it is. Skia stamps
/// the moment of printing as CreationDate and ModDate: they become the document's own dates
/// (publication, last change), written in place in the same number of bytes so the
/// cross-reference offsets still hold. Then an incremental update (PDF 1.7, 7.5.6) replaces
/// the information dictionary, which gains the title and author Chromium cannot set, and
/// the trailer gains the /ID that PDF/UA asks for, made from the content.
public static partial class PdfNormalizer
{
    public static byte[] Normalize(byte[] pdf, PdfInfo info)
    {
        // Latin-1 maps each byte to one char and back, so offsets in the text are offsets in the file.
        var latin1 = Encoding.Latin1;
        var text = latin1.GetString(pdf);
        var created = PdfDate(info.Created);
        var modified = PdfDate(info.Modified);
        text = SkiaDate().Replace(text, m => m.Groups["key"].Value + "(" + (m.Groups["key"].Value.StartsWith("/Mod", StringComparison.Ordinal) ? modified : created) + ")");
        text = RenumberNodes(text);

        var start = text.LastIndexOf("trailer", StringComparison.Ordinal);
        var end = start < 0 ? -1 : text.IndexOf("startxref", start, StringComparison.Ordinal);
        if (end < 0)
            throw new IOException("Chromium's PDF has no trailer");
        var trailer = text[start..end];
        var root = Reference("Root").Match(trailer) is { Success: true } r ? r.Groups[1].Value : throw new IOException("Chromium's PDF names no catalog");
        var infoObject = Reference("Info").Match(trailer) is { Success: true } i ? int.Parse(i.Groups[1].Value, CultureInfo.InvariantCulture) : -1;
        var size = int.Parse(Regex.Match(trailer, @"/Size\s+(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        var previous = StartXref().Matches(text)[^1].Groups["offset"].Value;
        if (infoObject < 0)
            infoObject = size++;

        var id = Convert.ToHexString(SHA256.HashData(latin1.GetBytes(text)).AsSpan(0, 16));
        var update = new StringBuilder();
        if (!text.EndsWith('\n'))
            update.Append('\n');
        var objectOffset = text.Length + update.Length;
        update.Append(CultureInfo.InvariantCulture, $"{infoObject} 0 obj\n<</Title {TextString(info.Title)}\n/Author {TextString(info.Author)}\n/Subject {TextString(info.Subject)}\n")
            .Append(CultureInfo.InvariantCulture, $"/Creator {TextString(info.Creator)}\n/Producer {TextString("Skia/PDF (Chromium)")}\n/CreationDate ({created})\n/ModDate ({modified})>>\nendobj\n");
        var xrefOffset = text.Length + update.Length;
        update.Append(CultureInfo.InvariantCulture, $"xref\n{infoObject} 1\n{objectOffset:D10} 00000 n \n")
            .Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {size}\n/Root {root} 0 R\n/Info {infoObject} 0 R\n/ID [<{id}> <{id}>]\n/Prev {previous}>>\nstartxref\n{xrefOffset}\n%%EOF\n");
        return latin1.GetBytes(text + update);
    }

    /// Tagged elements a table cell refers to carry an /ID made from the renderer's DOM node
    /// number, which counts every node of every page that renderer printed before. They are
    /// renumbered 1, 2, 3… in the order of the originals (so the /IDTree stays sorted), each
    /// as long as before (so the offsets hold): a page prints the same bytes whatever came before it.
    private static string RenumberNodes(string text)
    {
        var numbers = NodeId().Matches(text).Select(m => long.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture)).Distinct().Order().ToList();
        if (numbers.Count == 0)
            return text;
        var rank = numbers.Select((n, i) => (n, i + 1L)).ToDictionary(p => p.n, p => p.Item2);
        return NodeId().Replace(text, m =>
        {
            var digits = m.Groups["n"].Value;
            return "(node" + rank[long.Parse(digits, CultureInfo.InvariantCulture)].ToString(CultureInfo.InvariantCulture).PadLeft(digits.Length, '0') + ")";
        });
    }

    [GeneratedRegex(@"\(node(?<n>[0-9]+)\)")]
    private static partial Regex NodeId();

    /// D:20220920000000+00'00': the day at midnight UTC, as long as Skia's stamp.
    private static string PdfDate(DateOnly date) =>
        "D:" + date.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "000000+00'00'";

    /// A text string as UTF-16BE with its byte order mark, in hex: Japanese titles survive any reader.
    private static string TextString(string value) =>
        "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(value)) + ">";

    [GeneratedRegex(@"(?<key>/(?:Creation|Mod)Date\s*)\(D:[0-9]{14}[+\-Z][0-9']*\)")]
    private static partial Regex SkiaDate();

    private static Regex Reference(string key) => new($@"/{key}\s+(\d+)\s+0\s+R", RegexOptions.CultureInvariant);

    [GeneratedRegex(@"startxref\s+(?<offset>\d+)")]
    private static partial Regex StartXref();
}
