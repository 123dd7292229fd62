using System.Reflection;
using Fluid;

namespace Generator.Theme;

/// The members of <see cref="SiteView"/> as layouts see them (snake_case), each read through
/// an accessor that tells the render's recorder which member it read: a layout that reaches
/// the site through a variable (<c>{% assign s = site %}{{ s.topics }}</c>) is recorded all the
/// same, because the record is made where Fluid reads the member, not from the layout's text.
public static class SiteMembers
{
    /// Where a render keeps its recorder among Fluid's ambient values.
    public const string ReadsKey = "generator.reads";

    private static readonly Dictionary<string, Func<SiteView, object?>> Members =
        typeof(SiteView).GetProperties(BindingFlags.Instance | BindingFlags.Public)
            .Where(p => p.GetIndexParameters().Length == 0)
            .ToDictionary(p => MemberNameStrategies.SnakeCase(p), Getter, StringComparer.Ordinal);

    private static Func<SiteView, object?> Getter(PropertyInfo property)
    {
        var site = System.Linq.Expressions.Expression.Parameter(typeof(SiteView));
        var read = System.Linq.Expressions.Expression.Convert(System.Linq.Expressions.Expression.Property(site, property), typeof(object));
        return System.Linq.Expressions.Expression.Lambda<Func<SiteView, object?>>(read, site).Compile();
    }

    /// Registers every member of the site view with a recording accessor.
    public static void Register(TemplateOptions options)
    {
        foreach (var (name, getter) in Members)
            options.MemberAccessStrategy.Register(typeof(SiteView), name, new Recording(name, getter));
    }

    /// The dependency key of a member of a language's site view ("en/topics").
    public static string Key(string lang, string member) => lang + "/" + member;

    /// The current value behind a key made by <see cref="Key"/> (null when no page of that
    /// language is left: the pages that read it are gone too).
    public static object? Current(string key, IReadOnlyDictionary<string, SiteView> sites)
    {
        var slash = key.IndexOf('/');
        if (!Members.TryGetValue(key[(slash + 1)..], out var getter))
            throw new InvalidOperationException($"no site member '{key}'");
        return sites.TryGetValue(key[..slash], out var site) ? getter(site) : null;
    }

    private sealed class Recording(string member, Func<SiteView, object?> getter) : IMemberAccessor
    {
        public object? Get(object obj, string name, TemplateContext ctx)
        {
            var value = getter((SiteView)obj);
            if (ctx.AmbientValues.TryGetValue(ReadsKey, out var reads) && reads is Action<string, object?> read)
                read(member, value);
            return value;
        }
    }
}
