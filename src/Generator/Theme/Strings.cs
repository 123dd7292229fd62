using System.Text;

namespace Generator.Theme;

/// The interface strings of one language, from theme/i18n/&lt;lang&gt;.yml.
public sealed class Strings(string lang, string path, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, Plural>? plurals = null) : Engine.IFingerprinted
{
    private IReadOnlySet<string>? only;

    private Engine.Fingerprint? fingerprint;
    private readonly HashSet<string> reported = new(StringComparer.Ordinal);

    /// The language, file and every string: what a page showing them depends on.
    public Engine.Fingerprint Fingerprint => fingerprint ??= Engine.Fingerprints.Of((Lang, Path, Values.ToDictionary(),
        Plurals.ToDictionary(p => p.Key, p => p.Value.Forms.ToDictionary())));

    /// Strings with plural forms (<see cref="Plural"/>).
    public IReadOnlyDictionary<string, Plural> Plurals { get; } = plurals ?? new Dictionary<string, Plural>();

    /// The file could not be read as strings (its one mistake is already reported), so no
    /// string is reported missing from it.
    public bool Unreadable { get; init; }

    /// Marks a string the theme uses as missing and already reported at this file, so a
    /// render shows nothing for it instead of reporting the same mistake at every page.
    public void ReportedMissing(string key) => reported.Add(key);

    public bool IsReportedMissing(string key) => reported.Contains(key);

    public bool Has(string key) => Values.ContainsKey(key) || Plurals.ContainsKey(key);

    /// Strings the generator itself formats (figure labels, notices), so every language must have them.
    public static readonly string[] RequiredKeys =
    [
        "figure_label", "figure_credit", "series_number", "topic_number", "translation_missing", "translation_unavailable", "translation_home",
    ];

    /// A string the generator itself writes only where a feature is used (a feed's change
    /// note): null, and an error at this file, when the file lacks it (strict, as in layouts).
    public string? Used(string key, string where, Engine.BuildContext context)
    {
        if (TryGet(key, out var value))
            return value;
        if (!Unreadable)
            context.Error(DiagnosticCodes.MissingString, new Engine.SourcePosition(Path, 1, 1),
                $"missing interface string '{key}', used {where}; add '{key}: …'");
        return null;
    }

    public string Lang { get; } = lang;

    /// Display path of the file, for diagnostics.
    public string Path { get; } = path;

    public IReadOnlyDictionary<string, string> Values { get; } = values;

    public bool TryGet(string key, out string value) => Values.TryGetValue(Allowed(key), out value!);

    public string this[string key] => Values.TryGetValue(Allowed(key), out var value) ? value : key;

    /// These strings with only <paramref name="keys"/>, for a step that declares what it shows
    /// (SiteData.StringSets): its fingerprint covers those alone, and asking for any other
    /// string is a bug of the step, so it throws instead of printing the key.
    public Strings Only(IReadOnlyList<string> keys) =>
        new(Lang, Path, keys.Where(Values.ContainsKey).ToDictionary(k => k, k => Values[k], StringComparer.Ordinal))
        {
            Unreadable = Unreadable,
            only = keys.ToHashSet(StringComparer.Ordinal),
        };

    private string Allowed(string key) =>
        only is null || only.Contains(key) ? key : throw new InvalidOperationException($"the string '{key}' was not declared by the step that reads it");

    /// Replaces "{name}" placeholders: Format("figure_label", ("n", "1")) → "Photo 1".
    public string Format(string key, params (string Name, string Value)[] arguments)
    {
        var text = new StringBuilder(this[key]);
        foreach (var (name, value) in arguments)
            text.Replace("{" + name + "}", value);
        return text.ToString();
    }
}
