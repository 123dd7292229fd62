using CsCheck;

namespace Generator.Tests.Incremental;

// Issue 14: random sequences of edits to a small site, each built in one session: after
// every build RunningSite compares the output and diagnostics with a fresh build's, so any
// dependency the session fails to record shows up as a difference.
public sealed class RandomEditTests
{
    private const string Site = """
        -- input/site.yml --
        languages: [en, ja]
        -- input/taxonomy.yml --
        tags:
          water:
            en: Water
            ja: 水
          energy:
            en: Energy
            ja: エネルギー
        -- input/en/index.md --
        ---
        title: Home
        ---
        Welcome.
        -- input/ja/index.md --
        ---
        title: ホーム
        ---
        ようこそ。
        -- input/en/topics/2021/t0.md --
        ---
        title: Topic 0
        summary: About 0
        date: 2021-01-01
        number: 1
        tags: [water]
        ---
        Text 0, see [topic 1](/en/topics/2022/t1/).
        -- input/en/topics/2022/t1.md --
        ---
        title: Topic 1
        summary: About 1
        date: 2022-01-02
        number: 1
        tags: [energy]
        ---
        Text 1.

        ![A photo](/assets/images/p.png "Caption"){credit="UNDP"}
        -- input/ja/topics/2022/t1.md --
        ---
        title: トピック1
        summary: 1について
        ---
        本文1。
        -- input/en/topics/2022/t2.md --
        ---
        title: Topic 2
        summary: About 2
        date: 2022-01-03
        number: 2
        tags: [water, energy]
        ---
        Text 2.
        """;

    private static readonly string[] Topics = ["input/en/topics/2021/t0.md", "input/en/topics/2022/t1.md", "input/en/topics/2022/t2.md", "input/ja/topics/2022/t1.md"];

    /// One edit: a kind and a number that picks the file and the new text.
    private static void Apply(RunningSite site, int kind, int n)
    {
        var topic = Topics[n % Topics.Length];
        var file = Path.Combine(site.Root, topic);
        var exists = File.Exists(file);
        switch (kind)
        {
            case 0 when exists:
                site.Write(topic, Replace(File.ReadAllText(file), "title: ", $"title: T{n} "));
                break;
            case 1 when exists:
                site.Write(topic, File.ReadAllText(file) + $"\nMore words {n}.\n");
                break;
            case 2 when exists:
                var text = File.ReadAllText(file);
                site.Write(topic, text.Contains("tags: [water]", StringComparison.Ordinal)
                    ? text.Replace("tags: [water]", "tags: [energy, water]", StringComparison.Ordinal)
                    : Replace(text, "summary: ", "tags: [water]\nsummary: "));
                break;
            case 3:
                if (exists)
                    site.Remove(topic);
                else
                    site.Add(topic, $"---\ntitle: Back {n}\nsummary: Returned\ndate: 2022-02-0{1 + n % 8}\n---\nBack again.\n");
                break;
            case 4:
                site.Write("input/assets/images/p.png", Png.Of(5 + n % 40, 7 + n % 30));
                break;
            case 5:
                site.Write("theme/i18n/en.yml", Replace(File.ReadAllText(Path.Combine(site.Root, "theme/i18n/en.yml")), "tags_label: \"", $"tags_label: \"{n} "));
                break;
            case 6 when exists:
                site.Write(topic, Replace(File.ReadAllText(file), "date: 20", "date: 19"));
                break;
            case 7:
                site.Edit("input/taxonomy.yml", "en: Energy", $"en: Energy {n}");
                break;
            case 8:
                site.Write("theme/layouts/topic.liquid", Replace(File.ReadAllText(Path.Combine(site.Root, "theme/layouts/topic.liquid")), "</article>", $"<p>layout {n}</p></article>"));
                break;
            case 9:
                site.Write("input/site.yml", n % 2 == 0 ? "languages: [en, ja]\n" : $"languages: [en, ja]\npaginate: {1 + n % 3}\n");
                break;
            case 10:
                // A tag key taken out and put back: topics tagged with it are errors meanwhile.
                var taxonomy = File.ReadAllText(Path.Combine(site.Root, "input/taxonomy.yml"));
                site.Write("input/taxonomy.yml", taxonomy.Contains("  water:", StringComparison.Ordinal)
                    ? taxonomy.Replace("  water:\n    en: Water\n    ja: 水\n", "", StringComparison.Ordinal)
                    : taxonomy.Replace("tags:\n", "tags:\n  water:\n    en: Water\n    ja: 水\n", StringComparison.Ordinal));
                break;
            default:
                site.Write(topic, $"---\ntitle: New {n}\nsummary: Made again\n---\nBody {n}, see [topic 0](/en/topics/2021/t0/).\n");
                break;
        }
    }

    private static string Replace(string text, string what, string with)
    {
        var at = text.IndexOf(what, StringComparison.Ordinal);
        return at < 0 ? text : text[..at] + with + text[(at + what.Length)..];
    }

    [Fact]
    public void Any_sequence_of_edits_builds_what_a_fresh_build_builds()
    {
        Gen.Select(Gen.Int[0, 11], Gen.Int[0, 99]).Array[2, 6].Sample(edits =>
        {
            var created = TestSite.Create(Site);
            Png.Write(created.Root, "input/assets/images/p.png", 10, 20);
            using var site = new RunningSite(created);
            foreach (var (kind, n) in edits)
            {
                Apply(site, kind, n);
                site.Build();
            }
        }, iter: 12, threads: 1, print: edits => string.Join(", ", edits.Select(e => $"kind {e.Item1} n {e.Item2}")));
    }
}
