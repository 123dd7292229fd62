using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Generator.Pdf;

/// An edition's PDF as one HTML document (issue 19): a cover (publisher, edition, year), the
/// contents with page numbers, then each topic's article as its page shows it, in reading
/// order, each on a page of its own whose running head names it. The articles are taken from
/// the staged topic pages, so the book holds the same text, photos and typesetting as the
/// web page and its print; links between the book's own topics become links inside the PDF,
/// every other link the site's absolute address.
public static class EditionBook
{
    /// A topic as the book shows it: its anchor, title, series line and article.
    public sealed record Chapter(string Id, string Title, string? Series, string Article);

    /// The cover's and the contents' words, and what the whole book shares with its topic pages.
    public sealed record Cover(string Lang, string Publisher, string Edition, int Year, string? Published, string ContentsLabel);

    /// What the first topic page gives the book: its root element's style (the running head)
    /// and its stylesheets, as absolute addresses.
    public sealed record Frame(string? RootStyle, IReadOnlyList<string> Stylesheets);

    /// The id of the book's <paramref name="index"/>th topic (from 1): "t3". Its own ids become
    /// "t3-…", so no topic's id is ever another's heading, whatever the folders are named.
    public static string IdOf(int index) => "t" + index.ToString(CultureInfo.InvariantCulture);

    /// The part of a page <see cref="FrameOf"/> reads (up to the end of its head), and the part
    /// <see cref="ChapterOf"/> reads (its main element), found without parsing: the book's cache key.
    public static string HeadOf(string pageHtml) =>
        pageHtml.IndexOf("</head>", StringComparison.Ordinal) is var end and >= 0 ? pageHtml[..end] : pageHtml;

    public static string MainOf(string pageHtml) =>
        pageHtml.IndexOf("<main", StringComparison.Ordinal) is var start and >= 0
        && pageHtml.IndexOf("</main>", start, StringComparison.Ordinal) is var end and >= 0
            ? pageHtml[start..end]
            : pageHtml;

    public static Frame FrameOf(string pageHtml, Uri pageUri)
    {
        using var document = new HtmlParser().ParseDocument(pageHtml);
        var sheets = document.QuerySelectorAll("link[rel~=stylesheet][href]")
            .Where(l => l.GetAttribute("media") is null or "all" or "print")
            .Select(l => new Uri(pageUri, l.GetAttribute("href")!).AbsoluteUri)
            .ToList();
        return new Frame(document.DocumentElement.GetAttribute("style"), sheets);
    }

    /// The article of a staged topic page at <paramref name="pageUri"/>, made to stand inside
    /// the book: its ids are prefixed with the topic's (two topics may both have "#photo-1"),
    /// its addresses are absolute, a link to another topic of <paramref name="book"/> (page
    /// address → id) goes to that topic in the book, and its photos load at once.
    public static Chapter ChapterOf(string pageHtml, Uri pageUri, IReadOnlyDictionary<string, string> book)
    {
        var id = book[pageUri.AbsoluteUri];
        using var document = new HtmlParser().ParseDocument(pageHtml);
        var article = document.QuerySelector("main article")
            ?? throw new IOException($"the page {pageUri} has no article to put in the edition's PDF");
        string Local(string fragment) => id + "-" + fragment;

        foreach (var element in article.QuerySelectorAll("[id]"))
            element.Id = Local(element.Id!);
        foreach (var name in (string[])["aria-labelledby", "aria-describedby", "headers", "for"])
        {
            foreach (var element in article.QuerySelectorAll($"[{name}]"))
                element.SetAttribute(name, string.Join(' ', element.GetAttribute(name)!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Local)));
        }

        foreach (var link in article.QuerySelectorAll("a[href]"))
        {
            var href = link.GetAttribute("href")!;
            if (href.StartsWith('#'))
            {
                link.SetAttribute("href", "#" + Local(Uri.UnescapeDataString(href[1..])));
                continue;
            }

            if (!Uri.TryCreate(pageUri, href, out var target))
                continue;
            if (BookPage(target, book) is { } other)
                link.SetAttribute("href", "#" + (target.Fragment.Length > 1 ? other + "-" + Uri.UnescapeDataString(target.Fragment[1..]) : other));
            else
                link.SetAttribute("href", target.AbsoluteUri);
        }

        foreach (var element in article.QuerySelectorAll("[src]"))
        {
            if (Uri.TryCreate(pageUri, element.GetAttribute("src"), out var source))
                element.SetAttribute("src", source.AbsoluteUri);
        }

        foreach (var element in article.QuerySelectorAll("[srcset]"))
            element.SetAttribute("srcset", string.Join(", ", element.GetAttribute("srcset")!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(candidate => candidate.Split(' ', 2) is var parts && Uri.TryCreate(pageUri, parts[0], out var source)
                    ? string.Join(' ', [source.AbsoluteUri, .. parts.Skip(1)])
                    : candidate)));

        // A lazy photo below the fold may not be loaded when Chromium prints.
        foreach (var image in article.QuerySelectorAll("img[loading]"))
            image.RemoveAttribute("loading");

        article.Id = id;
        article.ClassList.Add("book-topic");
        article.SetAttribute("style", $"page: {id}");
        var title = Photos.ShareCard.OneLine(article.QuerySelector("h1")?.TextContent ?? "");
        var series = article.QuerySelector(".topic-series")?.TextContent is { } line ? Photos.ShareCard.OneLine(line) : null;
        return new Chapter(id, title, series, article.OuterHtml);
    }

    /// The book's topic a link goes to, in each form the link check accepts: /x/, /x, /x/index.html.
    private static string? BookPage(Uri target, IReadOnlyDictionary<string, string> book)
    {
        if (target.Query.Length > 0)
            return null;
        var page = target.GetLeftPart(UriPartial.Path);
        if (page.EndsWith("/index.html", StringComparison.Ordinal))
            page = page[..^"index.html".Length];
        return book.GetValueOrDefault(page) ?? (page.EndsWith('/') ? null : book.GetValueOrDefault(page + "/"));
    }

    /// The book: the cover, the contents (each topic's page from <paramref name="pages"/>, or
    /// a placeholder as wide as three digits on the first pass) and the chapters.
    public static string Html(Cover cover, Frame frame, IReadOnlyList<Chapter> chapters, IReadOnlyList<int>? pages)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(Encode(cover.Lang)).Append('"');
        if (frame.RootStyle is { } style)
            html.Append(" style=\"").Append(Encode(style)).Append('"');
        html.Append(">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(Encode(cover.Edition)).Append("</title>\n");
        foreach (var sheet in frame.Stylesheets)
            html.Append("<link rel=\"stylesheet\" href=\"").Append(Encode(sheet)).Append("\">\n");
        // Each topic is a named page whose running head is its title; the cover has none.
        html.Append("<style>\n");
        foreach (var chapter in chapters)
            html.Append("@page ").Append(chapter.Id).Append(" { @top-right { content: ").Append(CssString(Shortened(chapter.Title))).Append("; } }\n");
        html.Append("</style>\n</head>\n<body class=\"edition-book\">\n<main>\n");

        html.Append("<section class=\"book-cover\">\n<p class=\"book-publisher\">").Append(Encode(cover.Publisher)).Append("</p>\n")
            .Append("<h1 class=\"book-title\">").Append(Encode(cover.Edition)).Append("</h1>\n")
            .Append("<p class=\"book-year\">").Append(cover.Year.ToString(CultureInfo.InvariantCulture)).Append("</p>\n");
        if (cover.Published is { } published)
            html.Append("<p class=\"book-published\">").Append(Encode(published)).Append("</p>\n");
        html.Append("</section>\n");

        html.Append("<nav class=\"book-contents\" aria-labelledby=\"book-contents-heading\">\n<h2 id=\"book-contents-heading\">")
            .Append(Encode(cover.ContentsLabel)).Append("</h2>\n<ol>\n");
        for (var i = 0; i < chapters.Count; i++)
        {
            var chapter = chapters[i];
            html.Append("<li><a href=\"#").Append(chapter.Id).Append("\">");
            if (chapter.Series is { Length: > 0 } series)
                html.Append("<span class=\"book-entry-series\">").Append(Encode(series)).Append("</span> ");
            html.Append("<span class=\"book-entry-title\">").Append(Encode(chapter.Title)).Append("</span>")
                .Append("<span class=\"book-entry-page\">")
                .Append(pages is null ? "000" : pages[i].ToString(CultureInfo.InvariantCulture))
                .Append("</span></a></li>\n");
        }

        html.Append("</ol>\n</nav>\n");
        foreach (var chapter in chapters)
            html.Append(chapter.Article).Append('\n');
        return html.Append("</main>\n</body>\n</html>\n").ToString();
    }

    /// The page each chapter starts on in a printed book: its title's entry in the outline
    /// (Chromium makes one of each heading, in the order of the document, from the laid-out
    /// lines: a title that wraps loses the space at the break, so spaces are not compared).
    public static IReadOnlyList<int> PagesOf(byte[] pdf, IReadOnlyList<Chapter> chapters)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        if (!document.TryGetBookmarks(out var bookmarks))
            throw new IOException("Chromium's PDF of the edition has no outline to find its topics' pages in");
        var nodes = Flatten(bookmarks.Roots).OfType<UglyToad.PdfPig.Outline.DocumentBookmarkNode>().ToList();
        var pages = new List<int>(chapters.Count);
        var next = 0;
        foreach (var chapter in chapters)
        {
            var title = WithoutSpaces(chapter.Title);
            var found = nodes.FindIndex(next, n => WithoutSpaces(n.Title) == title);
            if (found < 0)
                throw new IOException($"the topic \"{chapter.Title}\" is not in the outline of its edition's PDF");
            pages.Add(nodes[found].PageNumber);
            next = found + 1;
        }

        return pages;
    }

    private static IEnumerable<UglyToad.PdfPig.Outline.BookmarkNode> Flatten(IEnumerable<UglyToad.PdfPig.Outline.BookmarkNode> nodes) =>
        nodes.SelectMany(n => (IEnumerable<UglyToad.PdfPig.Outline.BookmarkNode>)[n, .. Flatten(n.Children)]);

    /// A running head fits the top margin on one or two lines: a longer title is cut at a word
    /// (or, without spaces, as Japanese is, at a letter) and ends with an ellipsis.
    private static string Shortened(string title, int letters = 60)
    {
        var elements = System.Globalization.StringInfo.GetTextElementEnumerator(title);
        var cut = new StringBuilder();
        var count = 0;
        while (elements.MoveNext())
        {
            if (++count > letters)
            {
                var text = cut.ToString();
                var space = text.LastIndexOf(' ');
                return (space > letters / 2 ? text[..space] : text).TrimEnd() + "…";
            }

            cut.Append(elements.GetTextElement());
        }

        return title;
    }

    private static string WithoutSpaces(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// A CSS string: quotes and backslashes escaped, line breaks as \A (a title is one line anyway).
    private static string CssString(string text)
    {
        var css = new StringBuilder("\"");
        foreach (var c in text)
        {
            if (c is '"' or '\\')
                css.Append('\\').Append(c);
            else if (char.IsControl(c))
                css.Append("\\a ");
            else if (c == '<')
                css.Append("\\3c "); // never "</style>" inside the style element
            else
                css.Append(c);
        }

        return css.Append('"').ToString();
    }
}
