using Generator.Preview;

namespace Generator.Tests.Integration;

// Issue 6, issue 14: after every kind of edit the preview's files and diagnostics must
// equal those of a fresh build of the same files.
public sealed class PreviewConsistencyTests
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
        -- input/assets/images/2022/photo.png --
        png 40x30
        -- input/en/topics/2022/a.md --
        ---
        title: A
        summary: About A
        date: 2022-01-01
        tags: [water]
        ---
        Text of A, see [B](/en/topics/2022/b/).

        ## Details

        More text of A.
        -- input/ja/topics/2022/a.md --
        ---
        title: エー
        summary: エーについて
        ---
        エーの本文。
        -- input/en/topics/2022/b.md --
        ---
        title: B
        summary: About B
        date: 2022-01-02
        tags: [water, energy]
        ---
        Text of B.
        -- input/ja/topics/2022/b.md --
        ---
        title: ビー
        summary: ビーについて
        ---
        ビーの本文。
        -- input/en/topics/2022/c.md --
        ---
        title: C
        summary: About C
        date: 2022-01-03
        tags: [energy]
        ---
        Text of C.
        """;

    [Fact]
    public async Task After_every_kind_of_edit_the_preview_equals_a_fresh_build()
    {
        using var site = TestSite.Create(Site);
        var preview = new PreviewSite(Settings(site));
        await preview.RebuildAsync(CancellationToken.None);
        await AssertSameAsFreshBuildAsync(site, preview, "the first build");

        // A word of the body: the page alone is rendered again.
        await EditAsync(site, preview, "input/en/topics/2022/a.md", t => t.Replace("More text", "Further text"));
        Assert.Equal(["en/topics/2022/a/index.html"], preview.LastRendered);
        await EditAsync(site, preview, "input/ja/topics/2022/b.md", t => t.Replace("ビーの本文", "ビーの新しい本文"));
        // Saved without a change, and an editor's save through a temp file and a rename.
        await EditAsync(site, preview, "input/en/topics/2022/b.md", t => t);
        var temp = Path.Combine(site.Root, "input/en/topics/2022/.b.md.tmp");
        File.WriteAllText(temp, File.ReadAllText(Path.Combine(site.Root, "input/en/topics/2022/b.md")).Replace("Text of B", "Text of the B"));
        File.Move(temp, Path.Combine(site.Root, "input/en/topics/2022/b.md"), overwrite: true);
        await preview.UpdateAsync([temp, Path.Combine(site.Root, "input/en/topics/2022/b.md")], CancellationToken.None);
        await AssertSameAsFreshBuildAsync(site, preview, "a save through a temp file");

        // Body edits that reach other pages or diagnostics take a full build.
        await EditAsync(site, preview, "input/en/topics/2022/a.md", t => t.Replace("Further text", "A [broken](/en/topics/2022/nothing/) link"));
        Assert.False(preview.Diagnostics.Count(d => d.IsError) == 0, "the broken link is an error");
        await EditAsync(site, preview, "input/en/topics/2022/a.md", t => t.Replace("A [broken](/en/topics/2022/nothing/) link", "Mended"));
        await EditAsync(site, preview, "input/en/topics/2022/c.md", t => t + "\n![A photo](/assets/images/2022/photo.png \"Caption\"){credit=\"UNDP\"}\n");
        await EditAsync(site, preview, "input/en/topics/2022/b.md", t => t.Replace("Text of", "Text [of A](../a/) of"));

        // The original of an up-to-date translation: editing its body makes the translation stale.
        var built = await new SiteBuild(Settings(site)).RunAsync();
        var fingerprint = built.Outputs["Content"].Single(d => d.Source == "input/en/topics/2022/a.md").Require<string>(Keys.Fingerprint);
        await EditAsync(site, preview, "input/ja/topics/2022/a.md", t => t.Replace("summary:", $"translated_from: {fingerprint}\nsummary:"));
        Assert.DoesNotContain(preview.Diagnostics, d => d.Code == DiagnosticCodes.StaleTranslation);
        await EditAsync(site, preview, "input/en/topics/2022/a.md", t => t.Replace("Mended", "Mended again"));
        Assert.Contains(preview.Diagnostics, d => d.Code == DiagnosticCodes.StaleTranslation);
        // Stale before and after.
        await EditAsync(site, preview, "input/en/topics/2022/a.md", t => t.Replace("Mended again", "Mended twice"));

        // Front matter, files added, deleted and renamed, the theme.
        await EditAsync(site, preview, "input/en/topics/2022/b.md", t => t.Replace("tags: [water, energy]", "tags: [energy]"));
        await EditAsync(site, preview, "input/en/topics/2022/c.md", t => t.Replace("title: C", "title: Sea"));
        await ChangeAsync(site, preview, "input/ja/topics/2022/c.md", () => File.WriteAllText(Path.Combine(site.Root, "input/ja/topics/2022/c.md"), "---\ntitle: シー\nsummary: シーについて\ndate: 2022-01-03\n---\nシーの本文。\n"));
        await ChangeAsync(site, preview, "input/ja/topics/2022/b.md", () => File.Delete(Path.Combine(site.Root, "input/ja/topics/2022/b.md")));
        var renamed = Path.Combine(site.Root, "input/en/topics/2022/d.md");
        File.Move(Path.Combine(site.Root, "input/en/topics/2022/c.md"), renamed);
        await preview.UpdateAsync([Path.Combine(site.Root, "input/en/topics/2022/c.md"), renamed], CancellationToken.None);
        await AssertSameAsFreshBuildAsync(site, preview, "a rename");
        await EditAsync(site, preview, "theme/layouts/topic.liquid", t => t.Replace("</article>", "<p>edited layout</p></article>"));
        Assert.True(preview.Files["en/topics/2022/a/index.html"].Content!.Contains("edited layout", StringComparison.Ordinal), string.Join("\n", preview.Diagnostics));

        // And body edits again after all that.
        await EditAsync(site, preview, "input/en/topics/2022/d.md", t => t.Replace("Text of C", "Text of D"));
        await EditAsync(site, preview, "input/en/index.md", t => t.Replace("Welcome.", "Welcome home."));

        // Issue 13: a body edit that adds a link to a fragment, or changes the ids of a page
        // that others link into by fragment (CheckLinks reads the ids).
        await EditAsync(site, preview, "input/en/topics/2022/b.md", t => t + "\nSee [the details](../a/#details).\n");
        await EditAsync(site, preview, "input/en/topics/2022/a.md", t => t.Replace("## Details", "## Particulars"));
        Assert.Contains(preview.Diagnostics, d => d.Code == DiagnosticCodes.BrokenFragment);
        await EditAsync(site, preview, "input/en/topics/2022/a.md", t => t.Replace("## Particulars", "## Details"));
    }

    private static BuildSettings Settings(TestSite site) => site.Settings(write: false) with { IncludeDrafts = true };

    private static Task EditAsync(TestSite site, PreviewSite preview, string path, Func<string, string> edit) =>
        ChangeAsync(site, preview, path, () =>
        {
            var file = Path.Combine(site.Root, path);
            File.WriteAllText(file, edit(File.ReadAllText(file)));
        });

    private static async Task ChangeAsync(TestSite site, PreviewSite preview, string path, Action change)
    {
        change();
        await preview.UpdateAsync([Path.Combine(site.Root, path)], CancellationToken.None);
        await AssertSameAsFreshBuildAsync(site, preview, "after editing " + path);
    }

    private static async Task AssertSameAsFreshBuildAsync(TestSite site, PreviewSite preview, string when)
    {
        var fresh = new PreviewSite(Settings(site));
        await fresh.RebuildAsync(CancellationToken.None);
        Assert.Equal(fresh.Diagnostics.Select(d => d.ToString()), preview.Diagnostics.Select(d => d.ToString()));
        if (fresh.HasErrors)
            return; // both keep serving their last good build
        Assert.Equal(fresh.Files.Keys.Order(StringComparer.Ordinal), preview.Files.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, file) in fresh.Files)
        {
            var ours = preview.Files[path];
            if (ours != file)
                Assert.Fail($"{when}: {path} differs from a fresh build's.\n--- fresh ---\n{file.Content}\n--- preview ---\n{ours.Content}");
        }
    }
}
