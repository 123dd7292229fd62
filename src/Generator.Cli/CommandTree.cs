using System.CommandLine;
using Generator.Site;

namespace Generator.Cli;

/// Every command and option of the executable, in one place: Program.cs runs it, and the
/// process-level tests enumerate it so that no option can be added without a test case.
public static class CommandTree
{
    public static RootCommand Create()
    {
        var input = new Option<string>("--input") { Description = "Content folder (site.yml, taxonomy.yml, <lang>/, assets/)", DefaultValueFactory = _ => "input" };
        var theme = new Option<string>("--theme") { Description = "Theme folder (layouts/, i18n/, assets/)", DefaultValueFactory = _ => "theme" };
        var output = new Option<string>("--output") { Description = "Output folder, replaced only when the build succeeds", DefaultValueFactory = _ => "output" };
        var baseUrl = new Option<string?>("--base-url")
        {
            Description = $"Overrides base_url from site.yml: an absolute http(s) URL such as {BaseUrl.Example} (a missing trailing slash is added)",
        };
        var drafts = new Option<bool>("--drafts") { Description = "Include pages marked draft: true" };
        var future = new Option<bool>("--future") { Description = "Include pages dated after today (scheduled topics)" };
        var noSearch = new Option<bool>("--no-search") { Description = "Do not index the site for search (the search pages say search is unavailable)" };
        var pdf = new Option<bool>("--pdf") { Description = "Also publish each topic as a tagged PDF, printed by Debian's chromium (as pdf: true in site.yml does)" };
        var format = new Option<string>("--format")
        {
            Description = "Output format: text (compiler style), github (workflow annotations) or json (every diagnostic, for tools)",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "github", "json");
        var timings = new Option<bool>("--timings") { Description = "Print how long each module of each pipeline took" };
        var warningsAsErrors = new Option<bool>("--warnings-as-errors") { Description = "A warning fails the build as an error does: exit code 1, nothing written (for CI)" };
        var cacheDir = new Option<string?>("--cache-dir") { Description = "Folder of the build's cache, kept between builds: photos' derivatives, search bundles, PDFs, written files (default: .cache/images beside the input folder)" };
        var incremental = new Option<bool>("--incremental")
        {
            Description = "Keep each page's results in the cache and make again only what changed since the last incremental build (the cache's results/ folder)",
        };
        var noCache = new Option<bool>("--no-cache") { Description = "Neither read nor keep the cache: everything is made again, in a temporary folder removed afterwards" };
        var translations = new Option<bool>("--translations") { Description = "Print every page by language: ok, missing, stale or unmarked" };
        var baseRef = new Option<string?>("--base")
        {
            Description = "With --translations: list only the translations made stale since this Git ref, in every format and the job summary (default: the pull request's base branch, $GITHUB_BASE_REF)",
        };

        BuildSettings Settings(ParseResult result, bool write, CancellationToken cancel) => new()
        {
            WarningsAsErrors = result.GetValue(warningsAsErrors),
            InputFolder = Usage.InputFolder(result.GetValue(input)!),
            ThemeFolder = Usage.ExistingFolder(result.GetValue(theme)!, "--theme", "the folder that holds layouts/ and i18n/"),
            OutputFolder = write ? Usage.OutputFolder(result.GetValue(output)!, result.GetValue(input)!, result.GetValue(theme)!) : null,
            DisplayRoot = Directory.GetCurrentDirectory(),
            BaseUrl = Usage.BaseUrl(result.GetValue(baseUrl)),
            IncludeDrafts = result.GetValue(drafts),
            IncludeFuture = result.GetValue(future),
            Search = !result.GetValue(noSearch),
            Pdf = result.GetValue(pdf) ? true : null,
            CacheFolder = result.GetValue(noCache)
                ? Usage.TemporaryCacheFolder()
                : Usage.CacheFolder(result.GetValue(cacheDir), result.GetValue(input)!, result.GetValue(theme)!, write ? result.GetValue(output) : null),
            TemporaryCache = result.GetValue(noCache),
            Incremental = result.GetResult(incremental) is not null && result.GetValue(incremental),
            BuildTime = DateTimeOffset.UtcNow,
            CancellationToken = cancel,
        };

        string Report(ParseResult result) => result.GetValue(format)!;

        var build = new Command("build", "Build the site from the input and theme folders into the output folder (the default).")
        {
            input, theme, output, baseUrl, drafts, future, noSearch, pdf, format, timings, warningsAsErrors, cacheDir, noCache, incremental,
        };
        build.Validators.Add(result => OneCache(result, cacheDir, noCache));
        build.Validators.Add(result =>
        {
            if (result.GetValue(incremental) && result.GetValue(noCache))
                result.AddError("'--incremental' and '--no-cache' contradict each other: an incremental build keeps its results in the cache; pass one of them");
        });
        build.SetAction((result, cancel) => Commands.BuildAsync(Settings(result, write: true, cancel), Report(result), result.GetValue(timings)));

        var check = new Command("check", "Validate everything without writing output; list drafts and scheduled topics.")
        {
            input, theme, baseUrl, drafts, future, format, translations, baseRef, warningsAsErrors, cacheDir, noCache,
        };
        check.Validators.Add(result => OneCache(result, cacheDir, noCache));
        check.Validators.Add(result =>
        {
            if (result.GetResult(baseRef) is { Implicit: false } && !result.GetValue(translations))
                result.AddError("'--base' goes with '--translations': write 'check --translations --base main'");
        });
        check.SetAction((result, cancel) => result.GetValue(translations)
            ? Commands.TranslationsAsync(Settings(result, write: false, cancel), Report(result), result.GetValue(baseRef))
            : Commands.BuildAsync(Settings(result, write: false, cancel), Report(result)));

        var markPaths = new Argument<string[]>("files") { Description = "Translations to mark (default: every stale or unmarked one)", Arity = ArgumentArity.ZeroOrMore };
        var minor = new Option<bool>("--minor") { Description = "The files named are originals whose change needs no retranslation: mark their stale translations, recording who decided" };
        var mark = new Command("mark", "Record in each translation (translated_from) that it matches its original's current text, and keep the original's blocks to compare with later.")
        {
            input, theme, minor, markPaths,
        };
        mark.SetAction((result, cancel) => Commands.MarkAsync(Settings(result, write: false, cancel), result.GetValue(markPaths) ?? [], result.GetValue(minor)));
        var exportPaths = new Argument<string[]>("files") { Description = "Originals to export, files or folders (default: every page of the default language)", Arity = ArgumentArity.ZeroOrMore };
        var exportTo = new Option<string>("--to") { Description = "The language to translate into, such as ja", Required = true };
        var exportOut = new Option<string>("--out") { Description = "The XLIFF 2.0 file to write, such as ja.xlf", Required = true };
        var export = new Command("export", "Write the originals' text units as an XLIFF 2.0 file for a translation vendor; Markdown syntax becomes inline codes.")
        {
            input, theme, exportTo, exportOut, exportPaths,
        };
        export.SetAction((result, cancel) => Commands.ExportAsync(Settings(result, write: false, cancel), result.GetValue(exportTo)!, result.GetValue(exportOut)!, result.GetValue(exportPaths) ?? []));
        var importFile = new Argument<string>("file") { Description = "The XLIFF 2.0 file with targets filled in" };
        var import = new Command("import", "Write or update the translations from an XLIFF 2.0 file, then mark them.")
        {
            input, theme, importFile,
        };
        import.SetAction((result, cancel) => Commands.ImportAsync(Settings(result, write: false, cancel), result.GetValue(importFile)!));
        var translationsCommand = new Command("translations", "Translation bookkeeping.") { mark, export, import };

        var edition = new Option<int>("--edition") { Description = "White paper year, such as 2023", Required = true };
        var slug = new Option<string>("--slug") { Description = "File and URL name, such as water-and-sanitation", Required = true };
        var title = new Option<string?>("--title") { Description = "The English title (default: from the slug)" };
        var newTopic = new Command("topic", "Create a draft topic in every language with valid front matter and print the paths.")
        {
            input, edition, slug, title,
        };
        newTopic.SetAction(result => Commands.NewTopic(Usage.InputFolder(result.GetValue(input)!),
            result.GetValue(edition), result.GetValue(slug)!, result.GetValue(title)));
        var pagePath = new Option<string>("--path") { Description = "Where the page goes under each language, such as about or policies/privacy", Required = true };
        var newPage = new Command("page", "Create a draft plain page (not a topic) in every language and print the paths.")
        {
            input, pagePath, title,
        };
        newPage.SetAction(result => Commands.NewPage(Usage.InputFolder(result.GetValue(input)!),
            result.GetValue(pagePath)!, result.GetValue(title)));
        var newCommand = new Command("new", "Scaffold content.") { newTopic, newPage };

        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 to serve the preview on (0: any free port)", DefaultValueFactory = _ => 5080 };
        var preview = new Command("preview", "Build, serve on http://127.0.0.1:5080 (drafts included), rebuild on every change and reload open tabs.")
        {
            input, theme, future, port, cacheDir,
        };
        preview.SetAction((result, cancel) =>
        {
            var chosen = Usage.Port(result.GetValue(port));
            return Commands.PreviewAsync(
                Settings(result, write: false, cancel) with { IncludeDrafts = true, BaseUrl = new Uri($"http://127.0.0.1:{chosen}/") },
                chosen,
                cancel);
        });

        var verifyBaseUrl = new Option<string>("--base-url") { Description = $"The address the folder will be served from, such as {BaseUrl.Example}", Required = true };
        var verify = new Command("verify", "Check a built output folder as its host will serve it: every internal link, asset, feed entry, sitemap location and hreflang resolves under the base URL, and the folder is a valid GitHub Pages artifact.")
        {
            output, verifyBaseUrl,
        };
        verify.SetAction(result => Commands.Verify(Usage.ExistingFolder(result.GetValue(output)!, "--output", "the built site's folder"),
            Usage.BaseUrl(result.GetValue(verifyBaseUrl))!));

        var root = new RootCommand("White paper topics: a bilingual static site generator.")
        {
            input, theme, output, baseUrl, drafts, future, noSearch, format, timings, warningsAsErrors,
            build, check, preview, verify, translationsCommand, newCommand,
        };
        root.SetAction((result, cancel) => Commands.BuildAsync(Settings(result, write: true, cancel), Report(result), result.GetValue(timings)));
        return root;
    }

    private static void OneCache(System.CommandLine.Parsing.CommandResult result, Option<string?> cacheDir, Option<bool> noCache)
    {
        if (result.GetResult(cacheDir) is { Implicit: false } && result.GetValue(noCache))
            result.AddError("'--no-cache' and '--cache-dir' contradict each other: pass one of them");
    }
}
