using System.Buffers.Binary;
using System.Collections;
using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Generator.Engine;

/// Structural fingerprints of documents and metadata values: primitives, strings, enums,
/// dates, records (every field, by name), collections (in order; sets and dictionaries
/// sorted), tuples and <see cref="IFingerprinted"/> values. Any other type is a bug of
/// the module that stored it, so it throws instead of being skipped: a value left out of
/// a fingerprint is a change a rebuild would miss. A document's fingerprint is kept in the
/// document, and that of a large string or collection beside it, so fingerprinting 20,000
/// documents whose values are shared with the previous step hashes little twice. Small
/// values are hashed again instead: each remembered value costs a weak-table entry, a
/// handle that every garbage collection visits, and with one per record of a session's
/// documents the collections took most of a rebuild's time.
public static partial class Fingerprints
{
    private static readonly ConditionalWeakTable<object, StrongBox<Fingerprint>> Known = new();
    private static readonly ConcurrentDictionary<Type, Func<object, object?>[]> Fields = new();

    // Shorter strings and smaller collections cost less to hash again than to remember.
    private const int RememberedLength = 4096;
    private const int RememberedCount = 256;

    public static Fingerprint Of(object? value)
    {
        // An object's fingerprint is the one remembered beside it (what Add writes for it as
        // a part): looking it up costs no hashing at all.
        switch (value)
        {
            case IFingerprinted known:
                return known.Fingerprint;
            case string { Length: >= RememberedLength } text:
                return Remembered(text, t => Hasher.Text((string)t));
            case Document doc:
                var derived = doc.Derived;
                if (derived.Fingerprint is { } remembered)
                    return remembered.Value;
                var made = Structure(doc);
                derived.Fingerprint = new StrongBox<Fingerprint>(made);
                return made;
            case not null when Large(value):
                return Remembered(value, Structure);
            case not null when value is not (string or Uri) && !value.GetType().IsValueType:
                return Structure(value);
        }

        var hasher = new Hasher();
        hasher.Add(value);
        return hasher.Finish();
    }

    /// The fingerprint of a list of values, in order (a pipeline's documents).
    public static Fingerprint OfList<T>(IReadOnlyList<T> values)
    {
        var hasher = new Hasher();
        hasher.Tag(Kind.List, values.Count);
        foreach (var value in values)
            hasher.Add(value);
        return hasher.Finish();
    }

    /// Whether two values are the same without hashing anything: one object, equal strings
    /// or equal values.
    public static bool SameWithoutHashing(object? a, object? b) =>
        ReferenceEquals(a, b)
        || a is string x && b is string y && x == y
        || a is not null && a.GetType().IsValueType && a.Equals(b);

    /// Whether two lists of documents have the same fingerprint, compared item by item so the
    /// first changed document ends the comparison (hashing a whole list would hash every
    /// document of a pipeline) and the same object is never looked into.
    public static bool SameItems(IReadOnlyList<Document> a, IReadOnlyList<Document> b)
    {
        if (a.Count != b.Count)
            return false;
        for (var i = 0; i < a.Count; i++)
        {
            if (!Same(a[i], b[i]))
                return false;
        }

        return true;
    }

    /// The same, item by item, for two arrays of values (selections).
    public static bool SameItems(Array a, Array b)
    {
        if (a.Length != b.Length || a.GetType() != b.GetType())
            return false;
        for (var i = 0; i < a.Length; i++)
        {
            if (!Same(a.GetValue(i), b.GetValue(i)))
                return false;
        }

        return true;
    }

    /// Combines fingerprints in order.
    public static Fingerprint Combine(params ReadOnlySpan<Fingerprint> parts)
    {
        var hasher = new Hasher();
        foreach (var part in parts)
            hasher.Add(part);
        return hasher.Finish();
    }

    private enum Kind : byte
    {
        Null = 1, String, Bool, Char, Integer, Unsigned, Double, Decimal, Enum, Date, Time, Guid, Uri,
        Nested, List, Set, Dictionary, Record, Tuple,
    }

    private static bool Large(object value) =>
        (value is ICollection c ? c.Count : value is IReadOnlyCollection<object> items ? items.Count : 0) >= RememberedCount;

    private static Fingerprint Remembered(object value, Func<object, Fingerprint> make) =>
        Known.GetValue(value, v => new StrongBox<Fingerprint>(make(v))).Value;

    private static Fingerprint Structure(object value)
    {
        var hasher = new Hasher();
        hasher.Structure(value);
        return hasher.Finish();
    }

    private struct Hasher
    {
        private readonly XxHash128 hash = new();
        private readonly byte[] buffer = new byte[24];


        public Hasher()
        {
        }

        public Fingerprint Finish() => new(hash.GetCurrentHashAsUInt128());

        public void Tag(Kind kind, long value)
        {
            buffer[0] = (byte)kind;
            BinaryPrimitives.WriteInt64LittleEndian(buffer.AsSpan(1), value);
            hash.Append(buffer.AsSpan(0, 9));
        }

        public void Add(Fingerprint fingerprint)
        {
            buffer[0] = (byte)Kind.Nested;
            BinaryPrimitives.WriteUInt128LittleEndian(buffer.AsSpan(1), fingerprint.Value);
            hash.Append(buffer.AsSpan(0, 17));
        }

        public void Add(object? value)
        {
            switch (value)
            {
                case null:
                    Tag(Kind.Null, 0);
                    return;
                case string text when text.Length >= RememberedLength:
                    Add(Remembered(text, t => Text((string)t)));
                    return;
                case string text:
                    AddText(text);
                    return;
                case bool flag:
                    Tag(Kind.Bool, flag ? 1 : 0);
                    return;
                case char c:
                    Tag(Kind.Char, c);
                    return;
                case int or long or short or sbyte:
                    Tag(Kind.Integer, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                    return;
                case uint or ulong or ushort or byte:
                    Tag(Kind.Unsigned, unchecked((long)Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture)));
                    return;
                case double d:
                    Tag(Kind.Double, BitConverter.DoubleToInt64Bits(d));
                    return;
                case float f:
                    Tag(Kind.Double, BitConverter.DoubleToInt64Bits(f));
                    return;
                case decimal m:
                    Tag(Kind.Decimal, 0);
                    Add(m.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    return;
                case Enum e:
                    Tag(Kind.Enum, Convert.ToInt64(e, System.Globalization.CultureInfo.InvariantCulture));
                    Add(e.GetType().FullName);
                    return;
                case DateOnly date:
                    Tag(Kind.Date, date.DayNumber);
                    return;
                case DateTime time:
                    Tag(Kind.Time, time.Ticks);
                    Tag(Kind.Time, (long)time.Kind);
                    return;
                case DateTimeOffset offset:
                    Tag(Kind.Time, offset.Ticks);
                    Tag(Kind.Time, offset.Offset.Ticks);
                    return;
                case TimeSpan span:
                    Tag(Kind.Time, span.Ticks);
                    return;
                case Guid guid:
                    Tag(Kind.Guid, 0);
                    hash.Append(guid.ToByteArray());
                    return;
                case Uri uri:
                    Tag(Kind.Uri, 0);
                    Add(uri.OriginalString);
                    return;
                case Fingerprint fingerprint:
                    Add(fingerprint);
                    return;
                case IFingerprinted known:
                    Add(known.Fingerprint);
                    return;
            }

            // A large collection enters as its own fingerprint, remembered beside it (such values
            // are shared by many documents and by a session's builds); anything else is hashed
            // in place.
            if (value is Document || Large(value))
                Add(Of(value));
            else
                Structure(value);
        }

        public void Structure(object value)
        {
            switch (value)
            {
                case Document doc:
                    // Its metadata dictionary is new with every change; its values mostly are not.
                    Add(doc.Source);
                    Add(doc.SourceFile);
                    Add(doc.Destination);
                    Add(doc.Content);
                    var names = doc.Metadata.Keys.ToArray();
                    Array.Sort(names, StringComparer.Ordinal);
                    Tag(Kind.Dictionary, names.Length);
                    foreach (var name in names)
                    {
                        Add(name);
                        Add(doc.Metadata[name]);
                    }

                    return;
                case IDictionary dictionary when StringKeys(dictionary) is { } keys:
                    // Metadata: sorted by key, hashed in one pass (no hash per entry).
                    Array.Sort(keys, StringComparer.Ordinal);
                    Tag(Kind.Dictionary, keys.Length);
                    foreach (var key in keys)
                    {
                        Add(key);
                        Add(dictionary[key]);
                    }

                    return;
                case IDictionary dictionary:
                    var entries = new List<(Fingerprint Key, Fingerprint Value)>(dictionary.Count);
                    foreach (DictionaryEntry entry in dictionary)
                        entries.Add((Of(entry.Key), Of(entry.Value)));
                    Unordered(Kind.Dictionary, entries.Select(e => Combine(e.Key, e.Value)).ToList());
                    return;
                case ITuple tuple:
                    Tag(Kind.Tuple, tuple.Length);
                    for (var i = 0; i < tuple.Length; i++)
                        Add(tuple[i]);
                    return;
                case IEnumerable<string> texts when IsSet(value.GetType()):
                    var sorted = texts.ToArray();
                    Array.Sort(sorted, StringComparer.Ordinal);
                    Tag(Kind.Set, sorted.Length);
                    foreach (var text in sorted)
                        Add(text);
                    return;
                case IEnumerable items when IsSet(value.GetType()):
                    Unordered(Kind.Set, items.Cast<object?>().Select(Of).ToList());
                    return;
                case IEnumerable items:
                    var count = 0;
                    foreach (var item in items)
                    {
                        Add(item);
                        count++;
                    }

                    Tag(Kind.List, count);
                    return;
            }

            var type = value.GetType();
            Tag(Kind.Record, 0);
            Add(type.FullName);
            foreach (var field in Fields.GetOrAdd(type, RecordFields))
                Add(field(value));
        }

        private void Unordered(Kind kind, List<Fingerprint> parts)
        {
            parts.Sort((a, b) => a.Value.CompareTo(b.Value));
            Tag(kind, parts.Count);
            foreach (var part in parts)
                Add(part);
        }

        private void AddText(string text)
        {
            Tag(Kind.String, text.Length);
            hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
        }

        public static Fingerprint Text(string text)
        {
            var hasher = new Hasher();
            hasher.AddText(text);
            return hasher.Finish();
        }
    }

    private static string[]? StringKeys(IDictionary dictionary)
    {
        var keys = new string[dictionary.Count];
        var i = 0;
        foreach (var key in dictionary.Keys)
        {
            if (key is not string text || i == keys.Length)
                return null;
            keys[i++] = text;
        }

        return i == keys.Length ? keys : null;
    }

    private static readonly ConcurrentDictionary<Type, bool> Sets = new();

    private static bool IsSet(Type type) =>
        Sets.GetOrAdd(type, t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() is var d
            && (d == typeof(ISet<>) || d == typeof(IReadOnlySet<>))));

    /// A record's stored fields (its own and its bases'), each read by a compiled getter;
    /// computed properties are left out as they derive from the fields.
    private static Func<object, object?>[] RecordFields(Type type)
    {
        if (!IsRecord(type))
        {
            throw new NotSupportedException(
                $"cannot fingerprint a {type.FullName}: store records, collections or primitives in documents, or implement {nameof(IFingerprinted)}");
        }

        var fields = new List<FieldInfo>();
        for (var t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
            fields.AddRange(t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly));
        return [.. fields.OrderBy(f => f.DeclaringType!.FullName, StringComparer.Ordinal).ThenBy(f => f.Name, StringComparer.Ordinal).Select(Getter)];
    }

    // C# records, class or struct, are the types the compiler gives PrintMembers.
    private static bool IsRecord(Type type) =>
        type.GetMethod("PrintMembers", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public, [typeof(StringBuilder)]) is not null;

    private static Func<object, object?> Getter(FieldInfo field)
    {
        var instance = Expression.Parameter(typeof(object));
        var read = Expression.Field(Expression.Convert(instance, field.DeclaringType!), field);
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(read, typeof(object)), instance).Compile();
    }
}
