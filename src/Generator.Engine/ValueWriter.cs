using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Generator.Engine;

/// Writes metadata values in the model <see cref="Fingerprints"/> knows (primitives, strings,
/// enums, dates, records by their fields, tuples, the collections modules store, documents),
/// so that <see cref="ValueReader"/> makes values of the same types with the same fingerprints.
/// A value of any other type (a parsed template, a lookup table: an <see cref="IFingerprinted"/>
/// value) cannot be written: <see cref="NotPersistable"/> is thrown, and the caller leaves out
/// the result that holds it, to be made again. Strings, types and objects met twice are
/// written once and then referred to, so values shared between results stay shared.
internal sealed class ValueWriter(BinaryWriter output, TypeTable types)
{
    private readonly Dictionary<string, int> strings = new(StringComparer.Ordinal);
    private readonly Dictionary<object, int> objects = new(ReferenceEqualityComparer.Instance);

    public BinaryWriter Output => output;

    /// Starts a part read on its own (a result, its outputs): strings and objects written
    /// before are written again rather than referred to.
    public void Part()
    {
        strings.Clear();
        objects.Clear();
    }

    public void Text(string? text)
    {
        if (text is null)
        {
            output.Write((byte)ValueTag.Null);
            return;
        }

        if (strings.TryGetValue(text, out var known))
        {
            output.Write((byte)ValueTag.StringRef);
            output.Write7BitEncodedInt(known);
            return;
        }

        output.Write((byte)ValueTag.String);
        output.Write(text);
        strings[text] = strings.Count;
    }

    public void Type(Type type) => output.Write7BitEncodedInt(types.IndexOf(type));

    public void Value(object? value)
    {
        switch (value)
        {
            case null:
                output.Write((byte)ValueTag.Null);
                return;
            case string text:
                Text(text);
                return;
            case bool flag:
                output.Write((byte)(flag ? ValueTag.True : ValueTag.False));
                return;
            case int number:
                output.Write((byte)ValueTag.Int);
                output.Write(number);
                return;
            case long number:
                output.Write((byte)ValueTag.Long);
                output.Write(number);
                return;
            case double number:
                output.Write((byte)ValueTag.Double);
                output.Write(number);
                return;
            case DateOnly date:
                output.Write((byte)ValueTag.Date);
                output.Write(date.DayNumber);
                return;
            case Fingerprint fingerprint:
                output.Write((byte)ValueTag.Fingerprint);
                Fingerprint(fingerprint);
                return;
            case IFingerprinted:
                throw new NotPersistable(value.GetType());
        }

        var type = value.GetType();
        if (type.IsEnum)
        {
            output.Write((byte)ValueTag.Enum);
            Type(type);
            output.Write(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
            return;
        }

        if (Primitive(value))
            return;

        if (objects.TryGetValue(value, out var seen) && !type.IsValueType)
        {
            output.Write((byte)ValueTag.ObjectRef);
            output.Write7BitEncodedInt(seen);
            return;
        }

        Composite(value, type);
        if (!type.IsValueType && value is not Generator.Engine.Document)
            Register(value);
    }

    public void Fingerprint(Fingerprint fingerprint)
    {
        output.Write((ulong)fingerprint.Value);
        output.Write((ulong)(fingerprint.Value >> 64));
    }

    public void Document(Document doc)
    {
        output.Write((byte)ValueTag.Document);
        Text(doc.Source);
        Text(doc.SourceFile);
        Text(doc.Destination);
        Text(doc.Content);
        Entries(doc.Metadata);
        Register(doc);
    }

    // An object gets its number once written whole (the reader numbers it then too).
    private void Register(object value) => objects[value] = objects.Count;

    private void Entries(IReadOnlyCollection<KeyValuePair<string, object?>> entries)
    {
        output.Write7BitEncodedInt(entries.Count);
        foreach (var (key, item) in entries)
        {
            Text(key);
            Value(item);
        }
    }

    private bool Primitive(object value)
    {
        switch (value)
        {
            case char c:
                output.Write((byte)ValueTag.Char);
                output.Write((ushort)c);
                return true;
            case decimal m:
                output.Write((byte)ValueTag.Decimal);
                output.Write(m);
                return true;
            case float f:
                output.Write((byte)ValueTag.Float);
                output.Write(f);
                return true;
            case short or sbyte or byte or ushort or uint or ulong:
                output.Write((byte)ValueTag.Number);
                Type(value.GetType());
                output.Write(Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture));
                return true;
            case DateTime time:
                output.Write((byte)ValueTag.DateTime);
                output.Write(time.ToBinary());
                return true;
            case DateTimeOffset offset:
                output.Write((byte)ValueTag.DateTimeOffset);
                output.Write(offset.Ticks);
                output.Write(offset.Offset.Ticks);
                return true;
            case TimeSpan span:
                output.Write((byte)ValueTag.TimeSpan);
                output.Write(span.Ticks);
                return true;
            case Guid guid:
                output.Write((byte)ValueTag.Guid);
                output.Write(guid.ToByteArray());
                return true;
            case Uri uri:
                output.Write((byte)ValueTag.Uri);
                Text(uri.OriginalString);
                return true;
            default:
                return false;
        }
    }

    private void Composite(object value, Type type)
    {
        if (value is Document doc)
        {
            Document(doc);
            return;
        }

        if (type.IsArray && type.GetArrayRank() == 1)
        {
            output.Write((byte)ValueTag.Array);
            Type(type.GetElementType()!);
            var array = (Array)value;
            output.Write7BitEncodedInt(array.Length);
            foreach (var item in array)
                Value(item);
            return;
        }

        if (type.IsGenericType && Collections.TryGetValue(type.GetGenericTypeDefinition(), out var tag))
        {
            output.Write((byte)tag);
            Type(type);
            output.Write(ComparerOf(value));
            if (value is IDictionary dictionary)
            {
                output.Write7BitEncodedInt(dictionary.Count);
                foreach (DictionaryEntry entry in dictionary)
                {
                    Value(entry.Key);
                    Value(entry.Value);
                }

                return;
            }

            List<object?> items;
            try
            {
                items = ((IEnumerable)value).Cast<object?>().ToList();
            }
            catch (InvalidOperationException)
            {
                throw new NotPersistable(type); // a default ImmutableArray, which has no items to list
            }

            output.Write7BitEncodedInt(items.Count);
            foreach (var item in items)
                Value(item);
            return;
        }

        output.Write((byte)ValueTag.Record);
        Type(type);
        var fields = FieldsOf(type);
        foreach (var field in fields)
            Value(field.GetValue(value));
    }

    /// The collections modules store in documents, by what the reader makes of them.
    internal static readonly Dictionary<Type, ValueTag> Collections = new()
    {
        [typeof(List<>)] = ValueTag.List,
        [typeof(ImmutableArray<>)] = ValueTag.ImmutableArray,
        [typeof(ImmutableList<>)] = ValueTag.ImmutableList,
        [typeof(HashSet<>)] = ValueTag.HashSet,
        [typeof(ImmutableHashSet<>)] = ValueTag.ImmutableHashSet,
        [typeof(Dictionary<,>)] = ValueTag.Dictionary,
        [typeof(ImmutableDictionary<,>)] = ValueTag.ImmutableDictionary,
        [typeof(SortedSet<>)] = ValueTag.SortedSet,
    };

    /// How a set or dictionary compares its keys (what a reader cannot see in the items):
    /// 0 by default, 1 ordinally, 2 ordinally ignoring case.
    private static byte ComparerOf(object value)
    {
        var type = value.GetType();
        var (values, keys) = Comparers.GetOrAdd(type, t => (t.GetProperty("ValueComparer"), t.GetProperty("KeyComparer") ?? t.GetProperty("Comparer")));
        if (values?.GetValue(value) is { } compared && !IsDefault(compared))
            throw new NotPersistable(type);
        var comparer = keys?.GetValue(value);
        return comparer switch
        {
            null => 0,
            _ when ReferenceEquals(comparer, StringComparer.Ordinal) => 1,
            _ when ReferenceEquals(comparer, StringComparer.OrdinalIgnoreCase) => 2,
            _ when IsDefault(comparer) => 0,
            _ => throw new NotPersistable(type),
        };
    }

    private static readonly ConcurrentDictionary<Type, (PropertyInfo? Values, PropertyInfo? Keys)> Comparers = new();

    private static readonly ConcurrentDictionary<Type, object[]> Defaults = new();

    private static bool IsDefault(object comparer) =>
        Defaults.GetOrAdd(comparer.GetType(), type =>
        [
            .. type.GetInterfaces().Where(i => i.IsGenericType).SelectMany(contract =>
            {
                var compared = contract.GetGenericArguments()[0];
                var definition = contract.GetGenericTypeDefinition();
                return definition == typeof(IEqualityComparer<>) ? [typeof(EqualityComparer<>).MakeGenericType(compared).GetProperty("Default")!.GetValue(null)!]
                    : definition == typeof(IComparer<>) ? new[] { typeof(Comparer<>).MakeGenericType(compared).GetProperty("Default")!.GetValue(null)! }
                    : [];
            }),
        ]).Any(d => ReferenceEquals(d, comparer));

    private static readonly ConcurrentDictionary<Type, FieldInfo[]> Fields = new();

    /// A record's or tuple's stored fields, its own and its bases', in one order for the
    /// writer and the reader; any other type is not written.
    internal static FieldInfo[] FieldsOf(Type type) => Fields.GetOrAdd(type, t =>
    {
        if (!IsRecord(t) && !typeof(ITuple).IsAssignableFrom(t) && !IsCollectionExpression(t))
            throw new NotPersistable(t);
        var fields = new List<FieldInfo>();
        for (var at = t; at is not null && at != typeof(object) && at != typeof(ValueType); at = at.BaseType)
            fields.AddRange(at.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly));
        return [.. fields.OrderBy(f => f.DeclaringType!.FullName, StringComparer.Ordinal).ThenBy(f => f.Name, StringComparer.Ordinal)];
    });

    /// What the compiler makes of a collection expression given as an IReadOnlyList (a
    /// read-only wrapper of an array, a list or one item): kept, like a record, by its fields.
    private static bool IsCollectionExpression(Type type) =>
        type.Name.StartsWith("<>z__ReadOnly", StringComparison.Ordinal) && type.IsDefined(typeof(CompilerGeneratedAttribute), false);

    private static bool IsRecord(Type type) =>
        type.GetMethod("PrintMembers", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public, [typeof(System.Text.StringBuilder)]) is not null;
}

/// The types of the values in one file, by number; a type is added when first written, and
/// a write that fails takes back the types it added.
internal sealed class TypeTable
{
    private readonly Dictionary<Type, int> numbers = [];

    public TypeTable(IEnumerable<Type> known)
    {
        // In the order of the file they come from: its kept parts refer to them by number.
        foreach (var type in known)
        {
            numbers.TryAdd(type, Types.Count);
            Types.Add(type);
        }
    }

    public List<Type> Types { get; } = [];

    public int IndexOf(Type type)
    {
        if (numbers.TryGetValue(type, out var known))
            return known;
        if (type.AssemblyQualifiedName is null)
            throw new NotPersistable(type);
        numbers[type] = Types.Count;
        Types.Add(type);
        return Types.Count - 1;
    }

    public int Count => Types.Count;

    /// Takes back the types added since the table had <paramref name="count"/>.
    public void Truncate(int count)
    {
        for (var i = count; i < Types.Count; i++)
            numbers.Remove(Types[i]);
        Types.RemoveRange(count, Types.Count - count);
    }
}

/// A value <see cref="ValueWriter"/> cannot write; the result that holds it is made again next time.
internal sealed class NotPersistable(Type type) : Exception($"a {type.FullName} cannot be kept in the cache")
{
}

internal enum ValueTag : byte
{
    Null = 1, String, StringRef, True, False, Int, Long, Double, Date, Fingerprint, Enum, Char, Decimal, Float, Number,
    DateTime, DateTimeOffset, TimeSpan, Guid, Uri, ObjectRef, Document, Array, Record,
    List, ImmutableArray, ImmutableList, HashSet, ImmutableHashSet, Dictionary, ImmutableDictionary, SortedSet,
}
