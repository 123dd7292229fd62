using Generator.Editing;

namespace Generator.Tests.Incremental;

// Issue 14: a session's build after an edit equals a fresh build (RunningSite checks that
// after every Build), and lays out again only the pages the edit reaches.
public sealed class RunningSiteTests
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
        -- input/en/topics/2021/a.md --
        ---
        title: Topic A
        summary: About A
        date: 2021-01-01
        tags: [water]
        ---
        Text of A.
        -- input/en/topics/2022/b.md --
        ---
        title: Topic B
        summary: About B
        date: 2022-01-02
        tags: [energy]
        ---
        Text of B.

        ![A photo](/assets/images/p.png "Caption"){credit="UNDP"}
        -- input/ja/topics/2022/b.md --
        ---
        title: トピックB
        summary: Bについて
        ---
        Bの本文。
        """;

    private static RunningSite Start(Action<TestSite>? prepare = null)
    {
        var site = TestSite.Create(Site);
        Png.Write(site.Root, "input/assets/images/p.png", 10, 20);
        prepare?.Invoke(site);
        return new RunningSite(site);
    }

    [Fact]
    public void A_photo_replaced_in_place_with_another_size_gives_the_page_the_new_size()
    {
        using var site = Start();
        site.AssertPage("en/topics/2022/b/index.html", """width="10" height="20" """);

        site.Write("input/assets/images/p.png", Png.Of(30, 40)).Build();

        site.AssertPage("en/topics/2022/b/index.html", """
            width="30" height="40"
            ! width="10"
            """);
        Assert.Contains("en/topics/2022/b/index.html", site.Rendered);
        Assert.DoesNotContain("en/topics/2021/a/index.html", site.Rendered);
    }

    [Fact]
    public void A_list_the_layout_reaches_through_a_variable_shows_a_renamed_title()
    {
        using var site = Start(s => File.AppendAllText(Path.Combine(s.Root, "theme/layouts/topic.liquid"),
            "{% assign s = site %}<p id=\"all\">{% for t in s.topics %}{{ t.title }};{% endfor %}</p>\n"));
        site.AssertPage("en/topics/2021/a/index.html", "Topic B;Topic A;");

        site.Edit("input/en/topics/2022/b.md", "title: Topic B", "title: Renamed B").Build();

        site.AssertPage("en/topics/2021/a/index.html", "Renamed B;Topic A;");
    }

    [Fact]
    public void A_title_edit_makes_again_the_lists_that_show_the_topic_and_no_other()
    {
        using var site = Start();

        site.Edit("input/en/topics/2022/b.md", "title: Topic B", "title: Renamed B").Build();

        site.AssertPage("en/tags/energy/index.html", "Renamed B");
        var remade = site.Result.Rerun.Where(r => r.Module == nameof(Generator.Modules.CreateListPages)).Select(r => r.Document).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["lists/all", "lists/edition/2022", "lists/tag/energy"], remade);
    }

    [Fact]
    public void A_title_edit_renders_the_page_its_translation_and_the_lists_but_not_an_unrelated_topic()
    {
        using var site = Start();

        site.Edit("input/en/topics/2022/b.md", "title: Topic B", "title: Renamed B").Build();

        Assert.Contains("en/topics/2022/b/index.html", site.Rendered);
        Assert.Contains("ja/topics/2022/b/index.html", site.Rendered);
        Assert.Contains("en/index.html", site.Rendered);
        Assert.DoesNotContain("en/topics/2021/a/index.html", site.Rendered);
    }

    [Fact]
    public void A_body_edit_renders_that_page_alone()
    {
        using var site = Start();

        site.Edit("input/en/topics/2022/b.md", "Text of B.", "New text of B.").Build();

        site.AssertRendered("en/topics/2022/b/index.html");
        site.AssertPage("en/topics/2022/b/index.html", "New text of B.");
    }

    [Fact]
    public void A_theme_edit_an_i18n_string_a_taxonomy_name_and_site_yml_reach_every_page_that_shows_them()
    {
        using var site = Start();

        site.Edit("theme/layouts/topic.liquid", "</article>", "<p>edited layout</p></article>").Build();
        site.AssertPage("en/topics/2021/a/index.html", "edited layout");

        site.Edit("theme/i18n/en.yml", "tags_label: \"Tags\"", "tags_label: \"Subjects\"").Build();
        site.AssertPage("en/topics/2021/a/index.html", "Subjects");

        site.Edit("input/taxonomy.yml", "en: Water", "en: Clean water").Build();
        site.AssertPage("en/topics/2021/a/index.html", "Clean water");

        site.Write("input/site.yml", """
            languages:
              - code: en
                name: English
                title: "Renamed Site"
              - code: ja
                name: "日本語"
                title: "白書トピックス"
            """).Build();
        site.AssertPage("en/topics/2021/a/index.html", "Renamed Site");
    }

    // Issue 14 (item 5): site.yml, taxonomy.yml, the layouts and the strings are Data
    // documents, so a save of one re-runs only the steps that read what it changed.
    [Fact]
    public void A_layout_edit_lays_out_every_page_again_without_parsing_or_rendering_Markdown()
    {
        using var site = Start();

        site.Edit("theme/layouts/topic.liquid", "</article>", "<p>edited layout</p></article>").Build();

        Assert.Contains("en/topics/2021/a/index.html", site.Rendered);
        Assert.DoesNotContain(site.Result.Rerun, r => r.Module is nameof(Generator.Modules.ParseFrontMatter) or nameof(Generator.Modules.RenderMarkdown));
        Assert.DoesNotContain(site.Result.Rerun, r => r.Module is nameof(Generator.Modules.CreateFeeds) or nameof(Generator.Modules.CreateSitemap));
        // A step that answers its lookups again as it recorded them is not run again (LinkEditions once was, every build).
        Assert.DoesNotContain(site.Result.Rerun, r => r.Module == nameof(Generator.Modules.LinkEditions));
    }

    [Fact]
    public void A_string_edit_lays_out_pages_again_but_renders_Markdown_only_for_a_string_Markdown_shows()
    {
        using var site = Start();

        site.Edit("theme/i18n/en.yml", "tags_label: \"Tags\"", "tags_label: \"Subjects\"").Build();
        Assert.DoesNotContain(site.Result.Rerun, r => r.Module is nameof(Generator.Modules.RenderMarkdown) or nameof(Generator.Modules.ParseFrontMatter));
        site.AssertPage("en/topics/2021/a/index.html", "Subjects");

        site.Edit("theme/i18n/en.yml", "figure_label: \"Photo {n}\"", "figure_label: \"Picture {n}\"").Build();
        var rendered = site.Result.Rerun.Where(r => r.Module == nameof(Generator.Modules.RenderMarkdown)).Select(r => r.Document).ToList();
        Assert.Contains("en/topics/2022/b/index.html", rendered);
        Assert.DoesNotContain("ja/topics/2022/b/index.html", rendered);
        site.AssertPage("en/topics/2022/b/index.html", "Picture 1");
    }

    [Fact]
    public void A_tag_name_edit_in_the_taxonomy_leaves_front_matter_and_Markdown_alone()
    {
        using var site = Start();

        site.Edit("input/taxonomy.yml", "en: Water", "en: Clean water").Build();

        Assert.DoesNotContain(site.Result.Rerun, r => r.Module is nameof(Generator.Modules.ParseFrontMatter) or nameof(Generator.Modules.RenderMarkdown));
        site.AssertPage("en/topics/2021/a/index.html", "Clean water");
    }

    [Fact]
    public void A_site_yml_mistake_is_reported_at_its_line_and_mending_it_clears_it()
    {
        using var site = Start();

        site.Edit("input/site.yml", "languages:", "paginate: many\nlanguages:").Build();
        Assert.Contains(site.Result.Diagnostics, d => d.IsError && d.Position?.Path == "input/site.yml" && d.Position?.Line == 1);

        site.Edit("input/site.yml", "paginate: many\n", "").Build();
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.IsError);
    }

    [Fact]
    public void A_layout_added_to_the_theme_is_seen()
    {
        using var site = Start();

        site.Edit("input/en/topics/2022/b.md", "tags: [energy]", "tags: [energy]\nlayout: special").Build();
        Assert.Contains(site.Result.Diagnostics, d => d.Code == DiagnosticCodes.MissingLayout);

        site.Add("theme/layouts/special.liquid", "<p>special {{ page.title }}</p>").Build();
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.IsError);
        site.AssertPage("en/topics/2022/b/index.html", "special Topic B");
    }

    // Issue 14 (item 6): one catalog step; lists and layouts of every pipeline read its document.
    [Fact]
    public void The_topic_catalog_is_made_once_per_build_and_not_again_for_a_body_edit()
    {
        using var site = Start();
        Assert.Single(site.Result.Rerun, r => r.Module == nameof(Generator.Modules.CreateCatalog));

        site.Edit("input/en/topics/2022/b.md", "Text of B.", "New text of B.").Build();
        Assert.DoesNotContain(site.Result.Rerun, r => r.Module == nameof(Generator.Modules.CreateCatalog));

        site.Edit("input/en/topics/2022/b.md", "title: Topic B", "title: Renamed B").Build();
        Assert.Single(site.Result.Rerun, r => r.Module == nameof(Generator.Modules.CreateCatalog));
        site.AssertPage("en/topics/index.html", "Renamed B");
    }

    [Fact]
    public void A_section_added_to_a_translation_clears_the_fragment_error_of_the_page_linking_to_it()
    {
        using var site = Start(s =>
        {
            File.AppendAllText(Path.Combine(s.Root, "input/en/topics/2022/b.md"), "\n## Outcomes\n\nWhat came of it.\n");
            File.AppendAllText(Path.Combine(s.Root, "input/en/topics/2021/a.md"), "\nSee [the outcomes of B](/en/topics/2022/b/#outcomes).\n");
        });
        Assert.Contains(site.Result.Diagnostics, d => d.Code == DiagnosticCodes.TranslatedFragment && d.Position?.Path == "input/en/topics/2021/a.md");

        site.Edit("input/ja/topics/2022/b.md", "Bの本文。", "Bの本文。\n\n## 成果\n\n結果。").Build();

        Assert.DoesNotContain(site.Result.Diagnostics, d => d.IsError);
        var checkedAgain = site.Result.Rerun.Where(r => r.Module == nameof(Generator.Modules.CheckTranslatedFragments)).Select(r => r.Document);
        Assert.Contains("en/topics/2021/a/index.html", checkedAgain);
        Assert.DoesNotContain("ja/index.html", checkedAgain);
    }

    [Fact]
    public void Files_added_removed_and_renamed_are_seen()
    {
        using var site = Start();

        site.Add("input/en/topics/2022/c.md", "---\ntitle: Topic C\nsummary: About C\ndate: 2022-02-01\n---\nText of C.\n").Build();
        site.AssertPage("en/topics/2022/c/index.html", "Text of C.");

        site.Rename("input/en/topics/2022/c.md", "input/en/topics/2022/d.md").Build();
        site.AssertPage("en/topics/2022/d/index.html", "Text of C.");

        site.Remove("input/ja/topics/2022/b.md").Build();
        site.Rename("input/en/topics/2022", "input/en/topics/2023").Build();
        site.AssertPage("en/topics/2023/b/index.html", "Text of B.");
    }

    [Fact]
    public void A_mistake_made_and_mended_is_reported_and_then_gone()
    {
        using var site = Start();

        site.Edit("input/en/topics/2022/b.md", "date: 2022-01-02", "date: 2022-13-02").Build();
        Assert.Contains(site.Result.Diagnostics, d => d.Code == DiagnosticCodes.InvalidDate);

        site.Edit("input/en/topics/2022/b.md", "date: 2022-13-02", "date: 2022-01-02").Build();
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.IsError);
    }

    // Outside look: a check that reads a file's bytes records the file.
    [Fact]
    public void An_svg_given_a_script_in_place_is_refused_as_in_a_fresh_build()
    {
        using var site = Start(s => File.WriteAllText(Path.Combine(s.Root, "input/assets/images/logo.svg"),
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"><rect width=\"4\" height=\"4\"/></svg>"));

        site.Edit("input/assets/images/logo.svg", "</svg>", "<script>alert(1)</script></svg>").Build();

        Assert.Contains(site.Result.Diagnostics, d => d.Code == DiagnosticCodes.UnsafeAsset);
    }

    // Outside look: an editor saves the file a symbolic link leads to, and the watcher names that path.
    [Fact]
    public void Editing_the_file_a_symbolic_link_leads_to_reaches_the_link()
    {
        using var site = Start(s =>
        {
            File.WriteAllText(Path.Combine(s.Root, "input/ja/about.md"), "---\ntitle: About\n---\nShared text one.\n");
            File.CreateSymbolicLink(Path.Combine(s.Root, "input/en/about.md"), "../ja/about.md");
            Png.Write(s.Root, "input/assets/images/b.png", 11, 12);
            File.CreateSymbolicLink(Path.Combine(s.Root, "input/assets/images/a.png"), "b.png");
            File.WriteAllText(Path.Combine(s.Root, "input/en/pic.md"), "---\ntitle: Pic\n---\n![A pic](/assets/images/a.png \"Caption\")\n");
        });
        site.AssertPage("en/pic/index.html", """width="11" height="12" """);

        site.Edit("input/ja/about.md", "Shared text one.", "Shared text two.").Write("input/assets/images/b.png", Png.Of(77, 55)).Build();

        site.AssertPage("en/about/index.html", "Shared text two.");
        site.AssertPage("en/pic/index.html", """width="77" height="55" """);
    }

    // Outside look: a layout link moved to a file outside the theme with the same bytes is
    // refused, and moved back it is a layout again; the theme's fingerprint must see both.
    [Fact]
    public void A_layout_link_moved_outside_the_theme_and_back_is_refused_and_then_used()
    {
        const string layout = "<p>special {{ page.title }}</p>";
        using var site = Start(s =>
        {
            File.WriteAllText(Path.Combine(s.Root, "theme/layouts/special.txt"), layout);
            File.WriteAllText(Path.Combine(s.Root, "outside.liquid"), layout);
            File.CreateSymbolicLink(Path.Combine(s.Root, "theme/layouts/special.liquid"), "special.txt");
            File.WriteAllText(Path.Combine(s.Root, "input/en/about.md"), "---\ntitle: About\nlayout: special\n---\nText.\n");
        });
        site.AssertPage("en/about/index.html", "special About");

        site.Remove("theme/layouts/special.liquid");
        File.CreateSymbolicLink(Path.Combine(site.Root, "theme/layouts/special.liquid"), "../../outside.liquid");
        site.Build();
        Assert.Contains(site.Result.Diagnostics, d => d.Code == DiagnosticCodes.MissingLayout && d.Position?.Path == "input/en/about.md");

        site.Remove("theme/layouts/special.liquid");
        File.CreateSymbolicLink(Path.Combine(site.Root, "theme/layouts/special.liquid"), "special.txt");
        site.Build();
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.IsError);
    }

    [Fact]
    public void A_heading_renamed_on_one_page_breaks_the_fragment_link_of_another_and_mending_it_clears_the_error()
    {
        using var site = Start(s =>
        {
            File.WriteAllText(Path.Combine(s.Root, "input/en/about.md"), "---\ntitle: About\n---\n## Intro\n\nText.\n");
            File.WriteAllText(Path.Combine(s.Root, "input/en/more.md"), "---\ntitle: More\n---\nSee [the intro](/en/about/#intro).\n");
        });
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Code == DiagnosticCodes.BrokenFragment);

        site.Edit("input/en/about.md", "## Intro", "## Overview").Build();

        Assert.Contains(site.Result.Diagnostics, d => d.Code == DiagnosticCodes.BrokenFragment && d.Position!.Value.Path.EndsWith("en/more.md", StringComparison.Ordinal));

        site.Edit("input/en/more.md", "#intro", "#overview").Build();

        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Code == DiagnosticCodes.BrokenFragment);
    }

    [Fact]
    public void A_link_to_a_page_that_is_removed_and_added_again_is_reported_and_then_passes()
    {
        using var site = Start(s => File.WriteAllText(Path.Combine(s.Root, "input/en/more.md"), "---\ntitle: More\n---\nSee [A](/en/topics/2021/a/).\n"));

        var topic = File.ReadAllText(Path.Combine(site.Root, "input/en/topics/2021/a.md"));
        site.Remove("input/en/topics/2021/a.md").Build();
        Assert.Contains(site.Result.Diagnostics, d => d.Code == DiagnosticCodes.BrokenLink);

        site.Add("input/en/topics/2021/a.md", topic).Build();
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Code == DiagnosticCodes.BrokenLink);
    }

    [Fact]
    public void An_edited_original_makes_only_its_own_translation_stale()
    {
        using var site = Start();
        var translation = "input/ja/topics/2022/b.md";
        Assert.Equal([translation], TranslationMarker.Mark(site.Result, [translation], Path.Combine(site.Root, "input"), null).Changed);
        site.Write(translation, File.ReadAllText(Path.Combine(site.Root, translation))).Build();
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Code is DiagnosticCodes.StaleTranslation or DiagnosticCodes.UnmarkedTranslation && d.Position!.Value.Path == translation);

        site.Edit("input/en/topics/2022/b.md", "Text of B.", "New text of B.").Build();

        Assert.Contains(site.Result.Diagnostics, d => d.Code == DiagnosticCodes.StaleTranslation && d.Position!.Value.Path == translation);
        var compared = site.Result.Rerun.Where(r => r.Module == nameof(Generator.Modules.CompareTranslations)).Select(r => r.Document).Order(StringComparer.Ordinal);
        Assert.Equal(["en/topics/2022/b/index.html", "ja/topics/2022/b/index.html"], compared);
    }

    [Fact]
    public void The_sitemap_is_made_again_for_a_new_date_but_not_for_a_new_title()
    {
        using var site = Start();

        site.Edit("input/en/topics/2022/b.md", "title: Topic B", "title: Topic B renamed").Build();
        Assert.DoesNotContain(site.Result.Rerun, r => r.Module == nameof(Generator.Modules.CreateSitemap));

        site.Edit("input/en/topics/2022/b.md", "date: 2022-01-02", "date: 2022-03-04").Build();
        Assert.Contains(site.Result.Rerun, r => r.Module == nameof(Generator.Modules.CreateSitemap));
        site.AssertPage("sitemap.xml", "<lastmod>2022-03-04</lastmod>");
    }

    [Fact]
    public void A_heading_renamed_in_an_original_renames_the_section_id_of_its_translation()
    {
        using var site = Start(s =>
        {
            File.WriteAllText(Path.Combine(s.Root, "input/en/about.md"), "---\ntitle: About\n---\n## Intro\n\nText.\n");
            File.WriteAllText(Path.Combine(s.Root, "input/ja/about.md"), "---\ntitle: 概要\n---\n## はじめに\n\n本文。\n");
        });
        site.AssertPage("ja/about/index.html", "id=\"intro\"");

        site.Edit("input/en/about.md", "## Intro", "## Overview").Build();

        site.AssertPage("ja/about/index.html", """
            id="overview"
            ! id="intro"
            """);
    }
}
