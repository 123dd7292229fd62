using System.Text;

namespace Generator.Tests.Cli;

// Issue 12: `translations mark`, `new topic`, `new page` and `verify` as a user runs them.
public sealed class EditingOptionTests
{
    private static readonly byte[] Bom = Encoding.UTF8.Preamble.ToArray();

    public static readonly TheoryData<CliCase> Cases = CliCase.Table(
        new(["translations mark"], ["translations", "mark"], 0, "marked input/ja/topics/2022/a.md")
        {
            Then = (site, _) => TestSite.AssertText(CliSites.Read(site, "input/ja/topics/2022/a.md"), "translated_from: \"", "the translation"),
        },
        new(["translations mark files"], ["translations", "mark", "input/ja/topics/2022/a.md"], 0, "marked input/ja/topics/2022/a.md")
        {
            // The file's byte order mark stays (issue 13, item 20).
            Given = site => File.WriteAllBytes(Path.Combine(site.Root, "input/ja/topics/2022/a.md"), [.. Bom, .. File.ReadAllBytes(Path.Combine(site.Root, "input/ja/topics/2022/a.md"))]),
            Then = (site, _) =>
            {
                var bytes = File.ReadAllBytes(Path.Combine(site.Root, "input/ja/topics/2022/a.md"));
                Assert.True(bytes.AsSpan().StartsWith(Bom), "the byte order mark was removed");
                TestSite.AssertText(Encoding.UTF8.GetString(bytes), "translated_from: \"", "the translation");
            },
        },
        new(["translations mark files"], ["translations", "mark", "input/ja/nope.md"], 2, "error GEN042: 'input/ja/nope.md' does not exist"),
        new(["translations mark files"], ["translations", "mark", "input/en/topics/2022/a.md"], 1,
            "input/en/topics/2022/a.md: error GEN065: not marked: not a translation of a page in the default language (en)"),
        // Issue 17: a change to the original that needs no retranslation.
        new(["translations mark --minor", "translations mark files"], ["translations", "mark", "--minor", "input/en/topics/2022/a.md"], 0,
            "marked input/ja/topics/2022/a.md as a minor edit (no retranslation), decided by")
        {
            Given = site =>
            {
                Assert.Equal(0, CliProcess.Run(site, ["translations", "mark"]).Code);
                File.WriteAllText(Path.Combine(site.Root, "input/en/topics/2022/a.md"), CliSites.Read(site, "input/en/topics/2022/a.md").Replace("Good.", "Good!"));
            },
            Then = (site, _) => TestSite.AssertText(CliSites.Read(site, "input/.translations/ja/topics/2022/a.yml"), "minor:", "the record"),
        },
        new(["translations mark --minor"], ["translations", "mark", "--minor", "input/ja/topics/2022/a.md"], 1,
            "input/ja/topics/2022/a.md: error GEN097: not marked: --minor takes originals in the default language (en)"),
        new(["translations mark --minor"], ["translations", "mark", "--minor"], 2, "error GEN042: 'translations mark --minor' needs the originals"),
        // Issue 17: XLIFF 2.0 export and import.
        new(["translations export", "translations export --to", "translations export --out"], ["translations", "export", "--to", "ja", "--out", "ja.xlf"], 0, "wrote ja.xlf: ")
        {
            Then = (site, _) => TestSite.AssertText(CliSites.Read(site, "ja.xlf"), "<file id=\"f1\" original=\"input/en/", "the XLIFF file"),
        },
        new(["translations export files"], ["translations", "export", "--to", "ja", "--out", "ja.xlf", "input/en/topics/2022/a.md"], 0, "wrote ja.xlf: 1 page to translate into ja"),
        new(["translations export files"], ["translations", "export", "--to", "ja", "--out", "ja.xlf", "input/en/nope.md"], 2, "error GEN042: 'input/en/nope.md' does not exist"),
        new(["translations export --to"], ["translations", "export", "--to", "fr", "--out", "ja.xlf"], 2, "error GEN042: --to fr: the site translates into ja"),
        new(["translations export --input"], ["translations", "export", "--input", "content", "--to", "ja", "--out", "ja.xlf", "content/en/topics/2022/a.md"], 0, "wrote ja.xlf: 1 page")
        {
            Given = site => CliSites.Move(site, "input", "content"),
        },
        new(["translations export --theme"], ["translations", "export", "--theme", "skin", "--to", "ja", "--out", "ja.xlf", "input/en/topics/2022/a.md"], 0, "wrote ja.xlf: 1 page")
        {
            Given = site => CliSites.Move(site, "theme", "skin"),
        },
        new(["translations import", "translations import file"], ["translations", "import", "ja.xlf"], 1, "error GEN099: unit 'title' has no <target>: translate \"Topic A\"")
        {
            Given = site => Assert.Equal(0, CliProcess.Run(site, ["translations", "export", "--to", "ja", "--out", "ja.xlf", "input/en/topics/2022/a.md"]).Code),
        },
        new(["translations import file"], ["translations", "import", "nope.xlf"], 2, "error GEN042: 'nope.xlf' does not exist"),
        new(["translations import --input"], ["translations", "import", "--input", "content", "ja.xlf"], 1, "error GEN099: unit 'title' has no <target>")
        {
            Given = site =>
            {
                CliSites.Move(site, "input", "content");
                Assert.Equal(0, CliProcess.Run(site, ["translations", "export", "--input", "content", "--to", "ja", "--out", "ja.xlf", "content/en/topics/2022/a.md"]).Code);
            },
        },
        new(["translations import --theme"], ["translations", "import", "--theme", "skin", "ja.xlf"], 1, "error GEN099: unit 'title' has no <target>")
        {
            Given = site =>
            {
                CliSites.Move(site, "theme", "skin");
                Assert.Equal(0, CliProcess.Run(site, ["translations", "export", "--theme", "skin", "--to", "ja", "--out", "ja.xlf", "input/en/topics/2022/a.md"]).Code);
            },
        },
        new(["translations mark --input"], ["translations", "mark", "--input", "content"], 0, "marked content/ja/topics/2022/a.md")
        {
            Given = site => CliSites.Move(site, "input", "content"),
        },
        new(["translations mark --theme"], ["translations", "mark", "--theme", "skin"], 0, "marked input/ja/topics/2022/a.md")
        {
            Given = site => CliSites.Move(site, "theme", "skin"),
        },
        new(["new topic", "new topic --edition", "new topic --slug"], ["new", "topic", "--edition", "2023", "--slug", "water-and-sanitation"], 0, """
            input/en/topics/2023/water-and-sanitation.md
            input/ja/topics/2023/water-and-sanitation.md
            created as drafts (draft: true)
            """)
        {
            Then = (site, _) => TestSite.AssertText(CliSites.Read(site, "input/en/topics/2023/water-and-sanitation.md"), """
                title: "Water and sanitation"
                draft: true
                """, "the new topic"),
        },
        new(["new topic --title"], ["new", "topic", "--edition", "2023", "--slug", "wells", "--title", "Wells \"for\" villages"], 0, "input/en/topics/2023/wells.md")
        {
            Then = (site, _) => TestSite.AssertText(CliSites.Read(site, "input/en/topics/2023/wells.md"), "title: \"Wells \\\"for\\\" villages\"", "the new topic"),
        },
        new(["new topic --input"], ["new", "topic", "--input", "content", "--edition", "2023", "--slug", "wells"], 0, "content/ja/topics/2023/wells.md")
        {
            Given = site => CliSites.Move(site, "input", "content"),
        },
        new(["new topic --slug"], ["new", "topic", "--edition", "2023", "--slug", "Wells!"], 1, "error GEN063: 'Wells!' is not a usable slug"),
        new(["new topic --slug"], ["new", "topic", "--edition", "2022", "--slug", "a"], 1, "input/en/topics/2022/a.md: error GEN063: already exists"),
        new(["new topic --edition"], ["new", "topic", "--slug", "wells", "--edition", "next"], 2, "error GEN042: Cannot parse argument 'next' for option '--edition' as a whole number"),
        new(["new page", "new page --path"], ["new", "page", "--path", "policies/privacy"], 0, """
            input/en/policies/privacy.md
            input/ja/policies/privacy.md
            created as drafts
            """)
        {
            Then = (site, _) => TestSite.AssertText(CliSites.Read(site, "input/en/policies/privacy.md"), """
                title: "Privacy"
                draft: true
                """, "the new page"),
        },
        new(["new page --path"], ["new", "page", "--path", "topics/x"], 1, "error GEN063: 'topics' is reserved for the generated pages"),
        new(["new page --title"], ["new", "page", "--path", "about", "--title", "About this site"], 0, "input/en/about.md")
        {
            Then = (site, _) => TestSite.AssertText(CliSites.Read(site, "input/en/about.md"), "title: \"About this site\"", "the new page"),
        },
        new(["new page --input"], ["new", "page", "--input", "content", "--path", "about"], 0, "content/en/about.md")
        {
            Given = site => CliSites.Move(site, "input", "content"),
        },
        new(["verify", "verify --output", "verify --base-url"], ["verify", "--output", "public", "--base-url", "https://example.org/repo"], 0,
            "public is ready to serve from https://example.org/repo/")
        {
            Given = site => Assert.Equal(0, CliProcess.Run(site, ["build", "--output", "public", "--base-url", "https://example.org/repo/", "--no-search"]).Code),
        },
        new(["verify --base-url"], ["verify", "--output", "public", "--base-url", "https://example.org/other/"], 1, """
            public/sitemap.xml: error GEN043: https://example.org/repo/en/ leaves the site's base path /other/
            public/en/index.html: error GEN043: href="/repo/assets/css/site.css" leaves the site's base path /other/
            not ready to serve from https://example.org/other/
            """)
        {
            Given = site => Assert.Equal(0, CliProcess.Run(site, ["build", "--output", "public", "--base-url", "https://example.org/repo/", "--no-search"]).Code),
        },
        new(["verify --output"], ["verify", "--output", "public", "--base-url", "https://example.org/"], 1, """
            public/404.html: error GEN043: missing at the root of the folder
            public/en/index.html: error GEN043: href="/assets/css/site.css" points to /assets/css/site.css, which is not in the output
            """)
        {
            Given = site =>
            {
                Assert.Equal(0, CliProcess.Run(site, ["build", "--output", "public", "--no-search"]).Code);
                File.Delete(Path.Combine(site.Root, "public/404.html"));
                File.Delete(Path.Combine(site.Root, "public/assets/css/site.css"));
            },
        },
        // Issue 12 (outside look): what new and translations mark refuse or now accept.
        new(["new topic --edition"], ["new", "topic", "--edition", "1850", "--slug", "wells"], 1, "error GEN063: --edition must be a year between 1900 and 2999"),
        new(["new topic --slug"], ["new", "topic", "--edition", "2023", "--slug", "index"], 1, "error GEN063: 'index' is the name of a generated page of the edition"),
        new(["new topic --slug"], ["new", "topic", "--edition", "2023", "--slug", new string('a', 300)], 1, "error GEN063: the slug is 300 characters long; keep it to 100"),
        new(["new topic --title"], ["new", "topic", "--edition", "2023", "--slug", "wells", "--title", "Two\nlines"], 1, "error GEN063: --title must be one line of text"),
        new(["new topic --title"], ["new", "topic", "--edition", "2023", "--slug", "wells", "--title", " "], 1, "error GEN063: --title must not be blank"),
        new(["new page --path"], ["new", "page", "--path", "en/about"], 1, "error GEN063: 'en/about' starts with the language folder 'en'"),
        new(["new page --path"], ["new", "page", "--path", "/about"], 1, "error GEN063: '/about' starts with '/'"),
        new(["new page --path"], ["new", "page", "--path", "tags"], 1, "error GEN063: 'tags' is reserved for the generated pages"),
        new(["translations mark files"], ["translations", "mark", "input/ja"], 0, "marked input/ja/topics/2022/a.md"),
        new(["translations mark files"], ["translations", "mark", "input/ja/topics/2023/wells.md"], 0, "marked input/ja/topics/2023/wells.md")
        {
            // A draft translation can be marked: check tells the translator to.
            Given = site => Assert.Equal(0, CliProcess.Run(site, ["new", "topic", "--edition", "2023", "--slug", "wells"]).Code),
        },
        new(["translations mark files"], ["translations", "mark", "--drafts"], 2, "error GEN042: unknown option '--drafts' for 'translations mark'"),
        new(["verify --base-url"], ["verify", "--output", "public", "--base-url", "https://example.org/"], 1, """
            public/en/topics/2022/a/index.html: error GEN043: https://example.org/en/nope/ points to /en/nope/, which is not in the output
            public/en/topics/2022/a/index.html: error GEN043: https://example.org/elsewhere/x.html points to /elsewhere/x.html
            public/ja/search/index.html: error GEN043: https://example.org/pagefind/ja/bundles.json points to /pagefind/ja/bundles.json
            public/pagefind/en/bundles.json: error GEN043: lists the search bundle "1/", which has no pagefind.js
            """)
        {
            // Own-origin absolute links in the text, the search page's data attribute and the bundles its list names are checked too.
            Given = site =>
            {
                CliSites.Write(site, "input/en/topics/2022/a.md", "---\ntitle: Topic A\nsummary: S\ndate: 2022-01-01\n---\n[gone](https://example.org/en/nope/) and [out](https://example.org/elsewhere/x.html)\n");
                Assert.Equal(0, CliProcess.Run(site, ["build", "--output", "public"]).Code);
                File.Delete(Path.Combine(site.Root, "public/pagefind/ja/bundles.json"));
                File.Delete(Path.Combine(site.Root, "public/pagefind/en/1/pagefind.js"));
            },
        },
        new(["verify --output"], ["verify", "--output", "public", "--base-url", "https://example.org/"], 2, "error GEN042: --output \"public\" does not exist"));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Editing_option(CliCase row) => row.Run();
}
