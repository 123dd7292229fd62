using Generator.Engine;

namespace Generator;

/// Every diagnostic code, in one place. Codes are stable: tests and editors rely on them.
public static class DiagnosticCodes
{
    // Engine (see Generator.Engine.EngineCodes)
    public const string PipelineGraph = EngineCodes.PipelineGraph;
    public const string InternalError = EngineCodes.InternalError;
    public const string OutputWrite = EngineCodes.OutputWrite;
    public const string DuplicateOutput = EngineCodes.DuplicateDestination;
    public const string UnreadableFile = EngineCodes.UnreadableFile;
    public const string CacheUnusable = EngineCodes.CacheUnusable;

    // Front matter
    public const string YamlSyntax = "GEN010";
    public const string UnknownKey = "GEN011";
    public const string InvalidDate = "GEN012";
    public const string InvalidValue = "GEN013";
    public const string MissingKey = "GEN014";
    public const string UnknownTag = "GEN015";
    public const string MissingAltText = "GEN016";
    public const string NoFrontMatter = "GEN017";
    public const string DuplicateTranslationKey = "GEN018";
    public const string UnsafeImageReference = "GEN019";

    // Links and files
    public const string BrokenLink = "GEN020";
    public const string MissingImage = "GEN021";
    public const string LinkOutsideSite = "GEN022";
    public const string StrayContentFile = "GEN023";
    public const string BrokenFragment = "GEN025";
    public const string TooManyLinkDefinitions = "GEN026";
    public const string BracesShownAsText = "GEN027";
    public const string TooManyHeadings = "GEN028";

    // Theme
    public const string LayoutError = "GEN030";
    public const string MissingLayout = "GEN031";
    public const string MissingString = "GEN032";

    // Site settings
    public const string SiteConfig = "GEN040";
    public const string Taxonomy = "GEN041";

    // The command line: a usage mistake (exit code 2), and `verify`'s findings in a built folder
    public const string Usage = "GEN042";
    public const string OutputCheck = "GEN043";

    // Page structure (issue 3)
    public const string SecondTopHeading = "GEN050";
    public const string SkippedHeadingLevel = "GEN051";

    // Bad and hostile input (issue 8)
    public const string LinkOutsideFolder = EngineCodes.LinkOutsideFolder;
    public const string NestingTooDeep = "GEN071";
    public const string NotMarkdown = "GEN072";
    public const string UnsafePath = "GEN073";
    public const string UnsafeHtml = "GEN074";

    // Hardening (issue 13)
    public const string FolderLink = EngineCodes.FolderLink;
    public const string FileTooLarge = EngineCodes.FileTooLarge;
    public const string UnsafeAsset = "GEN077";
    public const string UnprintableText = "GEN078";
    public const string UnprintableBody = "GEN079";
    public const string BadFileName = "GEN082";
    public const string Scheduled = "GEN083";
    public const string EditionMismatch = "GEN084";
    public const string Draft = "GEN085";

    // Editor's workflow: translation status, scaffolding (issue 4)
    public const string MissingTranslation = "GEN060";
    public const string StaleTranslation = "GEN061";
    public const string UnmarkedTranslation = "GEN062";
    public const string ScaffoldExists = "GEN063";
    public const string ScaffoldText = "GEN064";
    public const string NotATranslation = "GEN065";

    // Preview's outside look (issue 14)
    /// Preview (or build --drafts): a published page links to a draft, or takes its date from
    /// a draft original, so a build without drafts fails there.
    public const string NeedsDraft = "GEN122";

    /// A translation marked against an original that no longer exists.
    public const string OriginalMissing = "GEN123";

    // Search (issue 7)
    public const string SearchNotBuilt = "GEN080";
    public const string SearchIndexFailed = "GEN081";

    // Publisher and theme (issue 15)
    public const string Publisher = "GEN086";
    public const string PublisherTarget = "GEN087";

    // What changed in a stale translation's original, block by block (issue 17)
    public const string TranslationBlockChanged = "GEN093";
    public const string TranslationBlockAdded = "GEN094";
    public const string TranslationBlockRemoved = "GEN095";
    public const string NoTranslationRecord = "GEN096";
    public const string MinorNotApplicable = "GEN097";
    public const string TranslatedFragment = "GEN098";
    public const string XliffProblem = "GEN099";
    public const string GlossaryMistake = "GEN100";
    public const string GlossaryVariant = "GEN101";
    public const string GlossaryTermMissing = "GEN102";

    // Translators' workflow, continued (issue 17)
    public const string BaseNotFound = "GEN125";
    public const string MinorCommit = "GEN126";
    public const string TranslationBlockMoved = "GEN130";

    // Photos (issue 16)
    public const string PhotoUnreadable = "GEN103";
    public const string PhotoDisguised = "GEN104";
    public const string PhotoTooLarge = "GEN105";
    public const string PhotoHasGps = "GEN106";
    public const string PhotoCache = "GEN107";

    /// A photo under input/assets/ that no page shows or links to: not published, as its
    /// original may carry the camera's Exif and GPS (issue 16, outside look).
    public const string PhotoNotShown = "GEN121";

    /// Preview: a derivative requested after its original changed, before the rebuild (issue 16).
    public const string PhotoChanged = "GEN120";

    // An official publication's record: change history, moved pages, editions (issue 20)
    public const string ChangeHistory = "GEN110";
    public const string AliasCollision = "GEN111";
    public const string InvalidAlias = "GEN112";
    public const string MovedWithoutAlias = "GEN113";
    public const string SupersededBy = "GEN114";
    public const string ChangeDatesDiffer = "GEN115";

    // PDFs of topics and editions (issue 19)
    /// PDFs were asked for but Chromium is not installed: a warning, the rest is built without PDF links.
    public const string PdfBrowserMissing = "GEN131";

    /// Chromium failed to render a page as a PDF.
    public const string PdfRenderFailed = "GEN132";

    // Share cards: the link preview image of a topic without a cover (issue 15)
    public const string ShareCardFonts = "GEN127";
    public const string ShareCardFailed = "GEN128";

    /// A photo libvips decoded but logged warnings for (issue 16): its derivatives may show the damage.
    public const string PhotoDecodedWithWarnings = "GEN136";
}
