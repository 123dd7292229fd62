using System.Globalization;
using System.Text;

namespace Generator.Benchmarks;

/// A deterministic bilingual corpus in the site's input schema, of the same shape as the
/// team's reference corpus: per topic an English file of 600–900 words and a Japanese one
/// of 1,500–2,500 characters, 2–3 `##` headings, a list, a pipe table on every 5th topic,
/// a footnote, a relative link to another topic, a body image and 1–3 front matter photos
/// (1×1 PNGs that exist, or real-sized JPEGs, or none: <see cref="CorpusPhotos"/>), 2–4 of
/// 30 tags; editions 2015–2024.
public static class Corpus
{
    private static readonly int[] Editions = [.. Enumerable.Range(2015, 10)];

    private static readonly string[] Tags =
    [
        "energy", "climate", "disaster-prevention", "aging-society", "birthrate", "labour", "digital", "ai",
        "cybersecurity", "healthcare", "education", "transport", "housing", "agriculture", "fisheries",
        "tourism", "trade", "finance", "tax", "local-government", "water", "forestry", "science", "space",
        "defence", "diplomacy", "culture", "sport", "environment", "statistics",
    ];

    private static readonly string[] TagsJa =
    [
        "エネルギー", "気候変動", "防災", "高齢化社会", "少子化", "労働", "デジタル", "人工知能", "サイバーセキュリティ",
        "医療", "教育", "交通", "住宅", "農業", "水産業", "観光", "貿易", "金融", "税制", "地方自治", "水", "林業",
        "科学技術", "宇宙", "防衛", "外交", "文化", "スポーツ", "環境", "統計",
    ];

    private static readonly string[] Subjects = ["the national government", "local governments", "small businesses", "regional hospitals", "public universities", "rural communities", "research institutes", "households", "port authorities", "schools"];
    private static readonly string[] Verbs = ["expanded", "reviewed", "strengthened", "reduced", "monitored", "introduced", "evaluated", "supported", "funded", "published", "digitised", "piloted"];
    private static readonly string[] Objects = ["emergency response plans", "renewable energy capacity", "broadband coverage", "long-term care services", "water supply networks", "apprenticeship programmes", "flood defence works", "public transport subsidies", "vaccination records", "open data portals", "teacher training", "satellite imagery"];
    private static readonly string[] Qualifiers = ["over the past fiscal year", "in most prefectures", "despite budget constraints", "ahead of schedule", "in close cooperation with industry", "as part of a five-year plan", "for the first time since the survey began"];
    private static readonly string[] TitleA = ["Progress in", "Challenges for", "A New Approach to", "Measuring", "Rethinking", "The Future of", "Lessons from", "Investing in"];
    private static readonly string[] TitleB = ["Regional Energy Systems", "Disaster Resilience", "Digital Public Services", "Sustainable Agriculture", "Inbound Tourism", "Water Infrastructure", "Coastal Fisheries", "Urban Transport", "Climate Adaptation", "Lifelong Learning"];
    private static readonly string[] TitleBJa = ["地域エネルギー", "防災・減災", "行政サービスのデジタル化", "持続可能な農業", "インバウンド観光", "水インフラ", "沿岸漁業", "都市交通", "気候変動への適応", "生涯学習"];
    private static readonly string[] TitleAJa = ["の進展", "をめぐる課題", "への新たな取組", "の計測", "の再検討", "の将来像", "から得られた教訓", "への投資"];
    private static readonly string[] Headings = ["Background", "Current Situation", "Key Measures", "Outcomes So Far", "Remaining Issues", "Outlook"];
    private static readonly string[] HeadingsJa = ["背景", "現状", "主な施策", "これまでの成果", "残された課題", "今後の見通し"];
    private static readonly string[] SubjectsJa = ["国", "地方公共団体", "中小企業", "地域の医療機関", "国立大学", "農山漁村の住民", "研究機関", "各家庭", "港湾管理者", "学校"];
    private static readonly string[] ObjectsJa = ["防災計画", "再生可能エネルギーの導入量", "ブロードバンドの整備", "介護サービス", "上水道の管路", "職業訓練制度", "堤防の整備", "公共交通への補助", "予防接種の記録", "オープンデータの公開", "教員の研修", "衛星データの活用"];
    private static readonly string[] VerbsJa = ["拡充した", "見直した", "強化した", "削減した", "新たに導入した", "評価した", "支援した", "予算化した", "公表した", "デジタル化した"];
    private static readonly string[] QualifiersJa = ["前年度に", "多くの都道府県で", "厳しい財政状況の中でも", "当初の予定より早く", "産業界と緊密に連携して", "五か年計画の一環として"];

    /// A 1×1 PNG that libvips reads (the reference corpus's, and the one this corpus had, failed
    /// its checksum, which the photo pipeline refuses): every photo the corpus refers to exists.
    private static readonly byte[] Png = OnePixel();

    private static byte[] OnePixel()
    {
        using var pixel = NetVips.Image.Black(1, 1, bands: 3);
        return pixel.PngsaveBuffer();
    }

    public static void Write(int topics, string outFolder, int seed = 20240601, CorpusPhotos photos = CorpusPhotos.Png)
    {
        var root = Path.Combine(outFolder, "input");
        if (Directory.Exists(root))
            Directory.Delete(root, recursive: true);
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "site.yml"), """
            base_url: "https://example.org/"
            default_language: en
            languages:
              - code: en
                name: English
                title: "White Paper Topics"
              - code: ja
                name: "日本語"
                title: "白書トピックス"
            # Hugo's benchmark site draws no link preview images; neither does this corpus.
            share_cards: false

            """);
        var taxonomy = new StringBuilder("tags:\n");
        for (var i = 0; i < Tags.Length; i++)
            taxonomy.Append($"  {Tags[i]}:\n    en: \"{char.ToUpperInvariant(Tags[i][0])}{Tags[i][1..].Replace('-', ' ')}\"\n    ja: \"{TagsJa[i]}\"\n");
        File.WriteAllText(Path.Combine(root, "taxonomy.yml"), taxonomy.ToString());

        var random = new Random(seed);
        var perEdition = Editions.ToDictionary(e => e, _ => 0);
        var plan = new List<Plan>(topics);
        for (var i = 0; i < topics; i++)
        {
            var edition = Editions[random.Next(Editions.Length)];
            var b = random.Next(TitleB.Length);
            plan.Add(new Plan(
                i, edition, ++perEdition[edition], random.Next(TitleA.Length), b,
                $"{TitleB[b].ToLowerInvariant().Replace(' ', '-')}-{i:00000}",
                new DateOnly(edition, random.Next(1, 13), random.Next(1, 29)),
                [.. Tags.OrderBy(_ => random.Next()).Take(random.Next(2, 5))],
                random.Next(1, 4)));
        }

        foreach (var t in plan)
        {
            var other = plan.Count > 1 ? plan[(t.Index + 1 + random.Next(plan.Count - 1)) % plan.Count] : t;
            var shown = photos == CorpusPhotos.None ? t with { Photos = 0 } : t;
            Directory.CreateDirectory(Path.Combine(root, "assets", "images", t.Edition.ToString(CultureInfo.InvariantCulture)));
            for (var k = 1; k <= shown.Photos; k++)
            {
                var file = Path.Combine(root, "assets", "images", $"{t.Edition}", $"{t.Slug}-{k}{Extension(photos)}");
                if (photos == CorpusPhotos.Png)
                    File.WriteAllBytes(file, Png);
                else
                    BenchmarkPhotos.Jpeg(file, photos, t.Index * 4 + k);
            }

            foreach (var lang in new[] { "en", "ja" })
            {
                var folder = Path.Combine(root, lang, "topics", $"{t.Edition}");
                Directory.CreateDirectory(folder);
                var text = lang == "en"
                    ? English(shown, other, new Random(seed * 31 + t.Index * 2), Extension(photos))
                    : Japanese(shown, other, new Random(seed * 31 + t.Index * 2 + 1), Extension(photos));
                File.WriteAllText(Path.Combine(folder, t.Slug + ".md"), text);
            }
        }
    }

    private static string Extension(CorpusPhotos photos) => photos == CorpusPhotos.Png ? ".png" : ".jpg";

    private static string FrontMatter(Plan t, string title, string summary, Func<int, (string Alt, string Caption)> photo, string extension)
    {
        var text = new StringBuilder();
        text.Append($"---\ntitle: \"{title}\"\nedition: {t.Edition}\nnumber: {t.Number}\ndate: {t.Date:yyyy-MM-dd}\nsummary: \"{summary}\"\ntags:\n");
        foreach (var tag in t.Tags)
            text.Append($"  - {tag}\n");
        if (t.Photos > 0)
            text.Append("images:\n");
        for (var k = 1; k <= t.Photos; k++)
        {
            var (alt, caption) = photo(k);
            text.Append($"  - src: /assets/images/{t.Edition}/{t.Slug}-{k}{extension}\n    alt: \"{alt}\"\n    caption: \"{caption}\"\n    credit: \"Cabinet Office\"\n");
        }

        return text.Append("---\n\n").ToString();
    }

    private static string English(Plan t, Plan other, Random r, string extension)
    {
        string Sentence() => $"{Pick(r, Subjects)} {Pick(r, Verbs)} {Pick(r, Objects)} {Pick(r, Qualifiers)}, and the share rose to {r.Next(2, 96)} percent.";
        string Paragraph() => string.Join(' ', Enumerable.Range(0, r.Next(3, 6)).Select(_ => Capital(Sentence())));
        var title = $"{TitleA[t.A]} {TitleB[t.B]}";
        var text = new StringBuilder(FrontMatter(t, title, Capital(Sentence()), k => ($"Figure {k}: {TitleB[t.B].ToLowerInvariant()}", Capital(Sentence())), extension));
        text.Append(Paragraph()).Append("\n\n");
        text.Append($"This topic builds on [{TitleA[other.A]} {TitleB[other.B]}](../../{other.Edition}/{other.Slug}/), published in the {other.Edition} edition.[^1] {Paragraph()}\n\n");
        if (t.Photos > 0)
            text.Append($"![Figure 1](/assets/images/{t.Edition}/{t.Slug}-1{extension})\n\n");
        var target = r.Next(600, 901);
        var sections = Headings.OrderBy(_ => r.Next()).Take(r.Next(2, 4)).ToList();
        for (var s = 0; s < sections.Count; s++)
        {
            text.Append($"## {sections[s]}\n\n{Paragraph()}\n\n");
            if (s == 0)
                text.Append(string.Join('\n', Enumerable.Range(0, r.Next(3, 6)).Select(_ => "- " + Capital(Sentence())))).Append("\n\n");
            if (s == 1 && t.Index % 5 == 0)
                text.Append(Table(r, t.Edition, ["Hokkaido", "Tohoku", "Kanto", "Chubu", "Kinki", "Chugoku", "Shikoku", "Kyushu"], "Region", "Change", "")).Append('\n');
        }

        while (text.ToString().Split(' ').Length < target + 60)
            text.Append(Paragraph()).Append("\n\n");
        return text.Append($"[^1]: See the {t.Edition} white paper, chapter {r.Next(1, 10)}, section {r.Next(1, 7)}.\n").ToString();
    }

    private static string Japanese(Plan t, Plan other, Random r, string extension)
    {
        string Sentence() => $"{Pick(r, SubjectsJa)}は、{Pick(r, QualifiersJa)}{Pick(r, ObjectsJa)}を{Pick(r, VerbsJa)}。";
        string Paragraph() => string.Concat(Enumerable.Range(0, r.Next(3, 6)).Select(_ => Sentence()));
        var title = $"{TitleBJa[t.B]}{TitleAJa[t.A]}";
        var text = new StringBuilder(FrontMatter(t, title, Sentence(), k => ($"図{k}　{TitleBJa[t.B]}", Sentence()), extension));
        var start = text.Length;
        text.Append(Paragraph()).Append("\n\n");
        text.Append($"本トピックは、{other.Edition}年版で取り上げた[{TitleBJa[other.B]}{TitleAJa[other.A]}](../../{other.Edition}/{other.Slug}/)を踏まえたものである。[^1]{Paragraph()}\n\n");
        if (t.Photos > 0)
            text.Append($"![図1](/assets/images/{t.Edition}/{t.Slug}-1{extension})\n\n");
        var target = r.Next(1500, 2501);
        var sections = HeadingsJa.OrderBy(_ => r.Next()).Take(r.Next(2, 4)).ToList();
        for (var s = 0; s < sections.Count; s++)
        {
            text.Append($"## {sections[s]}\n\n{Paragraph()}\n\n");
            if (s == 0)
                text.Append(string.Join('\n', Enumerable.Range(0, r.Next(3, 6)).Select(_ => "- " + Sentence()))).Append("\n\n");
            if (s == 1 && t.Index % 5 == 0)
                text.Append(Table(r, t.Edition, ["北海道", "東北", "関東", "中部", "近畿", "中国", "四国", "九州"], "地域", "増減", "年")).Append('\n');
        }

        while (text.Length - start < target)
            text.Append(Paragraph()).Append("\n\n");
        return text.Append($"[^1]: {t.Edition}年版白書 第{r.Next(1, 10)}章第{r.Next(1, 7)}節を参照。\n").ToString();
    }

    private static string Table(Random r, int edition, string[] regions, string first, string last, string year)
    {
        var rows = new StringBuilder($"| {first} | {edition - 1}{year} | {edition}{year} | {last} |\n| --- | ---: | ---: | ---: |\n");
        foreach (var region in regions)
        {
            int x = r.Next(100, 1000), y = r.Next(100, 1000);
            rows.Append(CultureInfo.InvariantCulture, $"| {region} | {x} | {y} | {y - x:+0;-0;0} |\n");
        }

        return rows.ToString();
    }

    private static string Pick(Random r, string[] words) => words[r.Next(words.Length)];

    private static string Capital(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    /// A site of <paramref name="count"/> photos alone, for the photo benchmark
    /// (photo-bench.sh): English topics of four photos each (front matter images), the photos
    /// in input/assets/images/2024/. <see cref="CorpusPhotos.None"/> writes the same topics
    /// without photos.
    public static void WritePhotoSite(int count, string outFolder, CorpusPhotos photos)
    {
        var root = Path.Combine(outFolder, "input");
        if (Directory.Exists(root))
            Directory.Delete(root, recursive: true);
        var images = Path.Combine(root, "assets", "images", "2024");
        var topics = Path.Combine(root, "en", "topics", "2024");
        Directory.CreateDirectory(images);
        Directory.CreateDirectory(topics);
        // No share cards, as in the other corpora: Hugo's side draws no link preview images, and
        // with cards both of our builds (with and without photos) would draw or look up 50.
        File.WriteAllText(Path.Combine(root, "site.yml"), "base_url: \"https://example.org/\"\nlanguages: [en]\nshare_cards: false\n");
        for (var topic = 0; topic * 4 < count; topic++)
        {
            var text = new StringBuilder($"---\ntitle: \"Photos {topic + 1}\"\nsummary: \"Four photos.\"\ndate: 2024-01-01\nnumber: {topic + 1}\n");
            if (photos != CorpusPhotos.None)
                text.Append("images:\n");
            for (var i = topic * 4; i < Math.Min(count, topic * 4 + 4); i++)
            {
                if (photos == CorpusPhotos.None)
                    continue;
                var name = $"photo-{i + 1:0000}.jpg";
                BenchmarkPhotos.Jpeg(Path.Combine(images, name), photos, i);
                text.Append($"  - src: /assets/images/2024/{name}\n    alt: \"Photo {i + 1}\"\n    caption: \"Photo {i + 1}\"\n");
            }

            File.WriteAllText(Path.Combine(topics, $"photos-{topic + 1:000}.md"), text.Append("---\n\nPhotos for the benchmark.\n").ToString());
        }
    }

    private sealed record Plan(int Index, int Edition, int Number, int A, int B, string Slug, DateOnly Date, string[] Tags, int Photos);
}
