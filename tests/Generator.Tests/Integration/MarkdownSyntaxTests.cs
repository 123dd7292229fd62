namespace Generator.Tests.Integration;

// Issue 13: what editors type in Markdown. Generic attributes apply only where they attach
// (A.9), and GitHub's strikethrough, task lists and bare links work (B).
public sealed class MarkdownSyntaxTests
{
    private const string Site = """
        -- input/site.yml --
        languages: [en, ja]
        -- input/assets/images/2022/well.png --
        png 40x30

        """;

    private static TestSite Page(string body, string extra = "") => TestSite.Build(Site + extra + $"""
        -- input/en/a.md --
        ---
        title: A
        ---
        {body}

        """);

    [Fact]
    public void Braces_in_a_sentence_stay_text_with_a_warning_at_them()
    {
        using var site = Page("The set {a=1} is small.\n\nThe sum over x_{i=1} is one.\n\nAnd x_{i=1}");

        site.AssertFile("en/a/index.html", """
            <p>The set {a=1} is small.</p>
            <p>The sum over x_{i=1} is one.</p>
            <p>And x_{i=1}</p>
            ! a="1"
            ! i="1"
            """);
        site.AssertDiagnostic("input/en/a.md(4,9): warning GEN027: '{a=1}' is shown as text: attributes apply only right after a link or image, or at the end of a heading or paragraph; write \\{ to show a brace");
        site.AssertDiagnostic("input/en/a.md(6,16): warning GEN027: '{i=1}' is shown as text");
        site.AssertDiagnostic("input/en/a.md(8,7): warning GEN027: '{i=1}' is shown as text");
    }

    [Fact]
    public void An_escaped_brace_is_text_without_a_warning()
    {
        using var site = Page("The set \\{a=1} is small.");

        site.AssertFile("en/a/index.html", "<p>The set {a=1} is small.</p>");
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Code == DiagnosticCodes.BracesShownAsText);
    }

    [Fact]
    public void Attributes_after_a_link_an_image_a_heading_or_a_paragraph_still_apply()
    {
        using var site = Page("""
            ## Background {#context}

            See [the report](/en/){.external} now.

            ![A village well](/assets/images/2022/well.png "A well built with Japan's support"){credit="UNDP"}

            A closing note. {.note}
            """);

        site.AssertFile("en/a/index.html", """
            <h2 id="context">Background
            <a href="/en/" class="external">the report</a> now.
            <figure class="figure" id="photo-1"><picture>
            <img src="/assets/images/2022/well-40w.png" srcset="/assets/images/2022/well-40w.png 40w" sizes="min(100vw - 2rem, 42rem, 1.3333 * min(50vh, 22rem))" alt="A village well"
            <span class="figure-credit">(Photo: UNDP)</span>
            <p class="note">A closing note.
            ! {.
            ! {#
            ! {credit
            """);
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Code == DiagnosticCodes.BracesShownAsText);
    }

    [Fact]
    public void Strikethrough_task_lists_and_bare_links_render_as_on_GitHub()
    {
        using var site = Page("""
            The budget was ~~12~~ 14 billion yen.

            - [x] Drill the well
            - [ ] Train the *local* committee

            More at www.mofa.go.jp and https://www.jica.go.jp/english/.
            """);

        site.AssertFile("en/a/index.html", """
            The budget was <del>12</del> 14 billion yen.
            <input type="checkbox" class="task-list-item-checkbox" disabled checked aria-label="Drill the well"> Drill the well
            <input type="checkbox" class="task-list-item-checkbox" disabled aria-label="Train the local committee"> Train the <em>local</em> committee
            <a href="http://www.mofa.go.jp">www.mofa.go.jp</a>
            <a href="https://www.jica.go.jp/english/">https://www.jica.go.jp/english/</a>
            """);
    }

    [Fact]
    public void Task_list_checkboxes_survive_the_raw_html_policy()
    {
        // A page with raw HTML goes through the sanitizer as a whole.
        using var site = Page("""
            <p class="note">A note.</p>

            - [x] Drill the well
            - [ ] ~~Dig by hand~~
            """);

        site.AssertFile("en/a/index.html", """
            <p class="note">A note.</p>
            disabled
            checked
            aria-label="Drill the well"
            type="checkbox"
            <del>Dig by hand</del>
            """);
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Code == DiagnosticCodes.UnsafeHtml);
    }
}
