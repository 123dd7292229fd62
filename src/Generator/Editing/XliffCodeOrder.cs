using System.Xml.Linq;
using Generator.Content;

namespace Generator.Editing;

/// Whether a target keeps the source's paired inline codes in a sound order: every code
/// that opens a span (a link's <c>[</c>, an emphasis mark, a tag) before the code that closes
/// it, and spans nested, not crossed. A vendor's tool may move codes where the sentence
/// needs them, but a target with <c>](/ja/…)words[</c> would write a broken link. Only the
/// codes that pair in the source are checked, so a lone mark ("5 * 3") is never a mistake.
public static class XliffCodeOrder
{
    /// The first code out of order in <paramref name="target"/>, and why, or null.
    public static (XElement Code, string Problem)? Check(XElement source, XElement target, IReadOnlyDictionary<string, string> data)
    {
        // Pair the source's codes: a span's close pops its open; what never pairs is left alone.
        string TextOf(XElement ph) => data.GetValueOrDefault((string?)ph.Attribute("dataRef") ?? "") ?? "";
        string Id(XElement ph) => (string?)ph.Attribute("id") ?? "";
        var pairOfClose = new Dictionary<string, string>(StringComparer.Ordinal); // close id → open id
        var paired = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<(string Id, string Family, InlineCodes.Role Role)>();
        foreach (var ph in source.Descendants(XliffExport.Xliff + "ph"))
        {
            var (role, family) = InlineCodes.RoleOf(TextOf(ph));
            var id = Id(ph);
            if (role is InlineCodes.Role.Close or InlineCodes.Role.CloseThenOpen && stack.TryPeek(out var top) && top.Family == family && top.Role != InlineCodes.Role.Either)
            {
                stack.Pop();
                pairOfClose[id] = top.Id;
                paired.Add(id);
                paired.Add(top.Id);
            }

            if (role == InlineCodes.Role.Either && stack.TryPeek(out var mark) && mark.Family == family && mark.Role == InlineCodes.Role.Either)
            {
                stack.Pop();
                paired.Add(id);
                paired.Add(mark.Id);
            }
            else if (role is InlineCodes.Role.Open or InlineCodes.Role.CloseThenOpen or InlineCodes.Role.Either)
            {
                stack.Push((id, family, role == InlineCodes.Role.CloseThenOpen ? InlineCodes.Role.Open : role));
            }
        }

        // Walk the target's paired codes with the same rules; an emphasis mark pairs by its text,
        // so two identical marks swapped by a tool are no mistake.
        var open = new Stack<(XElement Code, string Key)>();
        foreach (var ph in target.Descendants(XliffExport.Xliff + "ph"))
        {
            var id = Id(ph);
            if (!paired.Contains(id))
                continue;
            var (role, family) = InlineCodes.RoleOf(TextOf(ph));
            if (role == InlineCodes.Role.Either)
            {
                if (open.TryPeek(out var top) && top.Key == "mark:" + family)
                    open.Pop();
                else
                    open.Push((ph, "mark:" + family));
                continue;
            }

            if (role is InlineCodes.Role.Close or InlineCodes.Role.CloseThenOpen && pairOfClose.TryGetValue(id, out var opener))
            {
                if (!open.TryPeek(out var top) || top.Key != "span:" + opener)
                {
                    var problem = open.Any(o => o.Key == "span:" + opener)
                        ? $"closes the span that code {opener} ({Show(source, opener, data)}) opens, across {Describe(top.Code, data)} opened inside it and not closed"
                        : $"closes the span that code {opener} ({Show(source, opener, data)}) opens, but that code comes after it";
                    return (ph, $"code {id} ({TextOf(ph)}) {problem}");
                }

                open.Pop();
            }

            if (role is InlineCodes.Role.Open or InlineCodes.Role.CloseThenOpen)
                open.Push((ph, "span:" + id));
        }

        if (open.TryPeek(out var left))
            return (left.Code, $"code {Id(left.Code)} ({TextOf(left.Code)}) opens a span that nothing after it closes");
        return null;
    }

    private static string Describe(XElement ph, IReadOnlyDictionary<string, string> data) =>
        $"code {(string?)ph.Attribute("id")} ({data.GetValueOrDefault((string?)ph.Attribute("dataRef") ?? "")})";

    private static string Show(XElement source, string id, IReadOnlyDictionary<string, string> data) =>
        source.Descendants(XliffExport.Xliff + "ph").FirstOrDefault(p => (string?)p.Attribute("id") == id) is { } ph
            ? data.GetValueOrDefault((string?)ph.Attribute("dataRef") ?? "") ?? "?" : "?";
}
