using System.Collections.Concurrent;
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

    public static string Fingerprint(PageView page, SiteView site, Strings strings, IReadOnlyList<Layout> chain)
    {
        // The site's lists count only for layouts that name them (site.latest in the home
        // layout), so editing one topic's title does not re-render every page.
        bool Uses(string list) => chain.Any(l => System.Text.RegularExpressions.Regex.IsMatch(l.Source, $@"\bsite\.{list}\b"));
        var relevant = site with
        {
            Topics = Uses("topics") ? site.Topics : [],
            Latest = Uses("latest") ? site.Latest : [],
            Editions = Uses("editions") ? site.Editions : [],
            Tags = Uses("tags") ? site.Tags : [],
        };
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(page, Json));
        hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(relevant, Json));
        hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(strings.Values, Json));
        foreach (var layout in chain)
            hash.AppendData(Encoding.UTF8.GetBytes(layout.Path + "\0" + layout.Source + "\0"));
        return Convert.ToHexString(hash.GetHashAndReset());
    }

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
