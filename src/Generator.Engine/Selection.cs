namespace Generator.Engine;

/// A value made from each document by a named function (what a generator needs of a page),
/// made once per document object and name: a step that reads selections is re-run only
/// when some document's selected value changed, not when anything else of it did.
internal static class Selection
{
    public static T Of<T>(Document doc, string name, Func<Document, T> select)
    {
        var derived = doc.Derived;
        lock (derived.Gate)
        {
            foreach (var (made, value) in derived.Selections)
            {
                if (made == name)
                    return (T)value!;
            }
        }

        var selected = select(doc);
        lock (derived.Gate)
        {
            foreach (var (made, value) in derived.Selections)
            {
                if (made == name)
                    return (T)value!;
            }

            derived.Selections = [.. derived.Selections, (name, selected)];
            return selected;
        }
    }

    public static T[] All<T>(IReadOnlyList<Document> docs, string name, Func<Document, T> select)
    {
        var values = new T[docs.Count];
        for (var i = 0; i < docs.Count; i++)
            values[i] = Of(docs[i], name, select);
        return values;
    }
}
