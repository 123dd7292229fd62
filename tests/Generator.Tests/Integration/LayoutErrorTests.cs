namespace Generator.Tests.Integration;

// Issue 2: a theme mistake names the layout file and line, once, not once per page.
public sealed class LayoutErrorTests
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
        title: A
        ---
        -- input/en/b.md --
        ---
        title: B
        ---
        -- theme/layouts/home.liquid --
        home
        -- theme/layouts/chooser.liquid --
        chooser
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
    public void An_unknown_variable_is_reported_at_its_line_in_the_layout()
    {
        using var site = TestSite.Build(Site + """
            -- theme/layouts/page.liquid --
            ---
            layout: base
            ---
            <h1>{{ page.title }}</h1>
            <p>{{ page.titel }}</p>
            -- theme/layouts/base.liquid --
            <html>{{ content | raw }}</html>
            """);

        var error = site.AssertDiagnostic("theme/layouts/page.liquid(5,7): error GEN030: unknown variable 'titel' (rendering input/en/a.md and 1 other page(s))");
        Assert.Single(site.Result.Diagnostics, d => d.Code == DiagnosticCodes.LayoutError);
        Assert.NotNull(error);
    }

    [Fact]
    public void An_unknown_variable_whose_member_the_layout_also_reads_elsewhere_is_reported_at_its_own_line()
    {
        using var site = TestSite.Build(Site + """
            -- theme/layouts/page.liquid --
            <h1>{{ page.title }}</h1>
            <main>
            {{ page.summary }}
            </main>
            <p>{{ x.title }}</p>
            """);

        site.AssertDiagnostic("theme/layouts/page.liquid(5,7): error GEN030: unknown variable 'x");
    }

    [Fact]
    public void An_unknown_filter_in_a_partial_is_reported_once_at_the_partial_whatever_includes_it()
    {
        using var site = TestSite.Build(Site + """
            -- theme/layouts/page.liquid --
            ---
            layout: base
            ---
            <h1>{{ page.title }}</h1>
            -- theme/layouts/home.liquid --
            ---
            layout: base
            ---
            home
            -- theme/layouts/base.liquid --
            <html>
            {% render 'header', site: site %}
            {{ content | raw }}</html>
            -- theme/layouts/partials/header.liquid --
            ---
            ---
            <header>
            {{ site.title | nosuch }}
            </header>
            """);

        site.AssertDiagnostic("theme/layouts/partials/header.liquid(4,15): error GEN030: unknown filter 'nosuch' (rendering input/en/a.md and 2 other page(s))");
        Assert.Single(site.Result.Diagnostics, d => d.Code == DiagnosticCodes.LayoutError);
    }

    [Fact]
    public void A_layout_whose_front_matter_lost_its_opening_line_is_an_error_not_a_page_without_its_parent()
    {
        using var site = TestSite.Build(Site + """
            -- theme/layouts/page.liquid --
            layout: base
            ---
            <h1>{{ page.title }}</h1>
            -- theme/layouts/base.liquid --
            <html>{{ content | raw }}</html>
            """);

        site.AssertDiagnostic("theme/layouts/page.liquid(1,1): error GEN030: this front matter has no opening '---': add a line '---' above it");
        Assert.Single(site.Result.Diagnostics, d => d.Code == DiagnosticCodes.LayoutError);
    }

    [Fact]
    public void A_theme_without_any_layout_is_one_error_at_its_layouts_folder_not_one_per_page()
    {
        using var site = TestSite.Build("""
            -- input/site.yml --
            languages: [en]
            -- input/en/index.md --
            ---
            title: Home
            ---
            -- input/en/a.md --
            ---
            title: A
            ---
            -- theme/layouts/partials/header.liquid --
            <header></header>
            -- theme/i18n/en.yml --
            skip: "Skip"
            """);

        site.AssertDiagnostic("theme/layouts: error GEN031: the theme's layouts folder has no layouts (files named *.liquid)");
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Message.Contains("does not exist", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_filter_a_missing_string_and_a_syntax_error_are_reported_with_lines()
    {
        using var site = TestSite.Build(Site + """
            -- theme/layouts/page.liquid --
            <h1>{{ page.title }}</h1>
            <p>{{ page.date | dat }}</p>
            -- theme/layouts/home.liquid --
            <a>{{ t.skip }}</a>
            <b>{{ t.skip_to_contnet }}</b>
            -- theme/layouts/broken.liquid --
            line one
            {% if page.title %}
            {{ page.title
            """);

        site.AssertDiagnostic("theme/layouts/page.liquid(2,17): error GEN030: unknown filter 'dat'");
        // Issue 15: a string a layout names is required when the theme loads, at the i18n file.
        site.AssertDiagnostic("theme/i18n/en.yml(1,1): error GEN032: missing interface string 'skip_to_contnet', used at theme/layouts/home.liquid(2,7)");
        site.AssertDiagnostic("theme/layouts/broken.liquid(3,");
    }

    [Fact]
    public void A_page_asking_for_a_layout_that_does_not_exist_is_reported_at_its_layout_key()
    {
        using var site = TestSite.Build(Site + """
            -- input/en/c.md --
            ---
            title: C
            layout: gallery
            ---
            -- theme/layouts/page.liquid --
            {{ page.title }}
            """);

        site.AssertDiagnostic("input/en/c.md(3,9): error GEN031: layout 'gallery' does not exist; theme layouts are chooser, home, page");
    }

    // Issue 13, A.21: a misspelt layout gets a did-you-mean, at its layout key.
    [Fact]
    public void A_misspelt_layout_is_reported_with_the_layout_it_resembles()
    {
        using var site = TestSite.Build(Site + """
            -- input/en/c.md --
            ---
            title: C
            layout: pgae
            ---
            -- theme/layouts/page.liquid --
            {{ page.title }}
            """);

        site.AssertDiagnostic("input/en/c.md(3,9): error GEN031: layout 'pgae' does not exist; did you mean 'page'? Theme layouts are chooser, home, page");
    }
}
