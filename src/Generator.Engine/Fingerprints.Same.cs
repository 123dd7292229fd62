using System.Collections;
using System.Runtime.CompilerServices;

namespace Generator.Engine;

public static partial class Fingerprints
{
    /// Whether two values have the same fingerprint, decided by walking both at once: a part
    /// that is the same object in both ends the walk there, so comparing a new list page with
    /// the last one costs a look at each card, not a hash of every topic it shows. It answers
    /// what comparing <see cref="Of"/> would (by the same rules), without remembering anything.
    public static bool Same(object? a, object? b)
    {
        if (ReferenceEquals(a, b))
            return true;
        if (a is null || b is null)
            return false;
        var type = a.GetType();
        if (type != b.GetType())
            return Of(a) == Of(b);
        switch (a)
        {
            case string text:
                return text == (string)b;
            case Uri uri:
                return uri.OriginalString == ((Uri)b).OriginalString;
            case IFingerprinted known:
                return known.Fingerprint == ((IFingerprinted)b).Fingerprint;
            case Document doc:
                return SameDocument(doc, (Document)b);
            case double or float:
                return Of(a) == Of(b);
        }

        if (type.IsValueType)
        {
            // Equal values are the same; unequal ones may still be (a struct holding lists
            // compares them by reference), unless nothing is inside them but the value.
            if (a.Equals(b))
                return true;
            if (type.IsPrimitive || type.IsEnum || a is DateOnly or DateTime or DateTimeOffset or TimeSpan or Guid or decimal or Fingerprint)
                return false;
        }

        switch (a)
        {
            case IDictionary dictionary when StringKeys(dictionary) is { } keys:
                var other = (IDictionary)b;
                if (other.Count != keys.Length)
                    return false;
                foreach (var key in keys)
                {
                    if (!other.Contains(key) || !Same(dictionary[key], other[key]))
                        return false;
                }

                return true;
            case IDictionary:
                return Of(a) == Of(b);
            case ITuple tuple:
                var second = (ITuple)b;
                for (var i = 0; i < tuple.Length; i++)
                {
                    if (!Same(tuple[i], second[i]))
                        return false;
                }

                return true;
            case IEnumerable when IsSet(type):
                return Of(a) == Of(b);
            case IList list:
                var items = (IList)b;
                if (list.Count != items.Count)
                    return false;
                for (var i = 0; i < list.Count; i++)
                {
                    if (!Same(list[i], items[i]))
                        return false;
                }

                return true;
            case IEnumerable sequence:
                var left = sequence.GetEnumerator();
                var right = ((IEnumerable)b).GetEnumerator();
                while (true)
                {
                    var more = left.MoveNext();
                    if (more != right.MoveNext())
                        return false;
                    if (!more)
                        return true;
                    if (!Same(left.Current, right.Current))
                        return false;
                }
        }

        foreach (var field in Fields.GetOrAdd(type, RecordFields))
        {
            if (!Same(field(a), field(b)))
                return false;
        }

        return true;
    }

    private static bool SameDocument(Document a, Document b)
    {
        if (a.Derived.Fingerprint is { } x && b.Derived.Fingerprint is { } y)
            return x.Value == y.Value;
        if (a.Source != b.Source || a.SourceFile != b.SourceFile || a.Destination != b.Destination || a.Content != b.Content)
            return false;
        if (ReferenceEquals(a.Metadata, b.Metadata))
            return true;
        if (a.Metadata.Count != b.Metadata.Count)
            return false;
        foreach (var (key, value) in a.Metadata)
        {
            if (!b.Metadata.TryGetValue(key, out var other) || !Same(value, other))
                return false;
        }

        return true;
    }
}
