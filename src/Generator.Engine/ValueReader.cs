using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace Generator.Engine;

/// Reads what <see cref="ValueWriter"/> wrote, making values of the very types written. Any
/// inconsistency (a damaged or foreign file) throws <see cref="InvalidDataException"/>.
internal sealed class ValueReader(BinaryReader input, IReadOnlyList<Type> types)
{
    private readonly List<string> strings = [];
    private readonly List<object> objects = [];

    public BinaryReader Input => input;

    /// Starts a part written on its own (<see cref="ValueWriter.Part"/>).
    public void Part()
    {
        strings.Clear();
        objects.Clear();
    }

    public string? Text() => (ValueTag)input.ReadByte() switch
    {
        ValueTag.Null => null,
        ValueTag.String => Added(ReadString()),
        ValueTag.StringRef => At(strings, input.Read7BitEncodedInt()),
        var tag => throw new InvalidDataException($"a text was expected, not {tag}"),
    };

    public string RequiredText() => Text() ?? throw new InvalidDataException("a text was expected, not nothing");

    // BinaryReader.ReadString decodes a long string 128 bytes at a time through a
    // StringBuilder; a page's HTML is decoded here at once from the file's bytes.
    private string ReadString()
    {
        var length = input.Read7BitEncodedInt();
        if (length < 0 || input.BaseStream is not MemoryStream memory || !memory.TryGetBuffer(out var buffer)
            || memory.Position + length > memory.Length)
            throw new InvalidDataException($"a text of {length} bytes");
        var text = System.Text.Encoding.UTF8.GetString(buffer.AsSpan((int)memory.Position, length));
        memory.Position += length;
        return text;
    }

    private string Added(string text)
    {
        strings.Add(text);
        return text;
    }

    private static T At<T>(IReadOnlyList<T> table, int index) =>
        index >= 0 && index < table.Count ? table[index] : throw new InvalidDataException($"reference {index} to nothing written");

    public Type Type() => At(types, input.Read7BitEncodedInt());

    public Fingerprint Fingerprint()
    {
        var low = input.ReadUInt64();
        var high = input.ReadUInt64();
        return new Fingerprint(((UInt128)high << 64) | low);
    }

    public Document Document()
    {
        if ((ValueTag)input.ReadByte() != ValueTag.Document)
            throw new InvalidDataException("a document was expected");
        return DocumentBody();
    }

    private Document DocumentBody()
    {
        var doc = new Document
        {
            Source = Text(),
            SourceFile = Text(),
            Destination = RequiredText(),
            Content = Text(),
            Metadata = Generator.Engine.Document.EmptyMetadata.SetItems(Entries()),
        };
        objects.Add(doc);
        return doc;
    }

    public List<KeyValuePair<string, object?>> Entries()
    {
        var count = Count();
        var entries = new List<KeyValuePair<string, object?>>(count);
        for (var i = 0; i < count; i++)
            entries.Add(new(RequiredText(), Value()));
        return entries;
    }

    private int Count()
    {
        var count = input.Read7BitEncodedInt();
        return count >= 0 && count <= input.BaseStream.Length - input.BaseStream.Position ? count : throw new InvalidDataException($"a count of {count}");
    }

    public object? Value()
    {
        var tag = (ValueTag)input.ReadByte();
        switch (tag)
        {
            case ValueTag.Null:
                return null;
            case ValueTag.String:
                return Added(ReadString());
            case ValueTag.StringRef:
                return At(strings, input.Read7BitEncodedInt());
            case ValueTag.True:
                return true;
            case ValueTag.False:
                return false;
            case ValueTag.Int:
                return input.ReadInt32();
            case ValueTag.Long:
                return input.ReadInt64();
            case ValueTag.Double:
                return input.ReadDouble();
            case ValueTag.Date:
                return DateOnly.FromDayNumber(input.ReadInt32());
            case ValueTag.Fingerprint:
                return Fingerprint();
            case ValueTag.Enum:
                var enumType = Type();
                return enumType.IsEnum ? Enum.ToObject(enumType, input.ReadInt64()) : throw new InvalidDataException($"{enumType} is not an enum");
            case ValueTag.Char:
                return (char)input.ReadUInt16();
            case ValueTag.Decimal:
                return input.ReadDecimal();
            case ValueTag.Float:
                return input.ReadSingle();
            case ValueTag.Number:
                var numberType = Type();
                return Convert.ChangeType(input.ReadDecimal(), numberType, System.Globalization.CultureInfo.InvariantCulture);
            case ValueTag.DateTime:
                return DateTime.FromBinary(input.ReadInt64());
            case ValueTag.DateTimeOffset:
                var ticks = input.ReadInt64();
                return new DateTimeOffset(ticks, new TimeSpan(input.ReadInt64()));
            case ValueTag.TimeSpan:
                return new TimeSpan(input.ReadInt64());
            case ValueTag.Guid:
                return new Guid(input.ReadBytes(16));
            case ValueTag.Uri:
                return new Uri(RequiredText(), UriKind.RelativeOrAbsolute);
            case ValueTag.ObjectRef:
                return At(objects, input.Read7BitEncodedInt());
            case ValueTag.Document:
                return DocumentBody();
            case ValueTag.Array:
                var elementType = Type();
                var length = Count();
                var array = Array.CreateInstance(elementType, length);
                for (var i = 0; i < length; i++)
                    array.SetValue(Value(), i);
                objects.Add(array);
                return array;
            case ValueTag.Record:
                return Record(Type());
            default:
                if (!ValueWriter.Collections.ContainsValue(tag))
                    throw new InvalidDataException($"no value starts with {(byte)tag}");
                return Collection(tag, Type());
        }
    }

    private object Record(Type type)
    {
        var setters = Setters.GetOrAdd(type, t => [.. ValueWriter.FieldsOf(t).Select(Setter)]);
        var made = RuntimeHelpers.GetUninitializedObject(type);
        foreach (var set in setters)
            set(made, Value());
        if (!type.IsValueType)
            objects.Add(made);
        return made;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Action<object, object?>[]> Setters = new();

    /// Sets a field of a record made without a constructor, readonly ones included (what
    /// FieldInfo.SetValue does, without its cost per call); a struct is set in its box.
    private static Action<object, object?> Setter(System.Reflection.FieldInfo field)
    {
        var method = new System.Reflection.Emit.DynamicMethod("set_" + field.Name, null, [typeof(object), typeof(object)], typeof(ValueReader).Module, skipVisibility: true);
        var il = method.GetILGenerator();
        il.Emit(System.Reflection.Emit.OpCodes.Ldarg_0);
        il.Emit(field.DeclaringType!.IsValueType ? System.Reflection.Emit.OpCodes.Unbox : System.Reflection.Emit.OpCodes.Castclass, field.DeclaringType);
        il.Emit(System.Reflection.Emit.OpCodes.Ldarg_1);
        il.Emit(field.FieldType.IsValueType ? System.Reflection.Emit.OpCodes.Unbox_Any : System.Reflection.Emit.OpCodes.Castclass, field.FieldType);
        il.Emit(System.Reflection.Emit.OpCodes.Stfld, field);
        il.Emit(System.Reflection.Emit.OpCodes.Ret);
        return method.CreateDelegate<Action<object, object?>>();
    }

    private object Collection(ValueTag tag, Type type)
    {
        if (!type.IsGenericType || !ValueWriter.Collections.TryGetValue(type.GetGenericTypeDefinition(), out var expected) || expected != tag)
            throw new InvalidDataException($"{type} is not a {tag}");
        var comparer = input.ReadByte();
        var arguments = type.GetGenericArguments();
        var count = Count();
        object made;
        if (tag is ValueTag.Dictionary or ValueTag.ImmutableDictionary)
        {
            var keys = Array.CreateInstance(arguments[0], count);
            var values = Array.CreateInstance(arguments[1], count);
            for (var i = 0; i < count; i++)
            {
                keys.SetValue(Value(), i);
                values.SetValue(Value(), i);
            }

            made = Make(tag == ValueTag.Dictionary ? nameof(MakeDictionary) : nameof(MakeImmutableDictionary), arguments, keys, values, Comparer(comparer, arguments[0], equality: true));
        }
        else
        {
            var items = Array.CreateInstance(arguments[0], count);
            for (var i = 0; i < count; i++)
                items.SetValue(Value(), i);
            made = tag switch
            {
                ValueTag.List => Make(nameof(MakeList), arguments, items),
                ValueTag.ImmutableArray => Make(nameof(MakeImmutableArray), arguments, items),
                ValueTag.ImmutableList => Make(nameof(MakeImmutableList), arguments, items),
                ValueTag.HashSet => Make(nameof(MakeHashSet), arguments, items, Comparer(comparer, arguments[0], equality: true)),
                ValueTag.ImmutableHashSet => Make(nameof(MakeImmutableHashSet), arguments, items, Comparer(comparer, arguments[0], equality: true)),
                ValueTag.SortedSet => Make(nameof(MakeSortedSet), arguments, items, Comparer(comparer, arguments[0], equality: false)),
                _ => throw new InvalidDataException($"no collection {tag}"),
            };
        }

        if (!type.IsValueType)
            objects.Add(made);
        return made;
    }

    private static object Make(string maker, Type[] arguments, params object?[] parts)
    {
        try
        {
            return Makers.GetOrAdd((maker, arguments[0], arguments.Length > 1 ? arguments[1] : null), key =>
                typeof(ValueReader).GetMethod(key.Maker, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                    .MakeGenericMethod(arguments)).Invoke(null, parts)!;
        }
        catch (System.Reflection.TargetInvocationException e) when (e.InnerException is ArgumentException or InvalidCastException)
        {
            throw new InvalidDataException($"the items of a {maker[4..]} cannot be put together: {e.InnerException.Message}");
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Maker, Type, Type?), System.Reflection.MethodInfo> Makers = new();

    private static List<T> MakeList<T>(T[] items) => [.. items];

    private static ImmutableArray<T> MakeImmutableArray<T>(T[] items) => ImmutableArray.Create(items);

    private static ImmutableList<T> MakeImmutableList<T>(T[] items) => ImmutableList.Create(items);

    private static HashSet<T> MakeHashSet<T>(T[] items, IEqualityComparer<T> comparer) => new(items, comparer);

    private static ImmutableHashSet<T> MakeImmutableHashSet<T>(T[] items, IEqualityComparer<T> comparer) => ImmutableHashSet.Create(comparer, items);

    private static SortedSet<T> MakeSortedSet<T>(T[] items, IComparer<T> comparer) => new(items, comparer);

    private static Dictionary<TKey, TValue> MakeDictionary<TKey, TValue>(TKey[] keys, TValue[] values, IEqualityComparer<TKey> comparer)
        where TKey : notnull
    {
        var made = new Dictionary<TKey, TValue>(keys.Length, comparer);
        for (var i = 0; i < keys.Length; i++)
            made.Add(keys[i], values[i]);
        return made;
    }

    private static ImmutableDictionary<TKey, TValue> MakeImmutableDictionary<TKey, TValue>(TKey[] keys, TValue[] values, IEqualityComparer<TKey> comparer)
        where TKey : notnull =>
        ImmutableDictionary.CreateRange(comparer, keys.Select((key, i) => new KeyValuePair<TKey, TValue>(key, values[i])));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(Type, bool), object> DefaultComparers = new();

    private static object? Comparer(byte code, Type key, bool equality) => code switch
    {
        0 => DefaultComparers.GetOrAdd((key, equality), k => k.Item2
            ? typeof(EqualityComparer<>).MakeGenericType(k.Item1).GetProperty("Default")!.GetValue(null)!
            : typeof(Comparer<>).MakeGenericType(k.Item1).GetProperty("Default")!.GetValue(null)!),
        1 when key == typeof(string) => StringComparer.Ordinal,
        2 when key == typeof(string) => StringComparer.OrdinalIgnoreCase,
        _ => throw new InvalidDataException($"no comparer {code} of {key}"),
    };
}
