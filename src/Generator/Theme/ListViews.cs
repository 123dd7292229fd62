namespace Generator.Theme;

// Views of navigation and lists (snake_case in Liquid). Plain data, built by TopicCatalog,
// CreateListPages and PageViews.

/// One step of the breadcrumb trail; the last is the page itself.
public sealed record CrumbView(string Name, string Url, string Permalink);

public sealed record TopicLinkView(string Title, string Url);

/// A topic in a list. <see cref="OnlyIn"/> is the marker ("Only in Japanese") when the topic
/// does not exist in the list's language: the card then links to the language that has it.
public sealed record CardView(PageView Topic, string? OnlyIn);

public sealed record EditionView(int Year, string Name, string Url, int Count)
{
    /// When the edition was published (site.yml editions, issue 20), ISO and for readers, and its PDF in this language.
    public string? Published { get; init; }
    public string? PublishedText { get; init; }
    public string? PdfUrl { get; init; }

    /// Whether <see cref="PdfUrl"/> is the PDF this build prints of the edition (pdf: true), whose size the build fills in.
    public bool PdfPrinted { get; init; }
}

/// A list page: groups of topic cards (one group without heading on edition and tag pages,
/// one per edition on the all-topics index), or tags on the tags index.
public sealed record ListView
{
    /// On an edition's own index: the edition, with its publication date and PDF (issue 20).
    public EditionView? Edition { get; init; }
    public IReadOnlyList<GroupView> Groups { get; init; } = [];
    public IReadOnlyList<TagView> Tags { get; init; } = [];
    public IReadOnlyList<EditionView> Editions { get; init; } = [];
    public PaginationView? Pagination { get; init; }
}

public sealed record GroupView(string? Heading, string? Url, IReadOnlyList<CardView> Cards)
{
    /// The edition a group of the all-topics index is, with its publication date and PDF (issue 20).
    public EditionView? Edition { get; init; }
}

/// Pages of a list longer than the site's page size (site.yml 'paginate').
public sealed record PaginationView(int Current, int Total, string? PreviousUrl, string? NextUrl, IReadOnlyList<PageLinkView> Pages);

public sealed record PageLinkView(int Number, string Url, bool Current);
