using Generator.Cli;

namespace Generator.Tests.Integration;

// Issue 4: `check` reports every kind of problem at once, exactly, in the compiler style
// and as GitHub Actions workflow commands.
public sealed class CheckTests
{
    [Fact]
    public void Check_reports_every_kind_of_problem_with_its_position_in_both_formats()
    {
        using var site = TestSite.Create("""
            -- input/site.yml --
            languages: [en, ja]
            -- input/taxonomy.yml --
            tags:
              health:
                en: Health
                ja: 保健
            -- input/en/index.md --
            ---
            title: Home
            ---
            -- input/ja/index.md --
            ---
            title: ホーム
            translated_from: "sha256:0000000000000000"
            ---
            -- input/en/topics/2022/a.md --
            ---
            title: A
            summary: S
            date: 2022-01-01
            titel: typo
            tags: [helth]
            ---
            See [b](/en/topics/2022/b/) and ![a photo](/assets/images/none.jpg).

            ![](/assets/images/none.jpg)
            -- input/en/about.md --
            ---
            title: About
            translation_key: shared
            ---
            -- input/en/contact.md --
            ---
            title: Contact
            translation_key: shared
            ---
            -- input/en/x.md --
            ---
            title: X
            ---
            -- input/en/x/index.md --
            ---
            title: X again
            ---
            """);

        site.Rebuild(write: false);

        var text = site.Result.Diagnostics.Select(d => d.ToString()).ToList();
        var github = site.Result.Diagnostics.Select(DiagnosticPrinter.GitHub).ToList();
        Assert.Equal(
            [
                "input/en/about.md(1,1): warning GEN060: has no 日本語 (ja) translation yet; add input/ja/about.md (or a page with the same translation_key)",
                "input/en/contact.md(3,18): error GEN018: has the same translation key 'shared' as input/en/about.md(3,18) in the same language; give one of them its own translation_key",
                "input/en/topics/2022/a.md(1,1): warning GEN060: has no 日本語 (ja) translation yet; add input/ja/topics/2022/a.md (or a page with the same translation_key)",
                "input/en/topics/2022/a.md(5,1): error GEN011: unknown key 'titel'; did you mean 'title'?",
                "input/en/topics/2022/a.md(6,8): error GEN015: unknown tag 'helth'; did you mean 'health'? Tags are defined in input/taxonomy.yml",
                "input/en/topics/2022/a.md(8,5): error GEN020: no page or file at '/en/topics/2022/b/' (resolved to /en/topics/2022/b/); did you mean '/en/topics/2022/a/'?",
                "input/en/topics/2022/a.md(8,33): error GEN021: no image at '/assets/images/none.jpg' (looked for input/assets/images/none.jpg)",
                "input/en/topics/2022/a.md(10,1): error GEN016: image has no alt text; describe what it shows between the brackets: ![Foreign Minister delivering a video message](…)",
                "input/en/topics/2022/a.md(10,1): error GEN021: no image at '/assets/images/none.jpg' (looked for input/assets/images/none.jpg)",
                "input/en/x.md(1,1): warning GEN060: has no 日本語 (ja) translation yet; add input/ja/x.md (or a page with the same translation_key)",
                "input/en/x/index.md(1,1): error GEN004: writes 'en/x/index.html', which input/en/x.md also writes; rename one of them or set a different translation_key",
                "input/en/x/index.md(1,1): warning GEN060: has no 日本語 (ja) translation yet; add input/ja/x/index.md (or a page with the same translation_key)",
                "input/ja/index.md(3,18): warning GEN061: input/en/index.md has changed since this translation was made; update the translation, then run 'translations mark input/ja/index.md'",
            ],
            text);
        Assert.Equal(
            [
                "::warning file=input/en/about.md,line=1,col=1,title=GEN060::has no 日本語 (ja) translation yet; add input/ja/about.md (or a page with the same translation_key)",
                "::error file=input/en/contact.md,line=3,col=18,title=GEN018::has the same translation key 'shared' as input/en/about.md(3,18) in the same language; give one of them its own translation_key",
                "::warning file=input/en/topics/2022/a.md,line=1,col=1,title=GEN060::has no 日本語 (ja) translation yet; add input/ja/topics/2022/a.md (or a page with the same translation_key)",
                "::error file=input/en/topics/2022/a.md,line=5,col=1,title=GEN011::unknown key 'titel'; did you mean 'title'?",
                "::error file=input/en/topics/2022/a.md,line=6,col=8,title=GEN015::unknown tag 'helth'; did you mean 'health'? Tags are defined in input/taxonomy.yml",
                "::error file=input/en/topics/2022/a.md,line=8,col=5,title=GEN020::no page or file at '/en/topics/2022/b/' (resolved to /en/topics/2022/b/); did you mean '/en/topics/2022/a/'?",
                "::error file=input/en/topics/2022/a.md,line=8,col=33,title=GEN021::no image at '/assets/images/none.jpg' (looked for input/assets/images/none.jpg)",
                "::error file=input/en/topics/2022/a.md,line=10,col=1,title=GEN016::image has no alt text; describe what it shows between the brackets: ![Foreign Minister delivering a video message](…)",
                "::error file=input/en/topics/2022/a.md,line=10,col=1,title=GEN021::no image at '/assets/images/none.jpg' (looked for input/assets/images/none.jpg)",
                "::warning file=input/en/x.md,line=1,col=1,title=GEN060::has no 日本語 (ja) translation yet; add input/ja/x.md (or a page with the same translation_key)",
                "::error file=input/en/x/index.md,line=1,col=1,title=GEN004::writes 'en/x/index.html', which input/en/x.md also writes; rename one of them or set a different translation_key",
                "::warning file=input/en/x/index.md,line=1,col=1,title=GEN060::has no 日本語 (ja) translation yet; add input/ja/x/index.md (or a page with the same translation_key)",
                "::warning file=input/ja/index.md,line=3,col=18,title=GEN061::input/en/index.md has changed since this translation was made; update the translation, then run 'translations mark input/ja/index.md'",
            ],
            github);
        Assert.False(Directory.Exists(site.Output));
    }
}
