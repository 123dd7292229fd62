namespace Generator;

/// Metadata keys of the site's documents.
public static class Keys
{
    /// <see cref="Content.FrontMatter"/> as written in the file (after inheritance in translations).
    public const string FrontMatter = "front_matter";

    /// <see cref="Content.PageKind"/>.
    public const string Kind = "kind";

    /// Language code, the page's top folder.
    public const string Lang = "lang";

    /// Site path of the page, '/'-rooted, without the base path: <c>/en/topics/2022/x/</c>.
    public const string Url = "url";

    /// Pairs translations: the relative path without language and extension, unless set.
    public const string TranslationKey = "translation_key";

    /// <see cref="Content.Translations"/>: the existing and missing other-language versions.
    public const string Translations = "translations";

    /// Markdown body (the file text; front matter kept so positions stay file-relative).
    public const string Markdown = "markdown";

    /// Rendered body HTML, before layouts.
    public const string BodyHtml = "body_html";

    /// Links and images found in the page (<see cref="Content.LinkReference"/> list), checked once every page exists.
    public const string Links = "links";

    /// Numbered figures of the page (<see cref="Content.Figure"/> list).
    public const string Figures = "figures";

    /// The photos a page shows (<see cref="Photos.PhotoUse"/> list), whose derivatives the Assets pipeline makes.
    public const string Photos = "photos";

    /// On a photo document of the Assets pipeline: the places that name it (<see cref="Photos.PhotoUse"/> list).
    public const string PhotoUses = "photo_uses";

    /// On a photo no page shows or links to, kept without a destination (so it is not
    /// written): where it would be published, so a mistyped image can suggest it.
    public const string NotPublishedAt = "not_published_at";

    /// On a photo whose original is published as it is too: why (publish_originals, or a page
    /// links to the file), for the GPS warning to say so.
    public const string OriginalPublished = "original_published";

    /// On a photo document of the Assets pipeline: its derivatives' cache files and destinations.
    public const string Derivatives = "derivatives";

    /// On a derivative: its source file is in the image cache, never changed, so it is
    /// written as a hard link (true).
    public const string FromImageCache = "from_image_cache";

    /// On a derivative of a preview build that is not in the cache yet: how to make it when it
    /// is requested (<see cref="Photos.DerivativeRequest"/>).
    public const string EncodeOnRequest = "encode_on_request";

    /// Layout name for generated pages (content pages take it from their kind or front matter).
    public const string Layout = "layout";

    /// Title of a generated page.
    public const string Title = "title";

    /// How many of <see cref="Figures"/> come from the front matter's images (shown by the layout).
    public const string PhotoCount = "photo_count";

    /// The cover image as a site path (no base path) or an https:// address, or null.
    public const string Cover = "cover";

    /// A topic without a cover: the generated link preview image (<see cref="Photos.ShareCard"/>), or null (issue 15).
    public const string ShareCard = "share_card";

    /// Previous and next topic of the same edition and language (<see cref="Content.TopicLink"/>), or null at the ends.
    public const string Previous = "previous";

    public const string Next = "next";

    /// Topics of the same language sharing the most tags (<see cref="Content.TopicLink"/> list).
    public const string Related = "related";

    /// What a generated list page shows (<see cref="Theme.ListView"/>).
    public const string List = "list";

    /// Breadcrumbs of a generated page (<see cref="Theme.CrumbView"/> list); content pages derive theirs.
    public const string Breadcrumbs = "breadcrumbs";

    /// Meta description of a generated page.
    public const string Summary = "summary";

    /// The page's table of contents (<see cref="Content.TocEntry"/> list), empty below three headings.
    public const string Toc = "toc";

    /// <see cref="Content.TranslationStatus"/> of the page against its default-language original.
    public const string TranslationStatus = "translation_status";

    /// On a translation up to date only because its original's changes since the mark were
    /// in commits marked minor: the <see cref="Editing.MinorCommit"/> (issue 17).
    public const string MinorCommit = "minor_commit";

    /// <see cref="Content.TranslationFingerprint"/> of the page's translatable text (originals only).
    public const string Fingerprint = "fingerprint";

    /// A topic's <see cref="Content.TopicOrder"/> (edition, number, date, tags).
    public const string TopicOrder = "topic_order";

    /// A page its layout could not render (<see cref="Theme.LayoutFailure"/>), reported once per layout and message.
    public const string LayoutFailure = "layout_failure";

    /// What a search page needs (<see cref="Theme.SearchView"/>): whether the index was built, where its script is.
    public const string Search = "search";

    /// The <see cref="Content.SectionId"/> list of a default-language page's headings, read
    /// from its Markdown before rendering, so its translations can take the same ids (issue 17).
    public const string SourceSectionIds = "source_section_ids";

    /// On a translation: its original's <see cref="SourceSectionIds"/>.
    public const string OriginalSectionIds = "original_section_ids";

    /// The ids of the page's headings as rendered (<see cref="Content.SectionId"/> list).
    public const string SectionIds = "section_ids";

    /// A list the Archives pipeline makes (CreateListPages.Plan).
    public const string ListPlan = "list_plan";

    /// The topic catalog (TopicCatalog) of the Catalog pipeline's one document.
    public const string Catalog = "catalog";

    /// On a topic of an older edition: the <see cref="Content.EditionLink"/> to the topic that replaces it, or null (issue 20).
    public const string SupersededBy = "superseded_by";

    /// The <see cref="Content.EditionLink"/> list of older topics this topic replaces (issue 20).
    public const string Supersedes = "supersedes";
}
