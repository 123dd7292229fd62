using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Fluid;
using Fluid.Values;
using Generator.Content;
using Generator.Engine;
using Generator.Engine.Modules;
using Generator.Theme;

namespace Generator.Modules;

/// Renders each page through its Liquid layout and the layout's parents. Runs in
/// PostProcess, so lists can show every page of the Content pipeline. A theme mistake is
/// reported once per layout and message, at its line in the layout.
/// The site's lists are shared by every page: a page depends on the members of the site
/// view its layouts actually read while rendering (<see cref="SiteMembers"/> records them),
/// so in a session a page is rendered again only when those members changed.
public sealed partial class RenderLayouts : DocumentModule<IReadOnlyDictionary<string, SiteView>>
{
    /// The site views are made per language: a save that adds none keeps them (what they
    /// show is read through the context, which a changed catalog or setting invalidates).
    protected override IReadOnlyList<string> PrepareReads { get; } = [Keys.Lang];

    protected override IReadOnlyDictionary<string, SiteView> Prepare(IReadOnlyList<Document> inputs, BuildContext context)
    {
        var views = SiteData.Views(context);
        var catalog = CreateCatalog.Read(context);
        return inputs.Select(d => d.Require<string>(Keys.Lang)).Distinct(StringComparer.Ordinal)
            .ToDictionary(lang => lang, lang => views.Site(lang, catalog.Own(lang), catalog), StringComparer.Ordinal);
    }

    protected override object? Lookup(string key, IReadOnlyDictionary<string, SiteView> sites) =>
        SiteMembers.Current(key, sites);

    protected override void Finish(IReadOnlyList<Document> outputs, IReadOnlyDictionary<string, SiteView> sites, BuildContext context) =>
        ReportFailures(outputs, context);

    protected override Document? Execute(Document doc, IReadOnlyDictionary<string, SiteView> sites, BuildContext context)
    {
        var theme = SiteData.Theme(context);
        var views = SiteData.Views(context);
        var name = LayoutName(doc);
        if (theme.FindLayout(name) is not { } layout)
        {
            // The layout's own syntax error is reported at its file; a theme without any
            // layout, once at its layouts folder.
            if (theme.Broken.Contains(name) || theme.HasNoLayouts)
                return doc;
            var names = theme.Layouts.Keys.Order(StringComparer.Ordinal).ToList();
            var list = string.Join(", ", names);
            context.Error(DiagnosticCodes.MissingLayout, doc.Get<FrontMatter>(Keys.FrontMatter)?.LayoutAt ?? doc.At(),
                Site.Suggestions.Closest(name, names) is { } near
                    ? $"layout '{name}' does not exist; did you mean '{near}'? Theme layouts are {list}"
                    : $"layout '{name}' does not exist; theme layouts are {list}");
            return doc;
        }

        if (doc.Get<FrontMatter>(Keys.FrontMatter) is { Layout: { } chosen, LayoutAt: var at } && GeneratedOnly.ContainsKey(chosen))
        {
            context.Error(DiagnosticCodes.MissingLayout, at ?? doc.At(),
                $"layout '{chosen}' is the one the generator uses for its {GeneratedOnly[chosen]}, which shows no page of its own; leave 'layout' out, or name page or topic");
            return doc;
        }

        var lang = doc.Require<string>(Keys.Lang);
        var page = views.Page(doc, withContent: true);
        var siteView = sites[lang];
        var strings = theme.StringsFor(lang);
        var (html, failed, message, explained) = Apply(theme, layout, page, siteView, strings,
            context.Recording ? (member, value) => context.DependOn(SiteMembers.Key(lang, member), value) : null);
        if (failed is not null)
            return doc.With(Keys.LayoutFailure, new LayoutFailure(failed.Path, failed.FirstLine, failed.Source, message!, explained));
        return doc with { Content = html };
    }

    /// The page through its layout and the layout's parents, each one's output the next
    /// one's <c>content</c>; on a theme error, the layout that failed, Fluid's message, and
    /// whether the error is one the theme's loading already reported.
    private static (string? Html, Layout? Failed, string? Message, bool Explained) Apply(Theme.Theme theme, Layout layout, PageView page, SiteView site, Strings strings, Action<string, object?>? read)
    {
        var context = new TemplateContext(theme.Options);
        if (read is not null)
            context.AmbientValues[SiteMembers.ReadsKey] = read;
        context.SetValue("page", page);
        context.SetValue("site", site);
        context.SetValue("t", strings);

        string? html = null;
        for (var current = layout; current is not null; current = current.Parent is { } parent ? theme.FindLayout(parent) : null)
        {
            try
            {
                html = current.Template.Render(context, Theme.Theme.Encoder);
            }
            catch (Exception e) when (e is FluidException or InvalidOperationException or ArgumentException)
            {
                // Fluid says the same for its step limit (TemplateOptions.MaxSteps) as for deep includes.
                var message = e.Message.StartsWith("The maximum level of recursion", StringComparison.Ordinal)
                    ? $"the layout ran more than {theme.Options.MaxSteps:N0} steps or nested includes more than {theme.Options.MaxRecursion} deep; look for a loop without end or an include of itself"
                    : e.Message;
                return (null, current, message, e is BrokenPartialException);
            }

            context.SetValue("content", new StringValue(html, encode: false));
        }

        return (html, null, null, false);
    }

    /// Layouts of the pages the generator makes itself; a page that names one would show that
    /// page instead of its own text.
    private static readonly Dictionary<string, string> GeneratedOnly = new(StringComparer.Ordinal)
    {
        ["chooser"] = "language chooser",
        ["notfound"] = "404 page",
        ["search"] = "search pages",
        ["list"] = "topic lists",
    };

    public static string LayoutName(Document doc) =>
        doc.Get<FrontMatter>(Keys.FrontMatter)?.Layout
        ?? doc.Get<string>(Keys.Layout)
        ?? doc.Require<PageKind>(Keys.Kind).ToString().ToLowerInvariant();

    private static void ReportFailures(IReadOnlyList<Document> outputs, BuildContext context)
    {
        var failures = outputs.Where(d => d.Metadata.ContainsKey(Keys.LayoutFailure))
            .Select(d => (Layout: d.Require<LayoutFailure>(Keys.LayoutFailure), Page: d.Source ?? d.Destination))
            .Where(f => !f.Layout.Explained)
            .ToList();
        if (failures.Count == 0)
            return;
        var partials = SiteData.Theme(context).PartialFiles;
        // Located once per layout and message; one mistake is then one error, however many
        // layouts include the partial that holds it.
        var located = failures.GroupBy(f => (f.Layout.Path, f.Layout.Message))
            .Select(g => (At: Locate(g.First().Layout, g.Key.Message, partials), g.Key.Message, Pages: g.Select(f => f.Page)))
            .GroupBy(l => (l.At, l.Message));
        foreach (var group in located)
        {
            var pages = group.SelectMany(l => l.Pages).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var where = pages.Count == 1 ? $"rendering {pages[0]}" : $"rendering {pages[0]} and {pages.Count - 1} other page(s)";
            context.Error(DiagnosticCodes.LayoutError, group.Key.At, $"{Explain(group.Key.Message)} ({where})");
        }
    }

    /// Fluid's render errors carry no position: find the culprit's first use in the layout
    /// that failed, else in the partials (Fluid does not say which one it was rendering, but
    /// an unknown name is a mistake wherever it is written), else the layout's first line.
    private static SourcePosition Locate(LayoutFailure layout, string message, IReadOnlyList<(string Path, string Source, int FirstLine)> partials)
    {
        var match = Quoted().Match(message);
        if (match.Success)
        {
            var name = Regex.Escape(match.Groups[1].Value);
            var pattern = message.Contains("filter", StringComparison.OrdinalIgnoreCase) ? $@"\|\s*{name}\b"
                : message.Contains("has no string", StringComparison.Ordinal) ? $@"\bt\.{name}\b"
                : $@"(?<![\w-]){name}\b";
            foreach (var (path, source, firstLine) in partials.Prepend((layout.Path, layout.Source, layout.FirstLine)))
            {
                if (Find(source, pattern) is { } at)
                    return new SourcePosition(path, firstLine + at.Line, at.Column);
            }
        }

        return new SourcePosition(layout.Path, layout.FirstLine, 1);
    }

    /// The line (from 0) and column of the first match of <paramref name="pattern"/>, widened
    /// to the whole expression ("page.titel", not just the unknown member).
    private static (int Line, int Column)? Find(string source, string pattern)
    {
        var found = Regex.Match(source, pattern);
        if (!found.Success)
            return null;
        var index = found.Index;
        while (index > 0 && (char.IsLetterOrDigit(source[index - 1]) || source[index - 1] is '_' or '.'))
            index--;
        var before = source.AsSpan(0, index);
        return (before.Count('\n'), index - (before.LastIndexOf('\n') + 1) + 1);
    }

    private static string Explain(string message) =>
        message.StartsWith("Undefined variable", StringComparison.Ordinal) ? "unknown variable" + message["Undefined variable".Length..]
        : message.StartsWith("Undefined filter", StringComparison.Ordinal) ? "unknown filter" + message["Undefined filter".Length..]
        : message;

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex Quoted();
}
