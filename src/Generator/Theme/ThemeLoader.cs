using System.Text.RegularExpressions;
using Fluid;
using Fluid.Values;
using Generator.Content;
using Generator.Engine;
using Generator.Site;
using YamlDotNet.RepresentationModel;

namespace Generator.Theme;

/// Loads theme/layouts/*.liquid (each parsed once) and theme/i18n/&lt;lang&gt;.yml.
public static partial class ThemeLoader
{
    // Making Fluid's parser (its grammar) is a tenth of the sample site's build, and it depends on
    // nothing: one for the process (FluidParser is thread-safe; includes already parse partials
    // with it from every rendering thread), started by StartParser while site.yml is read.
    private static readonly Lazy<FluidParser> Parser = new(() => new FluidParser(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// Makes the parser on another thread unless it is made, so a build that loads its settings
    /// first does not wait for it afterwards.
    public static void StartParser()
    {
        if (!Parser.IsValueCreated)
            ThreadPool.UnsafeQueueUserWorkItem(_ => _ = Parser.Value, null);
    }

    public static Theme Load(string themeFolder, string displayRoot, SiteConfig site, ICollection<Diagnostic> diagnostics)
    {
        var options = CreateOptions(site);
        var parser = Parser.Value;
        var layouts = new Dictionary<string, Layout>(StringComparer.Ordinal);
        // Layouts whose file is there but could not be parsed: their own error is the one
        // cause, so a page that names one is not also told the layout does not exist.
        var broken = new HashSet<string>(StringComparer.Ordinal);
        var layoutFolder = Path.Combine(themeFolder, "layouts");
        if (Directory.Exists(layoutFolder))
        {
            foreach (var file in Directory.EnumerateFiles(layoutFolder, "*.liquid").Order(StringComparer.Ordinal))
            {
                if (LinkOutside(themeFolder, file, displayRoot, diagnostics))
                    continue;
                if (ParseLayout(parser, file, DisplayPaths.Of(displayRoot, file), diagnostics) is { } layout)
                {
                    SettledFilters.Settle(layout.Template);
                    layouts[layout.Name] = layout;
                }
                else
                {
                    broken.Add(Path.GetFileNameWithoutExtension(file));
                }
            }

            if (layouts.Count == 0 && broken.Count == 0)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.MissingLayout, Severity.Error, new SourcePosition(DisplayPaths.Of(displayRoot, layoutFolder), 0, 0),
                    "the theme's layouts folder has no layouts (files named *.liquid); pass the theme folder with --theme, or restore its layouts"));
            }
        }
        else
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.MissingLayout, Severity.Error, new SourcePosition(DisplayPaths.Of(displayRoot, layoutFolder), 0, 0),
                "the theme has no layouts folder; pass the theme folder with --theme"));
        }

        options.FileProvider = LoadPartials(parser, Path.Combine(layoutFolder, "partials"), themeFolder, displayRoot, diagnostics, out var partialSources);
        // Fluid parses a partial when a page first includes it, and keeps it for every other page.
        options.TemplateParsed = (_, template) => SettledFilters.Settle(template);

        foreach (var layout in layouts.Values.Where(l => l.Parent is not null && !layouts.ContainsKey(l.Parent) && !broken.Contains(l.Parent)))
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.MissingLayout, Severity.Error, new SourcePosition(layout.Path, 2, 1),
                $"parent layout '{layout.Parent}' does not exist; layouts are {string.Join(", ", layouts.Keys.Order(StringComparer.Ordinal))}"));
        }

        BreakParentCycles(layouts, diagnostics);

        var strings = new Dictionary<string, Strings>(StringComparer.Ordinal);
        foreach (var language in site.Languages)
        {
            var file = Path.Combine(themeFolder, "i18n", language.Code + ".yml");
            var readable = !File.Exists(file) || !LinkOutside(themeFolder, file, displayRoot, diagnostics);
            strings[language.Code] = LoadStrings(language.Code, readable ? file : "", DisplayPaths.Of(displayRoot, file), diagnostics);
        }

        RequireUsedStrings([.. layouts.Values.Select(l => (l.Path, l.Source, l.FirstLine)), .. partialSources], strings.Values, diagnostics);
        return new Theme(layouts, strings, options) { Broken = broken, PartialFiles = partialSources };
    }

    /// A layout that is its own parent, directly or through others, would render without end:
    /// each cycle is reported once, at the layout (by name order) that closes it, and cut there.
    private static void BreakParentCycles(Dictionary<string, Layout> layouts, ICollection<Diagnostic> diagnostics)
    {
        foreach (var name in layouts.Keys.Order(StringComparer.Ordinal).ToList())
        {
            var chain = new List<string> { name };
            for (var parent = layouts[name].Parent; parent is not null && layouts.TryGetValue(parent, out var next); parent = next.Parent)
            {
                if (parent == name)
                {
                    var layout = layouts[chain[^1]];
                    diagnostics.Add(new Diagnostic(DiagnosticCodes.MissingLayout, Severity.Error, new SourcePosition(layout.Path, 2, 1),
                        $"layout '{layout.Name}' names '{name}' as its parent, which makes a cycle ({string.Join(" → ", chain.Append(name))}); a layout's parents must end at one without 'layout:', such as base"));
                    layouts[layout.Name] = layout with { Parent = null };
                    break;
                }

                if (chain.Contains(parent))
                    break; // a cycle that does not pass through this layout is reported at its own start
                chain.Add(parent);
            }
        }
    }

    /// Every string a layout or partial names (<c>t.menu_label</c>) must be in every
    /// language's file: a missing one is reported once at that file, with where it is used
    /// and the nearest string it has, never as a key printed on a page.
    private static void RequireUsedStrings(IReadOnlyList<(string Path, string Source, int FirstLine)> files, IEnumerable<Strings> languages, ICollection<Diagnostic> diagnostics)
    {
        var uses = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        foreach (var (path, source, firstLine) in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            // A template that names its own variable 't' ({% for t in page.translations %})
            // means that one there; its strings are checked when it renders.
            if (OwnT().IsMatch(source))
                continue;
            foreach (Match use in StringUse().Matches(source))
            {
                var before = source.AsSpan(0, use.Groups[1].Index - 2);
                var line = firstLine + before.Count('\n');
                var column = before.Length - (before.LastIndexOf('\n') + 1) + 1;
                uses.TryAdd(use.Groups[1].Value, new SourcePosition(path, line, column));
            }
        }

        foreach (var strings in languages.Where(s => !s.Unreadable))
        {
            foreach (var (key, at) in uses.OrderBy(u => u.Key, StringComparer.Ordinal).Where(u => !strings.Has(u.Key)))
            {
                strings.ReportedMissing(key);
                var near = Site.Suggestions.Closest(key, strings.Values.Keys.Concat(strings.Plurals.Keys).Order(StringComparer.Ordinal));
                diagnostics.Add(new Diagnostic(DiagnosticCodes.MissingString, Severity.Error, new SourcePosition(strings.Path, 1, 1),
                    $"missing interface string '{key}', used at {at}; add '{key}: …'{(near is null ? "" : $", or did the layout mean '{near}'?")}"));
            }
        }
    }

    // {{ t.name }}, {% if t.name %}, t.name | filter: the members of 't' a template names.
    [GeneratedRegex(@"(?<![\w.])t\.([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex StringUse();

    [GeneratedRegex(@"\b(for\s+t\s+in|assign\s+t\s*=|capture\s+t\b|as\s+t\b)")]
    private static partial Regex OwnT();

    /// theme/layouts/partials/*.liquid, each checked by parsing it once here, so a mistake
    /// in a partial is reported at its own line even when no page renders it.
    private static Partials LoadPartials(FluidParser parser, string folder, string themeFolder, string displayRoot, ICollection<Diagnostic> diagnostics,
        out List<(string Path, string Source, int FirstLine)> files)
    {
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        var broken = new Dictionary<string, string>(StringComparer.Ordinal);
        files = [];
        if (!Directory.Exists(folder))
            return new Partials(sources, DisplayPaths.Of(displayRoot, folder));
        foreach (var file in Directory.EnumerateFiles(folder, "*.liquid").Order(StringComparer.Ordinal))
        {
            if (LinkOutside(themeFolder, file, displayRoot, diagnostics))
                continue;
            if (ParseLayout(parser, file, DisplayPaths.Of(displayRoot, file), diagnostics) is not { } partial)
            {
                broken[Path.GetFileNameWithoutExtension(file)] = DisplayPaths.Of(displayRoot, file);
                continue;
            }

            files.Add((partial.Path, partial.Source, partial.FirstLine));
            // The file's last line break is not part of the partial, so one renders inline.
                sources[partial.Name] = partial.Source.EndsWith("\r\n", StringComparison.Ordinal) ? partial.Source[..^2]
                    : partial.Source.EndsWith('\n') ? partial.Source[..^1] : partial.Source;
        }

        return new Partials(sources, DisplayPaths.Of(displayRoot, folder), broken);
    }

    /// A layout or string file that links outside the theme is never read (issue 8).
    private static bool LinkOutside(string themeFolder, string file, string displayRoot, ICollection<Diagnostic> diagnostics)
    {
        if (SymbolicLinks.OutsideTarget(themeFolder, file) is not { } target)
            return false;
        diagnostics.Add(new Diagnostic(DiagnosticCodes.LinkOutsideFolder, Severity.Error, new SourcePosition(DisplayPaths.Of(displayRoot, file), 1, 1),
            $"is a symbolic link to '{target}', outside {DisplayPaths.Of(displayRoot, themeFolder)}/; copy the file into the folder instead"));
        return true;
    }

    private static TemplateOptions CreateOptions(SiteConfig site)
    {
        // Fluid's StrictVariables also rejects members that are merely null (an absent
        // summary), so unknown names are caught here instead: a typo such as page.titel
        // still fails the build, while optional values stay usable in {% if %}.
        var options = new TemplateOptions
        {
            StrictFilters = true,
            // A layout that loops without end (a range of a hundred million inside another)
            // must fail the render, not hang the build: ten million steps is far beyond any
            // page, even a list of every topic of a large site.
            MaxSteps = 10_000_000,
            Undefined = name => throw new FluidException($"Undefined variable '{name}'"),
        };
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        options.MemberAccessStrategy.Register<PageView>();
        SiteMembers.Register(options);
        options.MemberAccessStrategy.Register<LanguageView>();
        options.MemberAccessStrategy.Register<TagView>();
        options.MemberAccessStrategy.Register<TranslationView>();
        options.MemberAccessStrategy.Register<MissingTranslationView>();
        options.MemberAccessStrategy.Register<AlternateView>();
        options.MemberAccessStrategy.Register<ChangeView>();
        options.MemberAccessStrategy.Register<CitationView>();
        options.MemberAccessStrategy.Register<EditionLinkView>();
        options.MemberAccessStrategy.Register<SearchView>();
        options.MemberAccessStrategy.Register<PublisherView>();
        options.MemberAccessStrategy.Register<LinkView>();
        options.MemberAccessStrategy.Register<Figure>();
        options.MemberAccessStrategy.Register<CrumbView>();
        options.MemberAccessStrategy.Register<TocEntry>();
        options.MemberAccessStrategy.Register<TopicLinkView>();
        options.MemberAccessStrategy.Register<CardView>();
        options.MemberAccessStrategy.Register<EditionView>();
        options.MemberAccessStrategy.Register<ListView>();
        options.MemberAccessStrategy.Register<GroupView>();
        options.MemberAccessStrategy.Register<PaginationView>();
        options.MemberAccessStrategy.Register<PageLinkView>();
        // Interface strings: a key missing from the language's file is a theme error. One the
        // layouts name is reported at the i18n file when the theme is loaded (RequireUsedStrings).
        options.MemberAccessStrategy.Register<Strings, object>((strings, key) =>
            strings.TryGet(key, out var value) ? value
            : strings.Plurals.TryGetValue(key, out var plural) ? plural
            : strings.Unreadable || strings.IsReportedMissing(key) ? "" // its one mistake is reported at the file
            : throw new FluidException($"{strings.Path} has no string '{key}'"));
        options.MemberAccessStrategy.Register<Plural>();
        // {{ t.topic_count | count: n }}: the plural form for n, or a plain string with {count} filled in.
        options.Filters.AddFilter("count", (input, arguments, _) =>
        {
            var n = arguments.At(0).ToNumberValue();
            return new ValueTask<FluidValue>(new StringValue(Labels.Count(input.ToObjectValue() is Plural plural ? plural : input.ToStringValue(), n)));
        });
        // {{ t.search_found | plural_forms }}: the forms by CLDR category as JSON, for a script
        // that counts in the browser (search.js picks the form with Intl.PluralRules).
        options.Filters.AddFilter("plural_forms", (input, _, _) =>
            new ValueTask<FluidValue>(new StringValue(System.Text.Json.JsonSerializer.Serialize(
                input.ToObjectValue() is Plural plural ? plural.Forms : new Dictionary<string, string> { ["other"] = input.ToStringValue() }))));
        // {{ text | css_string }}: a quoted CSS string, for a custom property a stylesheet shows
        // with content: var(…) (the print running head, issue 15).
        options.Filters.AddFilter("css_string", (input, _, _) =>
            new ValueTask<FluidValue>(new StringValue(CssString(input.ToStringValue()))));
        options.Filters.AddFilter("relative_url", (input, _, _) =>
            new ValueTask<FluidValue>(new StringValue(site.Href(input.ToStringValue()))));
        options.Filters.AddFilter("absolute_url", (input, _, _) =>
            new ValueTask<FluidValue>(new StringValue(site.AbsoluteUrl(input.ToStringValue()))));
        // Dates and amounts in a given language: {{ page.date | format_date: page.lang }},
        // {{ page.date | era }}, {{ 49000000000 | yen: page.lang, true }}.
        options.Filters.AddFilter("format_date", (input, arguments, _) =>
            new ValueTask<FluidValue>(IsoDate(input) is { } date ? new StringValue(Dates.Format(date, arguments.At(0).ToStringValue())) : NilValue.Instance));
        options.Filters.AddFilter("era", (input, _, _) =>
            new ValueTask<FluidValue>(IsoDate(input) is { } date ? new StringValue(Eras.Format(date)) : NilValue.Instance));
        options.Filters.AddFilter("yen", (input, arguments, _) =>
            new ValueTask<FluidValue>(new StringValue(Yen.Format(input.ToNumberValue(), arguments.At(0).ToStringValue(), arguments.At(1).ToBooleanValue()))));
        return options;
    }

    private static string CssString(string text)
    {
        var quoted = new System.Text.StringBuilder("\"");
        foreach (var c in text)
        {
            if (c is '"' or '\\')
                quoted.Append('\\').Append(c);
            else if (char.IsControl(c))
                quoted.Append(' ');
            else
                quoted.Append(c);
        }

        return quoted.Append('"').ToString();
    }

    private static DateOnly? IsoDate(FluidValue input) =>
        DateOnly.TryParseExact(input.ToStringValue(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            ? date
            : null;

    private static Layout? ParseLayout(FluidParser parser, string file, string display, ICollection<Diagnostic> diagnostics)
    {
        if (TextFiles.Read(file, display, out var text) is { } unreadable)
        {
            diagnostics.Add(unreadable);
            return null;
        }

        string? parent = null;
        string? photoSizes = null;
        var body = text;
        var firstLine = 1;
        if (FrontMatterReader.TrySplit(text, out var yaml))
        {
            var root = new YamlText(display, 2).Load(yaml, diagnostics);
            if (root is YamlMappingNode map)
            {
                parent = map.Children.Where(c => YamlText.Scalar(c.Key) == "layout").Select(c => YamlText.Scalar(c.Value)).FirstOrDefault();
                photoSizes = map.Children.Where(c => YamlText.Scalar(c.Key) == "photo_sizes").Select(c => YamlText.Scalar(c.Value)).FirstOrDefault();
            }
            var headerLines = yaml.Count(c => c == '\n') + 2;
            body = string.Join('\n', text.Split('\n').Skip(headerLines));
            firstLine = headerLines + 1;
        }
        else if (MissesOpeningLine(text))
        {
            // Without its first '---' the front matter would be published as the page's text,
            // and the layout's parent (with the document's head) silently left out.
            diagnostics.Add(new Diagnostic(DiagnosticCodes.LayoutError, Severity.Error, new SourcePosition(display, 1, 1),
                "this front matter has no opening '---': add a line '---' above it (a layout's front matter goes between two '---' lines)"));
            return null;
        }

        if (!parser.TryParse(body, out var template, out var error))
        {
            var match = ParsePosition().Match(error);
            var at = match.Success
                ? new SourcePosition(display, int.Parse(match.Groups[1].Value) + firstLine - 1, int.Parse(match.Groups[2].Value))
                : new SourcePosition(display, firstLine, 1);
            var message = error.Split('\n')[0];
            diagnostics.Add(new Diagnostic(DiagnosticCodes.LayoutError, Severity.Error, at, ParsePosition().Replace(message, "").Trim()));
            return null;
        }

        return new Layout(Path.GetFileNameWithoutExtension(file), display, template, parent, body, firstLine) { PhotoSizes = photoSizes };
    }

    /// Whether the text starts with a layout's front-matter key and has a '---' line after it:
    /// front matter whose opening line is missing.
    private static bool MissesOpeningLine(string text) =>
        FrontMatterKey().IsMatch(text) && text.Split('\n').Skip(1).Any(l => l.TrimEnd() == "---");

    // Anchored at the text's start: most partials have no front matter and are not split.
    [GeneratedRegex(@"^[ \t]*(layout|photo_sizes)[ \t]*:")]
    private static partial Regex FrontMatterKey();

    private static Strings LoadStrings(string lang, string file, string display, ICollection<Diagnostic> diagnostics)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var plurals = new Dictionary<string, Plural>(StringComparer.Ordinal);
        if (!File.Exists(file))
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.MissingString, Severity.Error, new SourcePosition(display, 0, 0),
                $"the theme has no interface strings for language '{lang}'; create this file"));
            return new Strings(lang, display, values) { Unreadable = true };
        }

        if (TextFiles.Read(file, display, out var text) is { } unreadable)
        {
            diagnostics.Add(unreadable);
            return new Strings(lang, display, values) { Unreadable = true };
        }

        var yaml = new YamlText(display);
        var before = diagnostics.Count;
        var root = yaml.Load(text, diagnostics);
        if (root is null && diagnostics.Count > before)
            return new Strings(lang, display, values) { Unreadable = true }; // the YAML error is the one cause, not every string it holds
        if (root is YamlMappingNode map)
        {
            foreach (var (key, value) in map.Children)
            {
                if (YamlText.Scalar(key) is { } name && YamlText.Scalar(value) is { } scalar)
                    values[name] = scalar;
                else if (YamlText.Scalar(key) is { } pluralName && value is YamlMappingNode forms)
                    plurals[pluralName] = ReadPlural(lang, pluralName, forms, yaml, diagnostics);
                else
                    diagnostics.Add(new Diagnostic(DiagnosticCodes.MissingString, Severity.Error, yaml.At(value),
                        "each interface string must be 'key: text', or plural forms such as 'key: { one: \"{count} topic\", other: \"{count} topics\" }'"));
            }
        }

        foreach (var key in Strings.RequiredKeys.Where(k => !values.ContainsKey(k)))
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.MissingString, Severity.Error, new SourcePosition(display, 1, 1),
                $"missing interface string '{key}'"));
        }

        return new Strings(lang, display, values, plurals);
    }

    /// Plural forms: CLDR categories (one, other, …); the language's rule names which it needs.
    private static Plural ReadPlural(string lang, string name, YamlMappingNode node, YamlText yaml, ICollection<Diagnostic> diagnostics)
    {
        var forms = new Dictionary<string, string>(StringComparer.Ordinal);
        var needed = Plural.CategoriesOf(lang);
        foreach (var (keyNode, value) in node.Children)
        {
            var category = YamlText.Scalar(keyNode) ?? "";
            if (!needed.Contains(category))
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.MissingString, Severity.Error, yaml.At(keyNode),
                    $"'{name}' has a form '{category}', which {lang} does not use; its forms are {string.Join(", ", needed)}{(needed.Count == 1 ? " (write one plain string)" : "")}"));
                continue;
            }

            if (YamlText.Scalar(value) is { } text)
                forms[category] = text;
        }

        foreach (var missing in needed.Where(c => !forms.ContainsKey(c)))
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.MissingString, Severity.Error, yaml.At(node),
                $"'{name}' has no '{missing}' form; {lang} needs {string.Join(" and ", needed)}"));
            forms[missing] = forms.Values.FirstOrDefault() ?? "";
        }

        return new Plural(lang, forms);
    }

    [GeneratedRegex(@"at \((\d+):(\d+)\)")]
    private static partial Regex ParsePosition();
}
