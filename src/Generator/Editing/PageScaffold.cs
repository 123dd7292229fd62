using System.Text.RegularExpressions;
using Generator.Engine;
using Generator.Site;

namespace Generator.Editing;

/// `new page`: a plain page (not a topic) in every language, as a draft. Never overwrites.
public static partial class PageScaffold
{
    public static (IReadOnlyList<string> Written, IReadOnlyList<Diagnostic> Problems) Create(
        string inputFolder, string displayRoot, SiteConfig site, string path, string? title)
    {
        var relative = path;
        if (relative.EndsWith(".md", StringComparison.Ordinal))
            relative = relative[..^3];
        var first = relative.Split('/')[0];
        var problem = relative.StartsWith('/') ? $"'{path}' starts with '/'; give the page's path inside each language folder, such as about or policies/privacy"
            : site.Find(first) is not null ? $"'{path}' starts with the language folder '{first}'; give the path inside each language folder, such as about or policies/privacy"
            : !PagePath().IsMatch(relative) ? $"'{path}' is not a usable page path; use lowercase letters, digits and hyphens in folders and a name, such as about or policies/privacy"
            : first is "topics" or "tags" or "search" or "assets" ? $"'{first}' is reserved for the generated pages (topics are made with 'new topic'); choose another path, such as about or policies/privacy"
            : relative.Split('/').Any(part => part.Length > TopicScaffold.MaxName) ? $"a name in '{path}' is longer than {TopicScaffold.MaxName} characters; shorten it"
            : TopicScaffold.TitleProblem(title);
        if (problem is not null)
            return ([], [new Diagnostic(DiagnosticCodes.ScaffoldExists, Severity.Error, null, problem)]);

        var heading = title ?? TopicScaffold.TitleFrom(relative.Split('/')[^1]);
        var files = site.Languages.Select(l => (Lang: l.Code, Path: Path.Combine([inputFolder, l.Code, .. relative.Split('/')]) + ".md")).ToList();
        return TopicScaffold.Write(files, displayRoot, "--path", file => $"""
            ---
            title: {TopicScaffold.Quote(file.Lang == site.DefaultLanguage ? heading : $"{ScaffoldText.TranslateTitle} ({file.Lang}): {heading}")}
            draft: true
            ---

            {(file.Lang == site.DefaultLanguage ? ScaffoldText.PageBody : $"{ScaffoldText.TranslateBody} ({file.Lang}).")}

            """);
    }

    [GeneratedRegex("^([a-z0-9]+(-[a-z0-9]+)*/)*[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex PagePath();
}
