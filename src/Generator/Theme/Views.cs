using Generator.Content;

namespace Generator.Theme;

// The model layouts see, snake_case in Liquid (page.series_label, site.languages).
// Built from documents by PageViews; plain data, no behaviour.

public sealed record PageView
{
    public required string Title { get; init; }
    public string? Summary { get; init; }
    public required string Lang { get; init; }
    public required string LangName { get; init; }
    public required string Kind { get; init; }

    /// href with the base path: "/repo/en/topics/2022/x/".
    public required string Url { get; init; }

    /// Absolute URL for canonical links and hreflang.
    public required string Permalink { get; init; }

    /// ISO date ("2022-09-20") for &lt;time datetime&gt;, and the same date for readers.
    public string? Date { get; init; }
    public string? DateText { get; init; }
    public int? Edition { get; init; }

    /// The edition's name ("White Paper on Development Cooperation 2022"), from <see cref="Labels"/>.
    public string? EditionLabel { get; init; }

    /// The last change that mattered (front matter `changes:`), ISO and for readers, or null (issue 20).
    public string? Updated { get; init; }
    public string? UpdatedText { get; init; }

    /// The topic of a later edition that replaces this one, and the older topics this one
    /// replaces (front matter superseded_by, issue 20).
    public EditionLinkView? SupersededBy { get; init; }
    public IReadOnlyList<EditionLinkView> Supersedes { get; init; } = [];

    /// How to cite the topic (issue 20), or null on other pages.
    public CitationView? Citation { get; init; }

    /// The topic's PDF (issue 19), href with the base path, when this build makes PDFs; the
    /// layout leaves a data-pdf-size span in its link, which the PDF step fills with the size.
    public string? PdfUrl { get; init; }

    /// The change history, newest first (GOV.UK's order), with the first publication last.
    public IReadOnlyList<ChangeView> Changes { get; init; } = [];
    public int? Number { get; init; }
    public string? Series { get; init; }

    /// "ODA Topics 3" / "開発協力トピックス3", "Topic 3" without a series, or null (<see cref="Labels"/>).
    public string? SeriesLabel { get; init; }
    public IReadOnlyList<TagView> Tags { get; init; } = [];

    /// The front matter's photos, numbered from 1; the layout places them.
    public IReadOnlyList<Figure> Photos { get; init; } = [];

    /// Every numbered figure of the page, photos and body figures alike.
    public IReadOnlyList<Figure> Figures { get; init; } = [];
    public string? Cover { get; init; }
    public string Content { get; init; } = "";

    /// The content split after its first paragraph, so a layout can place the photos after
    /// the lead and the text starts on the first screen (issue 15); Lead is "" when the
    /// content does not start with a paragraph, and then Rest is all of it.
    public string Lead { get; init; } = "";
    public string Rest { get; init; } = "";
    public IReadOnlyList<TranslationView> Translations { get; init; } = [];
    public IReadOnlyList<MissingTranslationView> MissingTranslations { get; init; } = [];

    /// hreflang alternates: this page, each existing translation, and x-default.
    public IReadOnlyList<AlternateView> Alternates { get; init; } = [];
    public string? TranslationNote { get; init; }

    /// The &lt;title&gt;: unique per page, in the page's language ("Title | Site", page numbers on lists).
    public string HeadTitle { get; init; } = "";

    /// Open Graph locale ("en_US", "ja_JP") of the page and of its existing translations only.
    public string OgLocale { get; init; } = "";
    public IReadOnlyList<string> OgLocaleAlternates { get; init; } = [];

    /// The cover as an absolute URL for link previews, and its alt text.
    public string? CoverPermalink { get; init; }
    public string? CoverAlt { get; init; }

    /// The link preview image's pixel size, when known (a share card's).
    public int? CoverWidth { get; init; }
    public int? CoverHeight { get; init; }

    public IReadOnlyList<CrumbView> Breadcrumbs { get; init; } = [];
    public TopicLinkView? Previous { get; init; }
    public TopicLinkView? Next { get; init; }
    public IReadOnlyList<TopicLinkView> Related { get; init; } = [];

    /// Table of contents (headings of levels 2 and 3) when the page has three headings or more.
    public IReadOnlyList<TocEntry> Toc { get; init; } = [];

    /// What a generated list page shows, or null.
    public ListView? List { get; init; }

    /// JSON-LD (schema.org Article or WebPage, and BreadcrumbList), already JSON-escaped
    /// with '&lt;' as \u003c so it can never close its script element.
    public string JsonLd { get; init; } = "";

    /// "The English original has been updated since this translation", in the page's language, when stale.
    public string? StaleNotice { get; init; }

    /// href of the default-language original, when the page is a stale translation.
    public string? OriginalUrl { get; init; }

    /// The page is a draft (shown only with --drafts and in preview): the layout shows a banner.
    public bool Draft { get; init; }

    /// The front matter's search_terms: indexed for search, never shown.
    public IReadOnlyList<string> SearchTerms { get; init; } = [];

    /// What a search page needs, or null on other pages.
    public SearchView? Search { get; init; }
}

/// A search page: whether this build made the index (not in preview, nor without Node),
/// and the href of its language's list of bundles (<see cref="Search.SearchBundles"/>).
public sealed record SearchView(bool Indexed, string IndexUrl);

public sealed record SiteView(
    string Title,
    string Lang,
    string HomeUrl,
    string ChooserUrl,
    IReadOnlyList<LanguageView> Languages,
    IReadOnlyList<PageView> Topics)
{
    /// Newest topics first, topics only in another language included with a marker.
    public IReadOnlyList<CardView> Latest { get; init; } = [];
    public IReadOnlyList<EditionView> Editions { get; init; } = [];
    public IReadOnlyList<TagView> Tags { get; init; } = [];
    public string TopicsUrl { get; init; } = "";
    public string TagsUrl { get; init; } = "";
    public string FeedUrl { get; init; } = "";

    /// The language's JSON Feed (issue 20).
    public string JsonFeedUrl { get; init; } = "";

    /// The language's search page, or "" when the theme has none.
    public string SearchUrl { get; init; } = "";

    /// Who publishes the site, in this language (site.yml's publisher), or null.
    public PublisherView? Publisher { get; init; }
}

/// site.yml's publisher in one language, with hrefs for this language's pages; a value the
/// block leaves out is null.
public sealed record PublisherView(string Name, string? Url, string? LogoUrl)
{
    public string? Copyright { get; init; }
    public string? Licence { get; init; }
    public string? LicenceUrl { get; init; }
    public string? Source { get; init; }
    public string? SourceUrl { get; init; }
    public IReadOnlyList<LinkView> Links { get; init; } = [];
}

public sealed record LinkView(string Name, string Url);

public sealed record LanguageView(string Code, string Name, string Title, string Url, string Permalink)
{
    /// The language's interface strings, for pages shown in every language at once (404).
    public Strings? Strings { get; init; }

    public string FeedUrl { get; init; } = "";
}

public sealed record TagView(string Key, string Name, string Url)
{
    /// Topics with the tag (in any language) on tag lists; 0 elsewhere.
    public int Count { get; init; }
}

public sealed record TranslationView(string Lang, string LangName, string Url, string Title);

/// A language the page is not yet available in: the notice in the page's language, the
/// same notice in the missing language, and a link to that language's home page.
public sealed record MissingTranslationView(string Lang, string LangName, string Notice, string NativeNotice, string HomeUrl, string HomeText);

/// A topic's <see cref="Theme.Citation"/> as layouts show it: text, ISO and Highwire dates
/// (citation_publication_date wants 2022/09/20), the year, and the hrefs of its BibTeX and RIS files.
public sealed record CitationView(string Title, string Author, string Publisher, string Url)
{
    public string? Date { get; init; }
    public string? DateSlashed { get; init; }
    public string? Year { get; init; }
    public string? Updated { get; init; }
    public string? UpdatedText { get; init; }
    public string? EditionTitle { get; init; }
    public string? Isbn { get; init; }
    public string? PdfUrl { get; init; }
    public string BibUrl { get; init; } = "";
    public string RisUrl { get; init; } = "";
}

/// A topic of another edition: href, title, edition year.
public sealed record EditionLinkView(string Url, string Title, int? Edition);

/// One change of a page's history: ISO date, the date for readers, the note in the page's language.
public sealed record ChangeView(string Date, string DateText, string Note);

public sealed record AlternateView(string Hreflang, string Href);
