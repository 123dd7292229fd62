using System.CommandLine;
using Generator;
using Generator.Cli;

var input = new Option<string>("--input") { Description = "Content folder (site.yml, taxonomy.yml, <lang>/, assets/)", DefaultValueFactory = _ => "input" };
var theme = new Option<string>("--theme") { Description = "Theme folder (layouts/, i18n/, assets/)", DefaultValueFactory = _ => "theme" };
var output = new Option<string>("--output") { Description = "Output folder, replaced only when the build succeeds", DefaultValueFactory = _ => "output" };
var baseUrl = new Option<Uri?>("--base-url") { Description = "Overrides base_url from site.yml, such as https://org.github.io/repo/" };
var drafts = new Option<bool>("--drafts") { Description = "Include pages marked draft: true" };
var format = new Option<string>("--format") { Description = "Diagnostics format: text (compiler style) or github (workflow annotations)", DefaultValueFactory = _ => "text" };
format.AcceptOnlyFromAmong("text", "github");

BuildSettings Settings(ParseResult result, bool write) => new()
{
    InputFolder = result.GetValue(input)!,
    ThemeFolder = result.GetValue(theme)!,
    OutputFolder = write ? result.GetValue(output) : null,
    DisplayRoot = Directory.GetCurrentDirectory(),
    BaseUrl = result.GetValue(baseUrl),
    IncludeDrafts = result.GetValue(drafts),
};

var build = new Command("build", "Build the site from the input and theme folders into the output folder (the default).")
{
    input, theme, output, baseUrl, drafts, format,
};
build.SetAction((result, cancel) => Commands.BuildAsync(Settings(result, write: true) with { CancellationToken = cancel }, result.GetValue(format)!));

var check = new Command("check", "Validate everything without writing output.")
{
    input, theme, baseUrl, drafts, format,
};
check.SetAction((result, cancel) => Commands.BuildAsync(Settings(result, write: false) with { CancellationToken = cancel }, result.GetValue(format)!));

var root = new RootCommand("White paper topics: a bilingual static site generator.")
{
    input, theme, output, baseUrl, drafts, format, build, check,
};
root.SetAction((result, cancel) => Commands.BuildAsync(Settings(result, write: true) with { CancellationToken = cancel }, result.GetValue(format)!));

return await root.Parse(args).InvokeAsync();
