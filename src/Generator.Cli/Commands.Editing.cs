using System.Text.Json.Nodes;
using Generator.Content;
using Generator.Editing;
using Generator.Engine;
using Generator.Site;

namespace Generator.Cli;

public static partial class Commands
{
    /// `check --translations`: the table (or JSON) of every page by language, then for each
    /// stale translation the blocks of its original that changed since it was marked (as
    /// warnings at the original's lines, so `--format github` annotates them). Exit code 0
    /// unless the site has errors; missing and stale translations are not errors.
    /// With <paramref name="baseRef"/> (default: the pull request's base branch, $GITHUB_BASE_REF)
    /// every format, and the job summary on GitHub Actions, lists the translations made stale
    /// since it.
    public static async Task<int> TranslationsAsync(BuildSettings settings, string format, string? baseRef = null)
    {
        BuildResult result;
        try
        {
            result = await new SiteBuild(settings).RunAsync();
        }
        finally
        {
            Usage.RemoveTemporaryCache(settings);
        }

        var site = SiteData.Site(result);
        var pages = result.Outputs.GetValueOrDefault(nameof(Pipelines.Content)) ?? [];
        var report = TranslationReport.From(pages, site);
        var stale = StaleTranslation.In(pages, site.DefaultLanguage, settings.InputFolder, settings.CancellationToken);
        // The glossary's warnings are the build's own (check and preview report them too).
        var glossaryFile = Path.Combine(settings.InputFolder, Glossary.FileName);
        var glossaryMistakes = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.GlossaryMistake).ToList();
        var terms = result.Diagnostics.Where(d => d.Code is DiagnosticCodes.GlossaryVariant or DiagnosticCodes.GlossaryTermMissing).ToList();
        var code = result.Succeeded ? ExitCodes.Success : ExitCodes.ContentErrors;

        // With a base (--base, or a pull request's base branch) every format lists the
        // translations this change made stale; the table still counts them all.
        var printer = new DiagnosticPrinter(Console.Out, format, color: false);
        var notes = new List<Diagnostic>();
        var (against, noBase) = Base(settings, baseRef, notes.Add);
        var allStale = stale;
        if (against is not null)
            stale = [.. stale.Where(s => against.Changed.Contains(s.Original))];
        if (format == "json")
        {
            // The table, what changed in each stale translation and every diagnostic in one document.
            var json = DiagnosticPrinter.JsonReport([.. result.Diagnostics, .. notes], code);
            foreach (var (name, value) in JsonNode.Parse(report.ToJson())!.AsObject().ToList())
                json[name] = value?.DeepClone();
            json["stale"] = new JsonArray([.. stale.Select(s => new JsonObject
            {
                ["translation"] = s.Translation,
                ["original"] = s.Original,
                ["commit"] = s.Commit,
                ["markedBy"] = s.MarkedBy,
                ["changes"] = new JsonArray([.. s.Changes.Select(DiagnosticPrinter.ToJson)]),
            })]);
            json["base"] = against is null ? null : new JsonObject
            {
                ["ref"] = against.Ref,
                ["mergeBase"] = against.MergeBase,
                ["staleInAll"] = allStale.Count,
            };
            json["glossary"] = new JsonArray([.. glossaryMistakes.Concat(terms).Select(DiagnosticPrinter.ToJson)]);
            Console.WriteLine(json.ToJsonString(DiagnosticPrinter.Json));
            return code;
        }

        Console.Write(report.ToText());
        foreach (var note in notes)
            printer.Print(note);
        if (against is not null && format != "github")
        {
            Console.WriteLine();
            Console.WriteLine($"compared with {against.Ref} (merge base {against.MergeBase[..Math.Min(12, against.MergeBase.Length)]}): {stale.Count} of the {allStale.Count} stale translation{(allStale.Count == 1 ? "" : "s")} changed since; run without --base (and without $GITHUB_BASE_REF) for every one");
        }

        foreach (var translation in stale)
        {
            if (format != "github")
            {
                var since = translation.Commit is { } commit ? $" (marked at commit {commit[..Math.Min(12, commit.Length)]}{(translation.MarkedBy is { } by ? $" by {by}" : "")})" : "";
                Console.WriteLine();
                Console.WriteLine($"{translation.Translation} is stale{since}: {translation.Summary}"
                    + (translation.Changes.Count == 0 ? $"; run 'translations mark {translation.Translation}'" : ""));
            }

            foreach (var change in translation.Changes)
                printer.Print(change);
        }

        if (format != "github" && glossaryMistakes.Count + terms.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine($"glossary ({DisplayPaths.Of(settings.DisplayRoot, glossaryFile)}): {terms.Count} warning{(terms.Count == 1 ? "" : "s")}");
        }

        foreach (var diagnostic in terms)
            printer.Print(diagnostic);

        // On GitHub Actions, the job summary (shown on the pull request's checks page).
        if (format == "github" && Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary)
        {
            await File.AppendAllTextAsync(summary, TranslationSummary.Write(report, allStale, [.. glossaryMistakes, .. terms], pages, site, against, noBase), settings.CancellationToken);
        }

        if (!result.Succeeded)
            new DiagnosticPrinter(Console.Error, format, color: false).PrintAll([.. result.Diagnostics.Where(d => d.IsError)]);
        return code;
    }

    /// What the stale list compares with: --base, else the pull request's base branch; a
    /// base that cannot be compared with is a note (GEN125), and every stale translation is listed.
    private static (TranslationSummary.Base? Against, string? NoBase) Base(BuildSettings settings, string? baseRef, Action<Diagnostic> note)
    {
        var wanted = baseRef is { Length: > 0 } ? baseRef : Environment.GetEnvironmentVariable("GITHUB_BASE_REF");
        if (wanted is not { Length: > 0 })
            return (null, "No base branch to compare with (not a pull request, and no --base)");
        if (BaseComparison.Find(settings.InputFolder, wanted, remoteFirst: baseRef is not { Length: > 0 }, out var problem) is not { } found)
        {
            note(new Diagnostic(DiagnosticCodes.BaseNotFound, Severity.Note, null,
                $"cannot compare with the base '{wanted}': {problem}; every stale translation is listed"));
            return (null, $"Could not compare with '{wanted}' ({problem})");
        }

        var changed = found.Changed.Select(file => DisplayPaths.Of(settings.DisplayRoot, file)).ToHashSet(StringComparer.Ordinal);
        return (new TranslationSummary.Base(found.Ref, found.MergeBase, changed), null);
    }

    /// `translations mark [files]`: writes translated_from into the translations, drafts and
    /// scheduled ones included, and their block records. A folder stands for the Markdown
    /// files under it. A named path that does not exist is a usage mistake (exit 2); a file
    /// that is not a translation of an existing original is reported and fails the command
    /// (exit 1). With <paramref name="minor"/> the files named are originals whose change
    /// needs no retranslation: their stale translations are marked, recording who decided.
    public static async Task<int> MarkAsync(BuildSettings settings, IReadOnlyCollection<string> files, bool minor = false)
    {
        foreach (var file in files.Where(f => !File.Exists(f) && !Directory.Exists(f)))
        {
            throw new UsageException(DiagnosticCodes.Usage, file.StartsWith('-')
                ? $"unknown option '{file}' for 'translations mark'; it takes --input, --theme, --minor and the files to mark"
                : $"'{file}' does not exist; name translation files or folders such as input/ja/topics/2022/human-security.md");
        }

        if (minor && files.Count == 0)
            throw new UsageException(DiagnosticCodes.Usage, "'translations mark --minor' needs the originals whose change needs no retranslation, such as input/en/topics/2022/human-security.md");

        var build = new SiteBuild(settings with { IncludeDrafts = true, IncludeFuture = true });
        var result = await build.RunAsync();
        var site = SiteData.Site(result);
        var wanted = files
            .SelectMany(f => Directory.Exists(f) ? Directory.EnumerateFiles(f, "*.md", SearchOption.AllDirectories) : [f])
            .Select(f => DisplayPaths.Of(settings.DisplayRoot, Path.GetFullPath(f)))
            .ToHashSet(StringComparer.Ordinal);
        var folders = files.Where(Directory.Exists).Select(f => DisplayPaths.Of(settings.DisplayRoot, Path.GetFullPath(f)).TrimEnd('/') + "/").ToList();
        var git = GitWorkTree.Find(settings.InputFolder);
        if (minor)
            return MarkMinor(result, site, settings, wanted, folders, git);

        var (changed, current, _, waived) = TranslationMarker.Mark(result, wanted, settings.InputFolder, git);
        foreach (var path in changed)
        {
            Console.WriteLine(waived?.GetValueOrDefault(path) is { } waiver
                ? $"marked {path} as a minor edit (no retranslation), decided by {waiver.By} in commit {waiver.Commit[..Math.Min(12, waiver.Commit.Length)]} ('{MinorCommits.Trailer}: {MinorCommits.Minor}')"
                : $"marked {path}");
        }
        foreach (var path in current)
            Console.WriteLine($"{path}: already marked as up to date");
        // Within a named folder, originals are simply not translations; a file named alone must be one.
        var strays = wanted.Except(changed).Except(current)
            .Where(path => !folders.Any(folder => path.StartsWith(folder, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal).ToList();
        foreach (var path in strays)
        {
            Console.WriteLine(new Diagnostic(DiagnosticCodes.NotATranslation, Severity.Error, new SourcePosition(path, 0, 0),
                $"not marked: not a translation of a page in the default language ({site.DefaultLanguage}); name a translation such as input/ja/topics/2022/human-security.md"));
        }

        if (wanted.Count == 0 && changed.Count == 0)
            Console.WriteLine("every translation is already marked as up to date");
        return strays.Count > 0 ? ExitCodes.ContentErrors : ExitCodes.Success;
    }

    private static int MarkMinor(BuildResult result, SiteConfig site, BuildSettings settings, HashSet<string> wanted, List<string> folders, GitWorkTree? git)
    {
        var pages = result.Outputs.GetValueOrDefault(nameof(Pipelines.Content)) ?? [];
        var originals = pages.Where(p => p.Source is not null && wanted.Contains(p.Source) && p.Get<string>(Keys.Lang) == site.DefaultLanguage)
            .Select(p => p.Source!).ToHashSet(StringComparer.Ordinal);
        // What the decision waives, printed before the records forget it.
        var waived = StaleTranslation.In(pages, site.DefaultLanguage, settings.InputFolder)
            .Where(s => originals.Contains(s.Original)).ToList();
        var (changed, current, problems, _) = TranslationMarker.MarkMinor(result, originals, settings.InputFolder, git, DateOnly.FromDateTime((settings.BuildTime ?? DateTimeOffset.UtcNow).UtcDateTime));
        var printer = new DiagnosticPrinter(Console.Out, "text", color: false);
        foreach (var path in changed)
        {
            Console.WriteLine($"marked {path} as a minor edit (no retranslation), decided by {GitWorkTree.Who(git)}");
            foreach (var change in waived.Where(w => w.Translation == path).SelectMany(w => w.Changes))
                Console.WriteLine("  waived: " + change);
        }

        foreach (var path in current)
            Console.WriteLine($"{path}: already marked as up to date");
        foreach (var problem in problems)
            printer.Print(problem);
        var strays = wanted.Except(originals)
            .Where(path => !folders.Any(folder => path.StartsWith(folder, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal).ToList();
        foreach (var path in strays)
        {
            printer.Print(new Diagnostic(DiagnosticCodes.MinorNotApplicable, Severity.Error, new SourcePosition(path, 0, 0),
                $"not marked: --minor takes originals in the default language ({site.DefaultLanguage}), such as input/{site.DefaultLanguage}/topics/2022/human-security.md"));
        }

        if (changed.Count == 0 && current.Count == 0 && problems.Count == 0 && strays.Count == 0)
            Console.WriteLine("no translation of these originals is stale");
        return strays.Count > 0 || problems.Count > 0 ? ExitCodes.ContentErrors : ExitCodes.Success;
    }

    /// `translations export --to ja [files] --out ja.xlf`: the originals named (files or
    /// folders; every default-language page by default) as one XLIFF 2.0 document.
    public static async Task<int> ExportAsync(BuildSettings settings, string to, string outFile, IReadOnlyCollection<string> files)
    {
        foreach (var file in files.Where(f => !File.Exists(f) && !Directory.Exists(f)))
            throw new UsageException(DiagnosticCodes.Usage, $"'{file}' does not exist; name originals or folders such as input/en/topics/2022");
        var build = new SiteBuild(settings with { IncludeDrafts = true, IncludeFuture = true });
        var result = await build.RunAsync();
        var site = SiteData.Site(result);
        var languages = site.Languages.Select(l => l.Code).Where(c => c != site.DefaultLanguage).ToList();
        if (!languages.Contains(to))
            throw new UsageException(DiagnosticCodes.Usage, $"--to {to}: the site translates into {string.Join(", ", languages)}");
        var wanted = files
            .SelectMany(f => Directory.Exists(f) ? Directory.EnumerateFiles(f, "*.md", SearchOption.AllDirectories) : [f])
            .Select(f => DisplayPaths.Of(settings.DisplayRoot, Path.GetFullPath(f)))
            .ToHashSet(StringComparer.Ordinal);
        var originals = (result.Outputs.GetValueOrDefault(nameof(Pipelines.Content)) ?? [])
            .Where(p => p.Source is not null && p.SourceFile is not null && p.Get<string>(Keys.Lang) == site.DefaultLanguage)
            .Where(p => wanted.Count == 0 || wanted.Contains(p.Source!))
            .OrderBy(p => p.Source, StringComparer.Ordinal).ToList();
        var strays = wanted.Except(originals.Select(o => o.Source!)).Where(path => !files.Where(Directory.Exists)
            .Any(folder => path.StartsWith(DisplayPaths.Of(settings.DisplayRoot, Path.GetFullPath(folder)).TrimEnd('/') + "/", StringComparison.Ordinal))).Order(StringComparer.Ordinal).ToList();
        foreach (var path in strays)
        {
            Console.WriteLine(new Diagnostic(DiagnosticCodes.XliffProblem, Severity.Error, new SourcePosition(path, 0, 0),
                $"not exported: not a page in the default language ({site.DefaultLanguage}); name originals such as input/{site.DefaultLanguage}/topics/2022/human-security.md"));
        }

        await File.WriteAllTextAsync(outFile, XliffExport.Write(originals, site.DefaultLanguage, to));
        Console.WriteLine($"wrote {outFile}: {originals.Count} page{(originals.Count == 1 ? "" : "s")} to translate into {to}");
        return strays.Count > 0 ? ExitCodes.ContentErrors : ExitCodes.Success;
    }

    /// `translations import file.xlf`: writes the translations whose units are all filled
    /// in and sound, marks them, and reports every other unit at its XLIFF line (exit 1).
    public static async Task<int> ImportAsync(BuildSettings settings, string xliffFile)
    {
        if (!File.Exists(xliffFile))
            throw new UsageException(DiagnosticCodes.Usage, $"'{xliffFile}' does not exist; name the XLIFF file your translation vendor returned");
        var build = new SiteBuild(settings with { IncludeDrafts = true, IncludeFuture = true });
        var result = await build.RunAsync();
        var site = SiteData.Site(result);
        var (written, problems) = XliffImport.Apply(Path.GetFullPath(xliffFile), DisplayPaths.Of(settings.DisplayRoot, Path.GetFullPath(xliffFile)),
            result.Outputs.GetValueOrDefault(nameof(Pipelines.Content)) ?? [], site, settings.InputFolder);
        var printer = new DiagnosticPrinter(Console.Out, "text", color: false);
        foreach (var problem in problems)
            printer.Print(problem);
        foreach (var path in written)
            Console.WriteLine($"wrote {DisplayPaths.Of(settings.DisplayRoot, path)}");
        var marked = written.Count > 0 ? await MarkAsync(settings, written) : ExitCodes.Success;
        return problems.Count > 0 ? ExitCodes.ContentErrors : marked;
    }

    /// `new topic`: prints the created paths, or why nothing was written (exit code 1).
    public static int NewTopic(string input, int edition, string slug, string? title) =>
        Scaffold(input, (site, inputFolder) => TopicScaffold.Create(inputFolder, Directory.GetCurrentDirectory(), site, edition, slug, title, DateOnly.FromDateTime(DateTime.UtcNow)));

    /// `new page`: the same for a plain page.
    public static int NewPage(string input, string path, string? title) =>
        Scaffold(input, (site, inputFolder) => PageScaffold.Create(inputFolder, Directory.GetCurrentDirectory(), site, path, title));

    private static int Scaffold(string input, Func<SiteConfig, string, (IReadOnlyList<string> Written, IReadOnlyList<Diagnostic> Problems)> create)
    {
        var diagnostics = new List<Diagnostic>();
        var inputFolder = Path.GetFullPath(input);
        var site = SiteConfigLoader.Load(Path.Combine(inputFolder, "site.yml"), DisplayPaths.Of(Directory.GetCurrentDirectory(), Path.Combine(inputFolder, "site.yml")), diagnostics);
        var (written, problems) = diagnostics.Any(d => d.IsError) ? ([], diagnostics) : create(site, inputFolder);
        var printer = new DiagnosticPrinter(Console.Out, "text", color: UseColor());
        foreach (var problem in problems)
            printer.Print(problem);
        foreach (var path in written)
            Console.WriteLine(path);
        if (written.Count > 0)
            Console.WriteLine("created as drafts (draft: true): write the text, then remove that line to publish; 'preview' shows drafts");
        return problems.Any(p => p.IsError) ? ExitCodes.ContentErrors : ExitCodes.Success;
    }
}
