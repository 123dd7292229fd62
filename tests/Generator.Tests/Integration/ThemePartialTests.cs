namespace Generator.Tests.Integration;

// Issue 15: the theme is made of parts. Partials live in theme/layouts/partials/ and are
// rendered through Fluid's file provider ({% render 'card', card: c %}); they are read when
// the theme is loaded, so a mistake is reported at the partial's own line and an edit to one
// restarts a preview session like an edit to a layout.
public sealed class ThemePartialTests
{
    private const string Site = """
        -- input/site.yml --
        languages: [en]
        -- input/en/index.md --
        ---
        title: Home
        ---
        -- input/en/a.md --
        ---
        title: Alpha
        ---
        -- theme/layouts/chooser.liquid --
        chooser
        -- theme/layouts/home.liquid --
        home
        -- theme/i18n/en.yml --
        figure_label: "Photo {n}"
        figure_credit: "(Photo: {credit})"
        series_number: "{series} {number}"
        topic_number: "Topic {number}"
        translation_missing: "Not in {language}."
        translation_unavailable: "Not in English."
        translation_home: "English home"
        skip: "Skip"

        """;

    [Fact]
    public void A_layout_renders_a_partial_that_sees_the_page_and_the_values_passed_to_it()
    {
        using var site = TestSite.Build(Site + """
            -- theme/layouts/page.liquid --
            <main>{% render 'title', level: "h2" %}</main>
            -- theme/layouts/partials/title.liquid --
            {%- comment -%} trimmed {%- endcomment -%}
            <{{ level }}>{{ page.title }} – {{ t.skip }}</{{ level }}>
            """);

        site.AssertFile("en/a/index.html", """
            <main><h2>Alpha – Skip</h2></main>
            """);
    }

    [Fact]
    public void A_partial_that_does_not_exist_is_reported_at_the_layout_with_the_partials_there_are()
    {
        using var site = TestSite.Build(Site + """
            -- theme/layouts/page.liquid --
            <main>
            {% render 'titel' %}</main>
            -- theme/layouts/partials/title.liquid --
            {{ page.title }}
            """);

        site.AssertDiagnostic("theme/layouts/page.liquid(2,12): error GEN030: no partial 'titel' in theme/layouts/partials/; did you mean 'title'? partials are title");
    }

    [Fact]
    public void A_syntax_error_in_a_partial_is_reported_at_its_line()
    {
        using var site = TestSite.Build(Site + """
            -- theme/layouts/page.liquid --
            {% render 'title' %}
            -- theme/layouts/partials/title.liquid --
            <h1>
            {{ page.title }
            </h1>
            """);

        site.AssertDiagnostic("theme/layouts/partials/title.liquid(2,");
        // Outside looks: the layout that renders it is not told the partial does not exist,
        // nor told again of the partial's error (one cause, one diagnostic).
        Assert.Single(site.Result.Diagnostics, d => d.Code == DiagnosticCodes.LayoutError);
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Message.Contains("no partial", StringComparison.Ordinal));
    }

    // Outside look: one cause, one diagnostic; a page whose layout did not parse is not told it does not exist.
    [Fact]
    public void A_layout_with_a_syntax_error_is_reported_at_its_line_and_not_as_missing_at_its_pages()
    {
        using var site = TestSite.Build(Site + """
            -- theme/layouts/page.liquid --
            <main>{{ page.title }</main>
            """);

        site.AssertDiagnostic("theme/layouts/page.liquid(1,");
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Code == DiagnosticCodes.MissingLayout);
    }

    // Outside look: a layout that is its own parent rendered until the step limit.
    [Fact]
    public void A_layout_that_is_its_own_parent_is_a_cycle_reported_at_the_layout()
    {
        using var site = TestSite.Build(Site + """
            -- theme/layouts/page.liquid --
            ---
            layout: outer
            ---
            <main>{{ page.title }}</main>
            -- theme/layouts/outer.liquid --
            ---
            layout: page
            ---
            <div>{{ content }}</div>
            """);

        site.AssertDiagnostic("theme/layouts/page.liquid(2,1): error GEN031: layout 'page' names 'outer' as its parent, which makes a cycle (outer → page → outer)");
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Message.Contains("steps", StringComparison.Ordinal));
    }

    [Fact]
    public void Editing_a_partial_in_preview_renders_the_pages_again()
    {
        using var site = TestSite.Running(Site + """
            -- theme/layouts/page.liquid --
            <main>{% render 'title' %}</main>
            -- theme/layouts/partials/title.liquid --
            <h1>{{ page.title }}</h1>
            """);
        site.Build().AssertPage("en/a/index.html", "<main><h1>Alpha</h1></main>");

        site.Edit("theme/layouts/partials/title.liquid", "<h1>", "<h1 class=\"changed\">").Build();

        site.AssertPage("en/a/index.html", "<main><h1 class=\"changed\">Alpha</h1></main>");
    }
}
