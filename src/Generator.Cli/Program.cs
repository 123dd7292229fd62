using System.CommandLine;
using Generator;
using Generator.Cli;

var input = new Option<string>("--input") { Description = "Content folder (site.yml, taxonomy.yml, <lang>/, assets/)", DefaultValueFactory = _ => "input" };
var theme = new Option<string>("--theme") { Description = "Theme folder (layouts/, i18n/, assets/)", DefaultValueFactory = _ => "theme" };
var output = new Option<string>("--output") { Description = "Output folder, replaced only when the build succeeds", DefaultValueFactory = _ => "output" };
var baseUrl = new Option<Uri?>("--base-url") { Description = "Overrides base_url from site.yml, such as https://org.github.io/repo/" };
var drafts = new Option<bool>("--drafts") { Description = "Include pages marked draft: true" };
var future = new Option<bool>("--future") { Description = "Include pages dated after today (scheduled topics)" };
var format = new Option<string>("--format") { Description = "Output format: text (compiler style), github (workflow annotations) or json (with --translations)", DefaultValueFactory = _ => "text" };
format.AcceptOnlyFromAmong("text", "github", "json");
var timings = new Option<bool>("--timings") { Description = "Print how long each module of each pipeline took" };
var translations = new Option<bool>("--translations") { Description = "Print every page by language: ok, missing, stale or unmarked" };

BuildSettings Settings(ParseResult result, bool write) => new()
{
    InputFolder = result.GetValue(input)!,
    ThemeFolder = result.GetValue(theme)!,
    OutputFolder = write ? result.GetValue(output) : null,
    DisplayRoot = Directory.GetCurrentDirectory(),
    BaseUrl = result.GetValue(baseUrl),
    IncludeDrafts = result.GetValue(drafts),
    IncludeFuture = result.GetValue(future),
    BuildTime = DateTimeOffset.UtcNow,
};

var build = new Command("build", "Build the site from the input and theme folders into the output folder (the default).")
{
    input, theme, output, baseUrl, drafts, future, format, timings,
};
build.SetAction((result, cancel) => Commands.BuildAsync(Settings(result, write: true) with { CancellationToken = cancel }, result.GetValue(format)!, result.GetValue(timings)));

var check = new Command("check", "Validate everything without writing output.")
{
    input, theme, baseUrl, drafts, future, format, translations,
};
check.SetAction((result, cancel) => result.GetValue(translations)
    ? Commands.TranslationsAsync(Settings(result, write: false) with { CancellationToken = cancel }, result.GetValue(format)!)
    : Commands.BuildAsync(Settings(result, write: false) with { CancellationToken = cancel }, result.GetValue(format)!));

var markPaths = new Argument<string[]>("files") { Description = "Translations to mark (default: every stale or unmarked one)", Arity = ArgumentArity.ZeroOrMore };
var mark = new Command("mark", "Record in each translation (translated_from) that it matches its original's current text.")
{
    input, theme, markPaths,
};
mark.SetAction((result, cancel) => Commands.MarkAsync(Settings(result, write: false) with { CancellationToken = cancel }, result.GetValue(markPaths) ?? []));
var translationsCommand = new Command("translations", "Translation bookkeeping.") { mark };

var edition = new Option<int>("--edition") { Description = "White paper year, such as 2023", Required = true };
var slug = new Option<string>("--slug") { Description = "File and URL name, such as water-and-sanitation", Required = true };
var title = new Option<string?>("--title") { Description = "The English title (default: from the slug)" };
var newTopic = new Command("topic", "Create a topic in every language with valid front matter and print the paths.")
{
    input, edition, slug, title,
};
newTopic.SetAction(result => Commands.NewTopic(result.GetValue(input)!, result.GetValue(edition), result.GetValue(slug)!, result.GetValue(title)));
var newCommand = new Command("new", "Scaffold content.") { newTopic };

var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 to serve the preview on", DefaultValueFactory = _ => 5080 };
var preview = new Command("preview", "Build, serve on http://127.0.0.1:5080 (drafts included), rebuild on every change and reload open tabs.")
{
    input, theme, future, port,
};
preview.SetAction((result, cancel) => Commands.PreviewAsync(
    Settings(result, write: false) with
    {
        IncludeDrafts = true,
        BaseUrl = new Uri($"http://127.0.0.1:{result.GetValue(port)}/"),
        InputFolder = Path.GetFullPath(result.GetValue(input)!),
        ThemeFolder = Path.GetFullPath(result.GetValue(theme)!),
    },
    result.GetValue(port),
    cancel));

var root = new RootCommand("White paper topics: a bilingual static site generator.")
{
    input, theme, output, baseUrl, drafts, future, format, build, check, preview, translationsCommand, newCommand,
};
root.SetAction((result, cancel) => Commands.BuildAsync(Settings(result, write: true) with { CancellationToken = cancel }, result.GetValue(format)!));

return await root.Parse(args).InvokeAsync();
