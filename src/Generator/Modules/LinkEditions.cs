using Generator.Content;
using Generator.Engine;
using Generator.Site;

namespace Generator.Modules;

/// Links a topic of an older edition to the topic that replaces it (front matter
/// `superseded_by: topics/2023/x`, a translation key) and that topic back to the ones it
/// replaces, both in the page's language, or in the default language when the page's has
/// no such topic (issue 20). The file that names a replacement is told when it is no topic
/// or not of a later edition (GEN114), and when it names a draft or a scheduled topic, that it
/// is not published yet (read from that file, as left-out pages are no documents here).
/// Each page reads only the links it shows.
public sealed class LinkEditions(string inputFolder) : DocumentModule<LinkEditions.State>
{
    /// Whether a topic file is published: its draft flag and date, whatever else it holds.
    private sealed record Publication(bool Draft, DateOnly? Date);

    private static readonly FrontMatterReader Reader = new(Taxonomy.Empty);

    public sealed record State(
        IReadOnlyDictionary<string, EditionLink> Topics,
        IReadOnlyDictionary<string, IReadOnlyList<EditionLink>> Replaced,
        IReadOnlyList<string> Keys);

    protected override IReadOnlyList<string> PrepareReads { get; } =
        [Generator.Keys.Kind, Generator.Keys.Lang, Generator.Keys.TranslationKey, Generator.Keys.FrontMatter, Generator.Keys.Url];

    protected override State Prepare(IReadOnlyList<Document> inputs, BuildContext context)
    {
        var topics = new Dictionary<string, EditionLink>(StringComparer.Ordinal);
        var replaced = new Dictionary<string, List<EditionLink>>(StringComparer.Ordinal);
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var doc in inputs.Where(d => d.Get<PageKind>(Generator.Keys.Kind) == PageKind.Topic).OrderBy(d => d.Source, StringComparer.Ordinal))
        {
            var lang = doc.Require<string>(Generator.Keys.Lang);
            var key = doc.Require<string>(Generator.Keys.TranslationKey);
            var matter = doc.Require<FrontMatter>(Generator.Keys.FrontMatter);
            var link = new EditionLink(doc.Require<string>(Generator.Keys.Url), matter.Title ?? "", matter.Edition);
            topics.TryAdd(Topic(lang, key), link);
            keys.Add(key);
            if (matter.SupersededBy is { } target)
                (replaced.TryGetValue(Topic(lang, target), out var list) ? list : replaced[Topic(lang, target)] = []).Add(link);
        }

        return new State(topics, replaced.ToDictionary(r => r.Key, r => (IReadOnlyList<EditionLink>)[.. r.Value], StringComparer.Ordinal), [.. keys]);
    }

    private static string Topic(string lang, string key) => lang + "\0" + key;

    // What Execute records and Lookup answers again: one function each, so a reuse compares like with like.
    private static EditionLink? TopicIn(State state, string topic) => state.Topics.GetValueOrDefault(topic);

    private static IReadOnlyList<EditionLink> ReplacedIn(State state, string topic) => state.Replaced.GetValueOrDefault(topic) ?? [];

    protected override object? Lookup(string key, State state) => key switch
    {
        "keys" => string.Join('\n', state.Keys),
        _ when key.StartsWith("by\0", StringComparison.Ordinal) => TopicIn(state, key[3..]),
        _ => ReplacedIn(state, key[5..]),
    };

    protected override Document? Execute(Document input, State state, BuildContext context)
    {
        var site = SiteData.Site(context);
        if (input.Get<PageKind>(Generator.Keys.Kind) != PageKind.Topic)
            return input;
        var lang = input.Require<string>(Generator.Keys.Lang);
        var matter = input.Require<FrontMatter>(Generator.Keys.FrontMatter);
        EditionLink? replacement = null;
        if (matter.SupersededBy is { } target)
        {
            replacement = Find(lang, target) ?? Find(site.DefaultLanguage, target);
            // Checked in the file that writes it (a translation with the original's is not told again).
            if (matter.SupersededByAt?.Path == input.Source)
                Check(input, matter, target, replacement, state, context);
        }

        var key = input.Require<string>(Generator.Keys.TranslationKey);
        var replaces = Replaced(lang, key);
        if (replaces.Count == 0 && lang != site.DefaultLanguage)
            replaces = Replaced(site.DefaultLanguage, key);
        return input.With([new(Generator.Keys.SupersededBy, replacement), new(Generator.Keys.Supersedes, replaces)]);

        EditionLink? Find(string language, string topic)
        {
            var found = TopicIn(state, Topic(language, topic));
            context.DependOn("by\0" + Topic(language, topic), found);
            return found;
        }

        IReadOnlyList<EditionLink> Replaced(string language, string topic)
        {
            var found = ReplacedIn(state, Topic(language, topic));
            context.DependOn("from\0" + Topic(language, topic), found);
            return found;
        }
    }

    private void Check(Document input, FrontMatter matter, string target, EditionLink? replacement, State state, BuildContext context)
    {
        var at = matter.SupersededByAt ?? input.At();
        if (target == input.Require<string>(Generator.Keys.TranslationKey))
        {
            context.Error(DiagnosticCodes.SupersededBy, at, $"superseded_by names this topic itself; name the topic of a later edition that replaces it");
        }
        else if (replacement is null && Unpublished(input, target, context) is { } file)
        {
            var shown = Shown(input, file.Path);
            if (file.Publication.Draft)
                context.Warning(DiagnosticCodes.SupersededBy, at,
                    $"superseded_by '{target}' is a draft ({shown} has 'draft: true'), not published: this topic shows no link to it until it is; publish it by removing its 'draft: true'");
            else
                context.Note(DiagnosticCodes.SupersededBy, at,
                    $"superseded_by '{target}' is scheduled for {Theme.Dates.Iso(file.Publication.Date!.Value)} ({shown}) and not published yet: this topic links to it from that day (build --future shows it now)");
        }
        else if (replacement is null && state.Keys.Contains(target))
        {
            context.DependOn("keys", string.Join('\n', state.Keys));
            var site = SiteData.Site(context);
            context.Error(DiagnosticCodes.SupersededBy, at,
                $"superseded_by '{target}' is a topic of another language only, with no page in {input.Require<string>(Generator.Keys.Lang)} or {site.DefaultLanguage}; add its {site.DefaultLanguage} version ({Shown(input, $"{site.DefaultLanguage}/{target}.md")})");
        }
        else if (replacement is null)
        {
            context.DependOn("keys", string.Join('\n', state.Keys));
            context.Error(DiagnosticCodes.SupersededBy, at,
                $"superseded_by '{target}' is no topic{Suggestions.DidYouMean(target, state.Keys)}; write the replacing topic's path without language and extension, such as topics/2023/clean-water");
        }
        else if (matter.Edition is { } edition && replacement.Edition is { } later && later <= edition)
        {
            context.Error(DiagnosticCodes.SupersededBy, at,
                $"superseded_by '{target}' is of the {later} edition, not later than this topic's {edition}; a topic is replaced by one of a later edition");
        }
    }

    /// The file of the named topic in the page's language or the default language, when it
    /// exists and is a draft or dated after the build date. Recorded reads: a session checks
    /// again when that file appears, changes or goes.
    private (string Path, Publication Publication)? Unpublished(Document input, string target, BuildContext context)
    {
        var site = SiteData.Site(context);
        var today = context.Today;
        foreach (var lang in new[] { input.Require<string>(Generator.Keys.Lang), site.DefaultLanguage }.Distinct(StringComparer.Ordinal))
        {
            var relative = $"{lang}/{target}.md";
            var path = Path.Combine(inputFolder, relative);
            context.DependOnFile(path);
            if (!File.Exists(path))
                continue;
            var publication = context.ReadFile(path, "LinkEditions.Publication", ReadPublication);
            if (publication.Draft || publication.Date > today)
                return (relative, publication);
        }

        return null;
    }

    private static Publication ReadPublication(string file)
    {
        try
        {
            var matter = Reader.Read(file, File.ReadAllText(file), PageKind.Topic, new List<Diagnostic>());
            return new Publication(matter.Draft, matter.Date);
        }
        catch (IOException)
        {
            return new Publication(false, null); // its own read reports it
        }
    }

    /// input/en/topics/2023/x.md: the file in the page's own display form.
    private static string Shown(Document input, string relative)
    {
        var own = input.Require<string>(Engine.Modules.ReadFiles.RelativePathKey);
        var source = input.Source ?? own;
        return (source.EndsWith(own, StringComparison.Ordinal) ? source[..^own.Length] : "") + relative;
    }
}
