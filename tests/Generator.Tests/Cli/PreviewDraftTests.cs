namespace Generator.Tests.Cli;

// Issue 14, outside look: preview shows drafts, so the errors a build without them gives were
// invisible until CI. The real `preview` prints them as warnings and shows them on the page.
public sealed class PreviewDraftTests
{
    [Fact]
    public async Task Preview_prints_and_shows_where_a_build_without_drafts_fails()
    {
        using var site = TestSite.Create(CliSites.Small);
        CliSites.Write(site, "input/en/index.md", "---\ntitle: Home\n---\nSoon: [the draft](/en/topics/2022/draft/).\n");

        var (page, process) = await CliProcess.PreviewAsync(site, ["--port", "0"], "en/");

        const string warning = "input/en/index.md(4,7): warning GEN122: '/en/topics/2022/draft/' is a draft (input/en/topics/2022/draft.md has 'draft: true'): shown here, "
            + "but a build without --drafts has no page there and fails with GEN020";
        TestSite.AssertText(process.Stdout, warning, "preview's output");
        TestSite.AssertText(page, """
            <div id="preview-drafts" role="status"
            Preview shows drafts; a build without them fails here:
            input/en/index.md(4,7): warning GEN122: &#39;/en/topics/2022/draft/&#39; is a draft
            ! preview-errors
            """, "the home page in preview");
        Assert.Equal(0, process.Code);

        var build = CliProcess.Run(site, ["build", "--no-search"]);
        Assert.Equal(1, build.Code);
        TestSite.AssertText(build.Stdout, "input/en/index.md(4,7): error GEN020: '/en/topics/2022/draft/' is a draft", "build's output");
    }
}
