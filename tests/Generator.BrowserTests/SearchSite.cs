using System.Globalization;
using System.Text;

namespace Generator.BrowserTests;

/// The golden-query fixture for search (issue 7): 32 topics in each language under a
/// project path. Six topics carry the terms the golden queries look for, each in one
/// topic only; the other 26 share the vocabulary around them (協力, 支援, Japan, support)
/// so that ranking, not mere presence, puts the expected topic first.
public static class SearchSite
{
    public const int TopicsPerLanguage = 32;

    /// Slugs of the golden topics, as the tests name them.
    public const string HumanSecurity = "2022/human-security";
    public const string SchoolGrants = "2022/school-grants";
    public const string TechnicalCooperation = "2023/vietnam-experts";
    public const string YenLoans = "2021/metro-loans";
    public const string Charter = "2023/charter-revision";
    public const string Volunteers = "2023/volunteers";

    private sealed record Topic(string Slug, int Number, string[] Tags, Text En, Text Ja);

    private sealed record Text(string Title, string Summary, string Body, string[]? SearchTerms = null);

    private static readonly Topic[] Golden =
    [
        new(HumanSecurity, 1, ["human-security"],
            new("Promoting Human Security", "Japan works with UNDP for people's protection and empowerment.",
                "Human security puts each individual at the centre, through protection and empowerment. Japan funds the United Nations Trust Fund for Human Security, which UNDP and other agencies draw on."),
            new("人間の安全保障の推進", "日本は国連開発計画（UNDP）と協力し、人間の安全保障を推進している。",
                "人間の安全保障は、一人ひとりの保護と能力強化を重視する考え方である。日本は国連の人間の安全保障基金に拠出し、UNDPなどの機関がこれを活用している。")),
        new(SchoolGrants, 2, ["education"],
            new("Grant Aid Builds Primary Schools", "Grant aid pays for classrooms in rural districts.",
                "Japan's grant aid funds new classrooms and latrines in rural districts. Parents' committees look after the buildings once they open."),
            new("無償資金協力で小学校を建設", "無償資金協力により農村部に教室が整備された。",
                "無償資金協力により、農村部に教室とトイレが整備された。完成後は保護者の委員会が校舎を管理している。")),
        new(TechnicalCooperation, 1, ["water"],
            new("Technical Cooperation with Vietnam", "Japanese experts share skills for safe water supply.",
                "Japanese experts work beside Vietnamese engineers in technical cooperation projects on water supply and leak detection."),
            new("ベトナムとの技術協力", "日本の専門家が上水道の技能を伝えている。",
                "日本の専門家がベトナムの技術者とともに、上水道と漏水対策の技術協力プロジェクトに取り組んでいる。")),
        new(YenLoans, 1, ["infrastructure"],
            new("Yen Loans for an Urban Metro", "Concessional yen loans finance a new metro line.",
                "Concessional yen loans finance the first metro line of a growing capital, cutting commuting times by half."),
            new("円借款による都市鉄道の整備", "円借款により新しい地下鉄が建設された。",
                "円借款により、成長する首都で最初の地下鉄路線が建設され、通勤時間が半分になった。")),
        new(Charter, 2, ["governance"],
            new("Revising the Development Cooperation Charter", "The Cabinet adopted a revised charter in June 2023.",
                "In June 2023 the Cabinet adopted a revised Development Cooperation Charter, the basic policy for Japan's official development assistance."),
            new("開発協力大綱の改定", "2023年6月に新しい大綱が閣議決定された。",
                "2023年6月、政府は新たな開発協力大綱を閣議決定した。大綱は政府開発援助の基本方針を定めている。")),
        new(Volunteers, 3, ["health"],
            new("Volunteers in Village Health Posts", "Young volunteers support nurses in remote villages.",
                "Young volunteers from Japan support nurses in village health posts and teach hand washing at schools. A partnership with clinics helps them.",
                ["JOCV", "Japan Overseas Cooperation Volunteers"]),
            new("村の保健所で活動するボランティア", "青年海外協力隊の隊員が看護師を支えている。",
                "青年海外協力隊の隊員が村の保健所で看護師を支え、学校で手洗いを教えている。JICAが隊員を派遣している。隊員は地域5の村でも活動している。",
                ["国際協力機構"])),
    ];

    private static readonly (string En, string Ja, string Tag)[] Sectors =
    [
        ("clean water", "安全な水", "water"), ("maternal health", "母子保健", "health"), ("rice farming", "稲作", "agriculture"),
        ("disaster risk reduction", "防災", "disaster"), ("vocational training", "職業訓練", "education"),
        ("road maintenance", "道路維持管理", "infrastructure"), ("vaccine cold chains", "ワクチンの低温輸送", "health"),
        ("fisheries", "漁業", "agriculture"), ("solar power", "太陽光発電", "energy"), ("customs reform", "税関改革", "governance"),
        ("mine clearance", "地雷除去", "peace"), ("girls' schooling", "女子教育", "education"), ("urban waste", "都市廃棄物", "environment"),
    ];

    private static readonly (string En, string Ja)[] Countries =
    [
        ("Kenya", "ケニア"), ("Cambodia", "カンボジア"), ("Bangladesh", "バングラデシュ"), ("Peru", "ペルー"), ("Jordan", "ヨルダン"),
        ("Laos", "ラオス"), ("Senegal", "セネガル"), ("Mongolia", "モンゴル"), ("Ghana", "ガーナ"), ("Sri Lanka", "スリランカ"),
        ("Bolivia", "ボリビア"), ("Uzbekistan", "ウズベキスタン"), ("Fiji", "フィジー"),
    ];

    private static readonly (string Key, string En, string Ja)[] Tags =
    [
        ("human-security", "Human security", "人間の安全保障"), ("education", "Education", "教育"), ("water", "Water", "水"),
        ("infrastructure", "Infrastructure", "インフラ"), ("health", "Health", "保健"), ("agriculture", "Agriculture", "農業"),
        ("disaster", "Disaster risk reduction", "防災"), ("energy", "Energy", "エネルギー"), ("governance", "Governance", "ガバナンス"),
        ("peace", "Peacebuilding", "平和構築"), ("environment", "Environment", "環境"),
    ];

    /// The 26 ordinary topics: a sector in a country, in editions 2021 to 2023.
    private static IEnumerable<Topic> Others()
    {
        var numbers = new Dictionary<int, int> { [2021] = 1, [2022] = 2, [2023] = 3 };
        for (var i = 0; i < TopicsPerLanguage - Golden.Length; i++)
        {
            var (sectorEn, sectorJa, tag) = Sectors[i % Sectors.Length];
            var (countryEn, countryJa) = Countries[i * 5 % Countries.Length];
            var edition = 2021 + i % 3;
            var number = ++numbers[edition];
            var slug = $"{edition}/{Slug(sectorEn)}-{Slug(countryEn)}";
            yield return new Topic(slug, number, [tag],
                new($"{Capital(sectorEn)} in {countryEn}", $"Japan supports {sectorEn} in {countryEn}.",
                    $"Japan supports {sectorEn} in {countryEn} together with local partners. The project trains staff and shares its results with neighbouring regions."),
                new($"{countryJa}の{sectorJa}", $"日本は{countryJa}の{sectorJa}を支援している。",
                    $"日本は現地の関係機関と協力し、{countryJa}の{sectorJa}を支援している。事業では職員を育成し、成果を近隣の地域と共有している。"));
        }
    }

    public static string Files { get; } = Build();

    private static string Build()
    {
        var files = new StringBuilder("""
            -- input/site.yml --
            base_url: "https://example.org/white-papers/"
            default_language: en
            languages:
              - code: en
                name: English
                title: "White Paper Topics"
              - code: ja
                name: "日本語"
                title: "白書トピックス"
            # Issue 18: four search bundles per language, so every query is merged across bundles.
            search_bundle_pages: 10

            """);
        files.Append("-- input/taxonomy.yml --\ntags:\n");
        foreach (var (key, en, ja) in Tags)
            files.Append(CultureInfo.InvariantCulture, $"  {key}:\n    en: \"{en}\"\n    ja: \"{ja}\"\n");
        foreach (var topic in Golden.Concat(Others()))
        {
            AppendTopic(files, "en", topic, topic.En);
            AppendTopic(files, "ja", topic, topic.Ja);
        }

        return files.ToString();
    }

    private static void AppendTopic(StringBuilder files, string lang, Topic topic, Text text)
    {
        var edition = int.Parse(topic.Slug[..4], CultureInfo.InvariantCulture);
        files.Append(CultureInfo.InvariantCulture, $"""
            -- input/{lang}/topics/{topic.Slug}.md --
            ---
            title: "{text.Title}"
            summary: "{text.Summary}"
            date: {edition}-0{1 + topic.Number % 9}-15
            series: "{(lang == "en" ? "ODA Topics" : "ODAトピックス")}"
            number: {topic.Number}
            tags: [{string.Join(", ", topic.Tags)}]

            """);
        if (text.SearchTerms is { } terms)
            files.Append(CultureInfo.InvariantCulture, $"search_terms: [{string.Join(", ", terms.Select(t => $"\"{t}\""))}]\n");
        files.Append(CultureInfo.InvariantCulture, $"---\n{text.Body}\n");
    }

    private static string Slug(string words) =>
        new string(words.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Replace("--", "-");

    private static string Capital(string words) => char.ToUpperInvariant(words[0]) + words[1..];
}
