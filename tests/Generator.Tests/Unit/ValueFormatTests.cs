using System.Collections.Immutable;
using Generator.Engine;

namespace Generator.Tests.Unit;

// Issue 18: what the results file keeps of a document's values is read back as values of
// the very types written, with the same fingerprints, or not written at all.
public sealed class ValueFormatTests
{
    private enum Colour
    {
        Red,
        Blue = 7,
    }

    private sealed record Card(string Title, int? Number, Colour Colour, DateOnly Date, ImmutableArray<string> Tags, IReadOnlyList<Card> Related)
    {
        public Uri? Link { get; init; }

        public (string Name, long Count) Pair { get; init; }
    }

    private sealed class Opaque : IFingerprinted
    {
        public Fingerprint Fingerprint => new(1);
    }

    private static object? RoundTrip(object? value)
    {
        var types = new TypeTable([]);
        using var stream = new MemoryStream();
        using (var output = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            new ValueWriter(output, types).Value(value);
        var bytes = stream.ToArray();
        using var input = new BinaryReader(new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true));
        var read = new ValueReader(input, types.Types).Value();
        Assert.Equal(bytes.Length, input.BaseStream.Position);
        return read;
    }

    public static readonly TheoryData<object?> Values = new()
    {
        null,
        "text",
        new string('長', 5000),
        42,
        -7L,
        3.5,
        'x',
        1.25m,
        (byte)200,
        Colour.Blue,
        new DateOnly(2022, 9, 1),
        new DateTimeOffset(2022, 9, 1, 12, 0, 0, TimeSpan.FromHours(9)),
        new Uri("/en/topics/", UriKind.Relative),
        new Fingerprint(UInt128.MaxValue),
        new[] { 1, 2, 3 },
        new List<string> { "b", "a" },
        ImmutableArray.Create("x", "y"),
        ImmutableList.Create(1, 2),
        ("pair", 2),
        new Card("A", null, Colour.Red, new DateOnly(2022, 1, 1), ["water", "health"],
            (IReadOnlyList<Card>)[new Card("B", 2, Colour.Blue, new DateOnly(2022, 2, 1), [], [])])
        {
            Link = new Uri("https://example.org/a/"),
            Pair = ("n", 3),
        },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_is_read_back_with_its_type_and_its_fingerprint(object? value)
    {
        var read = RoundTrip(value);

        Assert.Equal(value?.GetType(), read?.GetType());
        Assert.Equal(Fingerprints.Of(value), Fingerprints.Of(read));
    }

    [Fact]
    public void A_collection_expression_list_is_read_back_as_the_compiler_made_it()
    {
        IReadOnlyList<Card> cards = [new Card("A", 1, Colour.Red, new DateOnly(2022, 1, 1), [], [])];

        var read = RoundTrip(cards);

        Assert.Equal(cards.GetType(), read!.GetType());
        Assert.Equal(Fingerprints.Of(cards), Fingerprints.Of(read));
    }

    [Fact]
    public void Sets_and_dictionaries_keep_how_they_compare_keys()
    {
        var set = ImmutableHashSet.Create(StringComparer.Ordinal, "Title");
        var table = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["Water"] = 1 };
        var metadata = ImmutableDictionary<string, object?>.Empty.WithComparers(StringComparer.Ordinal).Add("k", 1);

        var readSet = (ImmutableHashSet<string>)RoundTrip(set)!;
        var readTable = (Dictionary<string, int>)RoundTrip(table)!;
        var readMetadata = (ImmutableDictionary<string, object?>)RoundTrip(metadata)!;

        Assert.Same(StringComparer.Ordinal, readSet.KeyComparer);
        Assert.DoesNotContain("title", readSet);
        Assert.Equal(1, readTable["WATER"]);
        Assert.Same(StringComparer.Ordinal, readMetadata.KeyComparer);
    }

    [Fact]
    public void A_value_met_twice_in_one_part_is_one_object_again()
    {
        var shared = new Card("A", 1, Colour.Red, new DateOnly(2022, 1, 1), [], []);

        var read = (Card[])RoundTrip(new[] { shared, shared })!;

        Assert.Same(read[0], read[1]);
    }

    [Fact]
    public void A_document_is_read_back_with_its_metadata()
    {
        var doc = new Document { Source = "input/en/a.md", Destination = "en/a/index.html", Content = "<p>A</p>" }
            .With("tags", ImmutableArray.Create("water")).With("draft", false);

        var read = (Document)RoundTrip(doc)!;

        Assert.Equal(Fingerprints.Of(doc), Fingerprints.Of(read));
        Assert.Equal(doc.Destination, read.Destination);
        Assert.Same(StringComparer.Ordinal, read.Metadata.KeyComparer);
    }

    [Fact]
    public void A_value_that_only_knows_its_fingerprint_is_not_written()
    {
        var types = new TypeTable([]);
        using var output = new BinaryWriter(new MemoryStream());

        Assert.Throws<NotPersistable>(() => new ValueWriter(output, types).Value(new List<object> { new Opaque() }));
    }
}
