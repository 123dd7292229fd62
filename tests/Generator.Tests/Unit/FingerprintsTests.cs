using System.Collections.Immutable;
using Generator.Content;
using Generator.Engine;

namespace Generator.Tests.Unit;

// Issue 14: fingerprints are made from a value's structure, never from object identity,
// and a type they do not know is an error rather than a value left out.
public sealed class FingerprintsTests
{
    private sealed record Item(string Name, int Count, IReadOnlyList<string> Tags);

    private sealed class Opaque(int value)
    {
        public int Value { get; } = value;
    }

    [Fact]
    public void Equal_content_in_different_objects_has_the_same_fingerprint()
    {
        var a = new Item("a", 1, ["x", "y"]);
        var b = new Item("a", 1, new List<string> { "x", "y" }.AsReadOnly());

        Assert.NotSame(a, b);
        Assert.Equal(Fingerprints.Of(a), Fingerprints.Of(b));
        Assert.Equal(
            Fingerprints.Of(new Document { Source = "s", Content = "c" }.With("item", a)),
            Fingerprints.Of(new Document { Source = "s", Content = "c" }.With("item", b)));
    }

    [Fact]
    public void Any_change_of_content_changes_the_fingerprint()
    {
        var item = new Item("a", 1, ["x", "y"]);

        Assert.NotEqual(Fingerprints.Of(item), Fingerprints.Of(item with { Name = "b" }));
        Assert.NotEqual(Fingerprints.Of(item), Fingerprints.Of(item with { Count = 2 }));
        Assert.NotEqual(Fingerprints.Of(item), Fingerprints.Of(item with { Tags = ["y", "x"] })); // lists keep their order
        Assert.NotEqual(Fingerprints.Of(new Document { Content = "a" }), Fingerprints.Of(new Document { Content = "b" }));
        Assert.NotEqual(Fingerprints.Of(new string('x', 300)), Fingerprints.Of(new string('x', 299) + "y")); // long strings are remembered
        Assert.NotEqual(Fingerprints.Of(1), Fingerprints.Of("1"));
        Assert.NotEqual(Fingerprints.Of(TranslationStatus.Ok), Fingerprints.Of(TranslationStatus.Stale));
    }

    [Fact]
    public void Sets_and_dictionaries_do_not_depend_on_their_order()
    {
        Assert.Equal(Fingerprints.Of(ImmutableHashSet.Create("a", "b", "c")), Fingerprints.Of(ImmutableHashSet.Create("c", "a", "b")));
        Assert.Equal(
            Fingerprints.Of(new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 }),
            Fingerprints.Of(new Dictionary<string, int> { ["b"] = 2, ["a"] = 1 }));
        Assert.Equal(
            Fingerprints.Of(new Document().With("a", 1).With("b", 2)),
            Fingerprints.Of(new Document().With("b", 2).With("a", 1)));
    }

    [Fact]
    public void A_type_that_is_not_a_record_is_refused()
    {
        var error = Assert.Throws<NotSupportedException>(() => Fingerprints.Of(new Document().With("opaque", new Opaque(1))));

        Assert.Contains(nameof(Opaque), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_documents_of_a_real_build_can_all_be_fingerprinted()
    {
        using var site = TestSite.Create("""
            -- input/site.yml --
            languages: [en, ja]
            -- input/en/topics/2022/a.md --
            ---
            title: A
            summary: S
            date: 2022-01-01
            ---
            Text with a [link](/en/) and a footnote.[^1]

            [^1]: The note.
            -- input/ja/topics/2022/a.md --
            ---
            title: エー
            summary: エス
            ---
            本文。
            """);
        site.Rebuild(write: false);

        foreach (var doc in site.Result.Outputs.Values.SelectMany(d => d))
            _ = Fingerprints.Of(doc);
    }

    public static TheoryData<string, object?, object?> Pairs()
    {
        var item = new Item("a", 1, ["x", "y"]);
        var doc = new Document { Source = "s", Content = "c" }.With("item", item);
        return new TheoryData<string, object?, object?>
        {
            { "equal records in other objects", item, new Item("a", 1, new List<string> { "x", "y" }) },
            { "a changed field", item, item with { Count = 2 } },
            { "a list in another order", item, item with { Tags = ["y", "x"] } },
            { "a list of another type with the same items", new List<string> { "x" }, ImmutableArray.Create("x") },
            { "a longer list", new List<string> { "x" }, new List<string> { "x", "y" } },
            { "sets in another order", ImmutableHashSet.Create("a", "b"), ImmutableHashSet.Create("b", "a") },
            { "dictionaries in another order", new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 }, new Dictionary<string, int> { ["b"] = 2, ["a"] = 1 } },
            { "a dictionary with another value", new Dictionary<string, int> { ["a"] = 1 }, new Dictionary<string, int> { ["a"] = 2 } },
            { "documents made apart", doc, new Document { Source = "s", Content = "c" }.With("item", item with { Tags = ["x", "y"] }) },
            { "documents with another content", doc, doc with { Content = "d" } },
            { "a document with one more key", doc, doc.With("more", 1) },
            { "tuples", (1, "a", item), (1, "a", item with { }) },
            { "a number and its text", 1, "1" },
            { "null and a value", null, "x" },
            { "struct arrays with equal items", ImmutableArray.Create(item), ImmutableArray.Create(item with { }) },
        };
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Comparing_two_values_by_walking_them_agrees_with_comparing_their_fingerprints(string pair, object? a, object? b)
    {
        Assert.True(Fingerprints.Same(a, b) == (Fingerprints.Of(a) == Fingerprints.Of(b)), pair);
        Assert.True(Fingerprints.Same(b, a) == (Fingerprints.Of(a) == Fingerprints.Of(b)), pair);
    }

    [Fact]
    public void A_value_derived_from_a_document_is_made_once_per_document_and_again_under_another_version()
    {
        var doc = new Document { Source = "s" };
        var made = 0;
        string Make(Document d) => $"{d.Source} {++made}";
        var first = new Fingerprint(1);
        var second = new Fingerprint(2);

        Assert.Equal("s 1", doc.Derive("view", first, Make));
        Assert.Equal("s 1", doc.Derive("view", first, Make));
        Assert.Equal("s 2", doc.Derive("view", second, Make));
        Assert.Equal("s 3", doc.Derive("view", first, Make)); // one value per name: the last version replaced it
        Assert.Equal("s 4", (doc with { }).Derive("view", first, Make)); // a copy is another document
    }
}
