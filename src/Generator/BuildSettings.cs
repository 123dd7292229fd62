namespace Generator;

public sealed record BuildSettings
{
    public required string InputFolder { get; init; }

    public required string ThemeFolder { get; init; }

    /// The persistent cache (`--cache-dir`): photo derivatives, search bundles, PDFs, written
    /// files; null is .cache/images/ beside the input folder.
    public string? CacheFolder { get; init; }

    /// <see cref="CacheFolder"/> is this build's alone (`--no-cache`): nothing earlier builds
    /// kept is read, and the caller deletes the folder after the build.
    public bool TemporaryCache { get; init; }

    /// Keep each page's results in the cache (<see cref="Engine.ResultsFile"/>) and go on from
    /// the last build's: only what changed since is made again (`build --incremental`).
    public bool Incremental { get; init; }

    /// Photos' derivatives missing from the cache are not encoded by the build but when first
    /// requested (<see cref="Photos.DerivativeRequest"/>): preview, so the page is served at once.
    public bool EncodeOnRequest { get; init; }

    /// A figure whose image file is absent shows its caption and credit with the placeholder
    /// notice, as `placeholder: true` does, and the missing file is a warning (GEN021) instead of
    /// an error: preview, so an editor sees the page before the photo arrives (issue 15).
    public bool AbsentPhotosAsPlaceholders { get; init; }

    /// Where the share cards' fonts are looked for (issue 15); null is the system's font folders.
    public IReadOnlyList<string>? FontFolders { get; init; }

    /// Null checks everything and writes nothing.
    public string? OutputFolder { get; init; }

    /// Diagnostics show paths relative to this folder (the current directory for the CLI).
    public required string DisplayRoot { get; init; }

    /// Overrides site.yml's base_url (for example a GitHub Pages project URL in CI).
    public Uri? BaseUrl { get; init; }

    public bool IncludeDrafts { get; init; }

    /// A warning fails the build and nothing is written (`--warnings-as-errors`).
    public bool WarningsAsErrors { get; init; }

    /// Include pages dated after <see cref="BuildTime"/> (scheduled topics).
    public bool IncludeFuture { get; init; }

    /// The build's date and time: the CLI passes the clock, tests a fixed date. Null
    /// publishes every date (nothing counts as scheduled).
    public DateTimeOffset? BuildTime { get; init; }

    public CancellationToken CancellationToken { get; init; }

    /// Index the written site for search with Pagefind (issue 7); `build --no-search` turns it off.
    public bool Search { get; init; } = true;

    /// Publish each topic as a PDF too (issue 19): true for `build --pdf`; null leaves it to
    /// site.yml's pdf. Only a build that writes output makes them (never check or preview).
    public bool? Pdf { get; init; }

    /// The Chromium that renders the PDFs; null is Debian's /usr/bin/chromium.
    public string? PdfBrowser { get; init; }

    /// How long Chromium may take to start before the PDFs are given up (GEN132): one that
    /// hangs must not hold the build for Playwright's three minutes.
    public TimeSpan PdfStartTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// The Pagefind binary; null is the one the build installed beside the generator.
    public string? PagefindBinary { get; init; }
}
