namespace Generator.Tests.Cli;

public static class CliSites
{
    /// Two languages, a topic and its unmarked translation (a warning in check), a draft and
    /// a topic dated after the build (left out unless asked for).
    public const string Small = """
        -- input/site.yml --
        base_url: "https://example.org/"
        languages: [en, ja]
        -- input/en/index.md --
        ---
        title: Home
        ---
        -- input/ja/index.md --
        ---
        title: ホーム
        ---
        -- input/en/topics/2022/a.md --
        """ + "\n" + TopicA + "\n" + """
        -- input/ja/topics/2022/a.md --
        ---
        title: トピックA
        summary: 最初のトピック。
        ---
        良い。
        -- input/en/topics/2022/draft.md --
        ---
        title: Draft topic
        summary: Not ready.
        date: 2022-02-01
        draft: true
        ---
        Soon.
        -- input/en/topics/2022/later.md --
        ---
        title: Later topic
        summary: Scheduled.
        date: 2099-01-01
        ---
        Later.
        """;

    public const string TopicA = """
        ---
        title: Topic A
        summary: The first topic.
        date: 2022-01-01
        ---
        Good.
        """;

    public const string BrokenTopic = """
        ---
        title: Topic B
        summary: S
        date: 2022-13-01
        ---
        """;

    /// A 64 × 48 JPEG shown by a page (issue 16).
    public static void AddPhoto(TestSite site)
    {
        Integration.TestPhotos.Jpeg(site.Root, "input/assets/images/p.jpg", 64, 48);
        Write(site, "input/en/photo.md", "---\ntitle: Photo\n---\n![A photo](/assets/images/p.jpg \"Caption\")\n");
    }

    public static void Write(TestSite site, string path, string text)
    {
        var file = Path.Combine(site.Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
    }

    public static void Move(TestSite site, string from, string to) =>
        Directory.Move(Path.Combine(site.Root, from), Path.Combine(site.Root, to));

    public static string Read(TestSite site, string path) => File.ReadAllText(Path.Combine(site.Root, path));

    public static bool Exists(TestSite site, string path) => File.Exists(Path.Combine(site.Root, path));
}
