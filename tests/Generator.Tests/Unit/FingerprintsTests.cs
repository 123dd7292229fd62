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
}
