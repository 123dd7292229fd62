namespace Generator.Engine;

/// A value made from each document by a named function (what a generator needs of a page),
/// made once per document object and name: a step that reads selections is re-run only
/// when some document's selected value changed, not when anything else of it did.
internal static class Selection
{
    /// The value <paramref name="name"/> makes of <paramref name="doc"/>, kept with the
    /// document. A value made under another <paramref name="version"/> (the settings the
    /// function also reads) is made again and replaces it, so a document keeps one value per name.
    public static T Of<T>(Document doc, string name, Fingerprint version, Func<Document, T> select)
    {
        var derived = doc.Derived;
        // The array is replaced whole under the lock, never changed in place: read without it.
        foreach (var (made, at, value) in derived.Selections)
        {
            if (made == name && at == version)
                return (T)value!;
        }

        var selected = select(doc);
        lock (derived.Gate)
        {
            var kept = derived.Selections;
            for (var i = 0; i < kept.Length; i++)
            {
                if (kept[i].Name != name)
                    continue;
                if (kept[i].Version == version)
                    return (T)kept[i].Value!;
                var replaced = kept.ToArray();
                replaced[i] = (name, version, selected);
                derived.Selections = replaced;
                return selected;
            }

            derived.Selections = [.. kept, (name, version, selected)];
            return selected;
        }
    }

    public static T[] All<T>(IReadOnlyList<Document> docs, string name, Func<Document, T> select)
    {
        var values = new T[docs.Count];
        for (var i = 0; i < docs.Count; i++)
            values[i] = Of(docs[i], name, default, select);
        return values;
    }
}
