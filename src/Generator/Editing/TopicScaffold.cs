using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Generator.Content;
using Generator.Engine;
using Generator.Site;

namespace Generator.Editing;

/// `new topic`: writes a topic in every language with valid front matter, numbered after
/// the highest number already used in its edition. Never overwrites a file.
public static partial class TopicScaffold
{
    public static (IReadOnlyList<string> Written, IReadOnlyList<Diagnostic> Problems) Create(
        string inputFolder, string displayRoot, SiteConfig site, int edition, string slug, string? title, DateOnly today)
    {
        var problem = !Slug().IsMatch(slug) ? $"'{slug}' is not a usable slug; use lowercase letters, digits and hyphens, such as water-and-sanitation"
            : slug.Length > MaxName ? $"the slug is {slug.Length} characters long; keep it to {MaxName}, such as water-and-sanitation"
            : slug is "index" or "page" ? $"'{slug}' is the name of a generated page of the edition; choose another slug, such as water-and-sanitation"
            : edition is < FrontMatterReader.FirstEdition or > FrontMatterReader.LastEdition ? $"--edition must be a year between {FrontMatterReader.FirstEdition} and {FrontMatterReader.LastEdition}, such as 2023, got {edition}"
            : TitleProblem(title);
        if (problem is not null)
            return ([], [new Diagnostic(DiagnosticCodes.ScaffoldExists, Severity.Error, null, problem)]);

        var files = site.Languages.Select(l => (Lang: l.Code, Path: Path.Combine(inputFolder, l.Code, "topics", edition.ToString(CultureInfo.InvariantCulture), slug + ".md"))).ToList();
        var number = NextNumber(inputFolder, site, edition);
        var heading = title ?? TitleFrom(slug);
        return Write(files, displayRoot, "--slug", file => file.Lang == site.DefaultLanguage ? Original(heading, today, edition, number) : Translation(heading, file.Lang));
    }

    /// Writes every file or, when one of them exists, none.
    internal static (IReadOnlyList<string> Written, IReadOnlyList<Diagnostic> Problems) Write(
        IReadOnlyList<(string Lang, string Path)> files, string displayRoot, string nameOption, Func<(string Lang, string Path), string> text)
    {
        var problems = new List<Diagnostic>();
        foreach (var file in files.Where(f => File.Exists(f.Path) || Directory.Exists(f.Path)))
        {
            problems.Add(new Diagnostic(DiagnosticCodes.ScaffoldExists, Severity.Error, new SourcePosition(DisplayPaths.Of(displayRoot, file.Path), 0, 0),
                $"already exists and was left as it is; choose another {nameOption} or edit that file"));
        }

        if (problems.Count > 0)
            return ([], problems);

        var written = new List<string>();
        foreach (var file in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file.Path)!);
            using (var stream = new FileStream(file.Path, FileMode.CreateNew))
            using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
                writer.Write(text(file));
            written.Add(DisplayPaths.Of(displayRoot, file.Path));
        }

        return (written, problems);
    }

    /// The longest slug or page name `new` writes: file systems cap a name at 255 bytes.
    internal const int MaxName = 100;

    internal static string? TitleProblem(string? title) =>
        title is null ? null
        : string.IsNullOrWhiteSpace(title) ? "--title must not be blank; leave it out to make the title from the name"
        : title.Any(char.IsControl) ? "--title must be one line of text, without line breaks or control characters"
        : null;

    internal static string TitleFrom(string slug) =>
        string.Join(' ', slug.Split('-', StringSplitOptions.RemoveEmptyEntries).Select((w, i) => i == 0 ? char.ToUpperInvariant(w[0]) + w[1..] : w));

    /// One more than the highest `number:` of the edition's topics in any language.
    public static int NextNumber(string inputFolder, SiteConfig site, int edition)
    {
        var highest = 0;
        foreach (var language in site.Languages)
        {
            var folder = Path.Combine(inputFolder, language.Code, "topics", edition.ToString(CultureInfo.InvariantCulture));
            if (!Directory.Exists(folder))
                continue;
            foreach (var file in Directory.EnumerateFiles(folder, "*.md"))
            {
                if (FrontMatterReader.TrySplit(File.ReadAllText(file).Replace("\r\n", "\n"), out var yaml)
                    && NumberLine().Match(yaml) is { Success: true } match
                    && int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var used))
                    highest = Math.Max(highest, used);
            }
        }

        return highest + 1;
    }

    // Drafts until an editor replaces the placeholder text: `check` reports any that is left
    // (ScaffoldText), so a scaffold cannot be published as it is.
    private static string Original(string title, DateOnly date, int edition, int number) => $"""
        ---
        title: {Quote(title)}
        summary: "{ScaffoldText.Summary}"
        date: {date:yyyy-MM-dd}
        edition: {edition}
        series: "ODA Topics"
        number: {number}
        tags: []
        draft: true
        ---

        {ScaffoldText.Body} Add photos under input/assets/images/{edition}/ and list them in `images`.

        """;

    // The translation inherits date, edition, number and tags; it stays unmarked (a
    // warning in check) until a translator translates it and runs `translations mark`.
    private static string Translation(string title, string lang) => $"""
        ---
        title: {Quote($"{ScaffoldText.TranslateTitle} ({lang}): {title}")}
        summary: "{ScaffoldText.TranslateSummary} ({lang})."
        series: "{(lang == "ja" ? "ODAトピックス" : "ODA Topics")}"
        draft: true
        ---

        {ScaffoldText.TranslateBody} ({lang}).

        """;

    internal static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();

    [GeneratedRegex(@"^number:\s*""?(\d+)""?\s*$", RegexOptions.Multiline)]
    private static partial Regex NumberLine();
}
