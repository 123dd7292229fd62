using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Generator.Theme;

/// Remembers each page's rendered HTML with a fingerprint of everything its layouts read
/// (the page's view, the site view, the interface strings and the layout chain's text),
/// so a rebuild in preview renders again only the pages whose inputs changed: the edited
/// page, its translation, and the lists that show it. The site's topic list counts only
/// for layouts that mention <c>site.topics</c>, so editing one topic does not re-render
/// every other one. Shared by the builds of one preview session; never used by `build`.
public sealed class RenderMemo
{
    // Relaxed escaping: Japanese text stays as it is, which keeps fingerprinting cheap.
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ConcurrentDictionary<string, (string Fingerprint, string Html)> pages = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> rendered = new();

    /// Destinations rendered since the last call, in path order; for tests and the preview log.
    public IReadOnlyList<string> TakeRendered()
    {
        var taken = new List<string>();
        while (rendered.TryDequeue(out var destination))
            taken.Add(destination);
        taken.Sort(StringComparer.Ordinal);
        return taken;
    }

    // Which site lists each layout names, found once per layout text rather than per page
    // (scanning the layouts for every one of 25,000 pages cost seconds per rebuild).
    private static readonly ConditionalWeakTable<Layout, HashSet<string>> ListsUsed = new();

    private static bool Uses(IReadOnlyList<Layout> chain, string list) =>
        chain.Any(layout => ListsUsed.GetValue(layout, l => [.. new[] { "topics", "latest", "editions", "tags" }
            .Where(name => System.Text.RegularExpressions.Regex.IsMatch(l.Source, $@"\bsite\.{name}\b"))]).Contains(list));

    // The site view, strings and layouts are shared by every page of a language: serialized
    // once per build (per object), not once per page.
    private static readonly ConditionalWeakTable<SiteView, ConcurrentDictionary<int, byte[]>> SiteJson = new();
    private static readonly ConditionalWeakTable<Strings, byte[]> StringsJson = new();
    private static readonly ConditionalWeakTable<Layout, byte[]> LayoutBytes = new();

    public static string Fingerprint(PageView page, SiteView site, Strings strings, IReadOnlyList<Layout> chain)
    {
        // The site's lists count only for layouts that name them (site.latest in the home
        // layout), so editing one topic's title does not re-render every page.
        var used = (Uses(chain, "topics") ? 1 : 0) | (Uses(chain, "latest") ? 2 : 0) | (Uses(chain, "editions") ? 4 : 0) | (Uses(chain, "tags") ? 8 : 0);
        var siteJson = SiteJson.GetValue(site, _ => new()).GetOrAdd(used, flags => JsonSerializer.SerializeToUtf8Bytes(site with
        {
            Topics = (flags & 1) != 0 ? site.Topics : [],
            Latest = (flags & 2) != 0 ? site.Latest : [],
            Editions = (flags & 4) != 0 ? site.Editions : [],
            Tags = (flags & 8) != 0 ? site.Tags : [],
        }, Json));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(page, Json));
        hash.AppendData(siteJson);
        hash.AppendData(StringsJson.GetValue(strings, s => JsonSerializer.SerializeToUtf8Bytes(s.Values, Json)));
        foreach (var layout in chain)
            hash.AppendData(LayoutBytes.GetValue(layout, l => Encoding.UTF8.GetBytes(l.Path + "\0" + l.Source + "\0")));
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// A key for a language's interface strings, computed once per Strings object.
    public static string Key(Strings strings) =>
        StringsKeys.GetValue(strings, s => Hash([.. s.Values.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value)]));

    private static readonly ConditionalWeakTable<Strings, string> StringsKeys = new();

    private readonly ConcurrentDictionary<string, (string Fingerprint, object Value)> parts = new(StringComparer.Ordinal);

    /// Any other per-page work (Markdown rendering): the value made for the same key and
    /// fingerprint by an earlier build, or a new one.
    public T Remember<T>(string key, string fingerprint, Func<T> make) where T : notnull
    {
        if (parts.TryGetValue(key, out var found) && found.Fingerprint == fingerprint && found.Value is T value)
            return value;
        var made = make();
        parts[key] = (fingerprint, made);
        return made;
    }

    public static string Hash(params string?[] parts) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\0', parts.Select(p => p ?? "\u0001")))));

    public string? Find(string destination, string fingerprint) =>
        pages.TryGetValue(destination, out var found) && found.Fingerprint == fingerprint ? found.Html : null;

    public void Store(string destination, string fingerprint, string html)
    {
        pages[destination] = (fingerprint, html);
        rendered.Enqueue(destination);
    }
}
