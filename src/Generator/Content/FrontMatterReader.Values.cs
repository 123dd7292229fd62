using System.Globalization;
using System.Text.RegularExpressions;
using Generator.Engine;
using Generator.Site;
using YamlDotNet.RepresentationModel;

namespace Generator.Content;

public sealed partial class FrontMatterReader
{
    /// Reads one value and reports a precise error when it has the wrong shape.
    private readonly partial struct ValueReader(string key, YamlNode node, YamlText yaml, ICollection<Diagnostic> diagnostics)
    {
        public void Report(string code, YamlNode at, string message) =>
            diagnostics.Add(new Diagnostic(code, Severity.Error, yaml.At(at), message));

        public string? Text()
        {
            if (node is YamlScalarNode { Value: { } value })
                return value;
            Report(DiagnosticCodes.InvalidValue, node, $"'{key}' must be text, got a {YamlText.Shape(node)}");
            return null;
        }

        /// A cover or photo: a path to a file of the site (checked like every image, later),
        /// or an https:// address, published as written. Any other scheme (javascript:, data:,
        /// http:) could run script or break the page's https, so it is refused (issue 13, A.18).
        public string? ImageReference()
        {
            if (Text() is not { } text)
                return null;
            var trimmed = text.Trim();
            if (!SitePaths.IsExternal(trimmed))
                return text;
            if (trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                && Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0)
                return trimmed;
            var hint = trimmed.StartsWith("//", StringComparison.Ordinal) ? $"; write https:{trimmed}"
                : trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? $"; write https://{trimmed[7..]}"
                : "";
            var shown = trimmed.Length <= 60 ? trimmed : trimmed[..60] + "…";
            Report(DiagnosticCodes.UnsafeImageReference, node,
                $"'{key}' must be a path to an image of the site, such as /assets/images/2022/photo.jpg, or an https:// address; got \"{shown}\"{hint}");
            return null;
        }

        /// A key shaped like a relative path (topics/2022/x): never absolute, never climbing
        /// with "..", so nothing can ever turn it into a path outside the site.
        public string? RelativeKey()
        {
            if (Text() is not { } text)
                return null;
            var segments = text.Split('/');
            if (text.Length > 0 && !text.Contains('\\') && !text.Contains(':') && segments.All(s => s.Length > 0 && s is not "." and not ".."))
                return text;
            var trimmed = text.Trim('/');
            var fix = text.StartsWith('/') && trimmed.Length > 0 && !trimmed.Contains('\\') && !trimmed.Contains(':') && trimmed.Split('/').All(s => s.Length > 0 && s is not "." and not "..")
                ? $"; write {trimmed}, without the leading '/'"
                : "";
            Report(DiagnosticCodes.UnsafePath, node,
                $"'{key}' must be a relative key such as topics/2022/human-security (no leading '/', no '..', no '\\' or ':'), got \"{text}\"{fix}");
            return null;
        }

        public DateOnly? Date()
        {
            var text = YamlText.Scalar(node);
            if (text is not null && IsoDate().IsMatch(text)
                && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return date;
            Report(DiagnosticCodes.InvalidDate, node, text is null
                ? $"'{key}' must be YYYY-MM-DD, got a {YamlText.Shape(node)}"
                : IsoDate().IsMatch(text) ? NoSuchDay(key, text)
                : $"'{key}' must be YYYY-MM-DD, got \"{text}\"");
            return null;
        }

        /// A date of the right shape that no calendar has: which part does not exist.
        private static string NoSuchDay(string key, string text)
        {
            int year = int.Parse(text[..4], CultureInfo.InvariantCulture), month = int.Parse(text[5..7], CultureInfo.InvariantCulture);
            var day = int.Parse(text[8..10], CultureInfo.InvariantCulture);
            if (year < 1 || month is < 1 or > 12)
                return $"'{key}' must be YYYY-MM-DD, got \"{text}\": there is no {(year < 1 ? "year 0000" : $"month {text[5..7]}")} (months are 01 to 12)";
            var days = DateTime.DaysInMonth(year, month);
            var name = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);
            return day == 0
                ? $"'{key}' \"{text}\" has day 00; days start at 01"
                : $"'{key}' \"{text}\" is not a day: {name} {year} has {days} days; write a day from 01 to {days}";
        }

        public int? Whole(int min, int max, string example)
        {
            var text = YamlText.Scalar(node);
            if (text is not null && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
                return value;
            Report(DiagnosticCodes.InvalidValue, node, $"'{key}' must be {example}, got {YamlText.Written(node)}");
            return null;
        }

        public bool Flag()
        {
            switch (YamlText.Scalar(node))
            {
                case "true" or "True" or "TRUE": return true;
                case "false" or "False" or "FALSE": return false;
                default:
                    Report(DiagnosticCodes.InvalidValue, node, $"'{key}' must be true or false, got {(node is YamlScalarNode s ? $"\"{s.Value}\"" : $"a {YamlText.Shape(node)}")}");
                    return false;
            }
        }

        public IEnumerable<(string Value, YamlNode Node)> TextList(string example)
        {
            if (node is not YamlSequenceNode list)
            {
                Report(DiagnosticCodes.InvalidValue, node, $"'{key}' must be {example}");
                yield break;
            }

            foreach (var item in list)
            {
                if (item is YamlScalarNode { Value: { Length: > 0 } value })
                    yield return (value, item);
                else
                    Report(DiagnosticCodes.InvalidValue, item, $"each entry of '{key}' must be text, got a {YamlText.Shape(item)}");
            }
        }

        [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
        private static partial Regex IsoDate();
    }
}
