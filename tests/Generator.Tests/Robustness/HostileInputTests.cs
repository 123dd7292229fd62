using System.Text;
using Generator.Engine;

namespace Generator.Tests.Robustness;

// Issue 13 (hardening): files, names and text that crashed the build, were published
// unchecked, or vanished without a word.
public sealed class HostileInputTests
{
    private const string Settings = """
        -- input/site.yml --
        languages: [en, ja]
        -- input/en/index.md --
        ---
        title: Home
        ---
        -- input/ja/index.md --
        ---
        title: ホーム
        ---

        """;

    private const string Topic = """
        ---
        title: Water
        summary: S
        date: 2022-01-01
        ---
        Text.
        """;

    private static void AssertNoInternalError(TestSite site) =>
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Code == DiagnosticCodes.InternalError);

    // A.3: stored XSS through assets.
    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <script>alert(1)</script>\n</svg>", 2, 4, "has a <script> element")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"\n     onload=\"alert(1)\"/>", 2, 6, "has an event handler attribute 'onload'")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n<a xlink:href=\"java&#x09;script:alert(1)\"><text>x</text></a></svg>", 2, 4, "has a script URL in 'href'")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><foreignObject><p>x</p></foreignObject></svg>", 1, 42, "has a <foreignObject> element")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"https://evil.example/x.png\"/></svg>", 1, 48, "refers to 'https://evil.example/x.png' outside itself")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><style>@import url(https://evil.example/a.css);</style></svg>", 1, 48, "has a style with @import")]
    [InlineData("<!DOCTYPE svg [<!ENTITY x \"&#60;script&#62;\">]>\n<svg xmlns=\"http://www.w3.org/2000/svg\">&x;</svg>", 2, 42, "is not well-formed XML (Reference to undeclared entity 'x'), so it cannot be checked for script")]
    public void An_svg_that_can_run_script_is_refused_at_its_position(string svg, int line, int column, string reason)
    {
        using var site = TestSite.Build(Settings + "-- input/assets/images/logo.svg --\n" + svg + "\n");

        site.AssertDiagnostic($"input/assets/images/logo.svg({line},{column}): error GEN077: this SVG {reason}");
        Assert.False(site.Exists("assets/images/logo.svg"));
    }

    [Fact]
    public void A_plain_svg_with_internal_references_is_published_as_it_is()
    {
        const string svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">
              <defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>
              <rect width="10" height="10" fill="url(#g)" style="fill: url('#g')"/>
              <use xlink:href="#g"/>
            </svg>
            """;
        using var site = TestSite.Build(Settings + "-- input/assets/images/ok.svg --\n" + svg);

        site.AssertSucceeded();
        Assert.Equal(svg, site.Read("assets/images/ok.svg").TrimEnd('\n'));
    }

    [Fact]
    public void Html_and_script_assets_are_refused_unless_site_yml_allows_them_by_name()
    {
        var files = Settings + """
            -- input/assets/page.html --
            <script>alert(1)</script>
            -- input/assets/js/widget.js --
            alert(1)
            -- input/assets/data/feed.XML --
            <x/>
            -- input/assets/.gitkeep --
            """;
        using var site = TestSite.Build(files);

        site.AssertDiagnostic("input/assets/page.html(1,1): error GEN077: is a .html file, which a browser may run as a page or script on the site's origin; remove it, or, if the site is meant to publish it as it is, list it in site.yml: allowed_assets: [assets/page.html]");
        site.AssertDiagnostic("input/assets/js/widget.js(1,1): error GEN077: is a .js file");
        site.AssertDiagnostic("input/assets/data/feed.XML(1,1): error GEN077: is a .xml file");
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.ToString().Contains(".gitkeep", StringComparison.Ordinal));

        site.Edit("""
            -- input/site.yml --
            languages: [en, ja]
            allowed_assets: [assets/page.html, assets/js/widget.js, assets/data/feed.XML]
            """).Rebuild();

        site.AssertSucceeded();
        Assert.True(site.Exists("assets/js/widget.js"));
        Assert.False(site.Exists("assets/.gitkeep"));
    }

    [Fact]
    public void Allowed_assets_must_be_a_list_of_published_paths()
    {
        using var site = TestSite.Build("""
            -- input/site.yml --
            languages: [en, ja]
            allowed_assets:
              - assets/ok.js
              - /etc/passwd
              - assets/../x.js
            max_asset_mb: lots
            """);

        site.AssertDiagnostic("input/site.yml(4,5): error GEN040: each allowed_assets entry must be a file under input/assets/ written as it is published, such as assets/widget.js, got \"/etc/passwd\"");
        site.AssertDiagnostic("input/site.yml(5,5): error GEN040");
        site.AssertDiagnostic("input/site.yml(6,15): error GEN040: max_asset_mb must be a whole number of megabytes");
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.ToString().StartsWith("input/site.yml(3,", StringComparison.Ordinal));

        site.Edit("""
            -- input/site.yml --
            languages: [en, ja]
            allowed_assets: assets/ok.js
            """).Rebuild();

        site.AssertDiagnostic("input/site.yml(2,17): error GEN040: allowed_assets must be a list of files, such as [assets/widget.js]");
    }

    // A.4: unprintable characters.
    [Fact]
    public void An_escaped_control_character_in_a_title_is_an_error_at_the_escape_not_a_crash()
    {
        using var site = TestSite.Create(Settings + """
            -- input/en/topics/2022/water.md --
            ---
            title: "Water and\vSanitation"
            summary: "Ends with \uFFFE"
            date: 2022-01-01
            ---
            Text.
            """).Rebuild(write: false);

        site.AssertDiagnostic("input/en/topics/2022/water.md(2,18): error GEN078: this value contains U+000B (a vertical tab, Word's soft line break), written as an escape; remove the escape or write a space");
        site.AssertDiagnostic("input/en/topics/2022/water.md(3,21): error GEN078: this value contains U+FFFE (a Unicode noncharacter)");
        AssertNoInternalError(site);
    }

    [Fact]
    public void A_raw_control_character_in_front_matter_is_an_error_at_its_line_and_column()
    {
        using var site = TestSite.Create(Settings + "-- input/en/topics/2022/water.md --\n---\ntitle: Water\u000Band\u0085more\nsummary: S\ndate: 2022-01-01\n---\nText.\n").Rebuild(write: false);

        site.AssertDiagnostic("input/en/topics/2022/water.md(2,13): error GEN078: contains U+000B (a vertical tab, Word's soft line break); delete it");
        site.AssertDiagnostic("input/en/topics/2022/water.md(2,17): error GEN078: contains U+0085 (a next-line character)");
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Code == DiagnosticCodes.YamlSyntax);
        AssertNoInternalError(site);
    }

    [Fact]
    public void A_control_character_in_site_yml_titles_is_reported_and_never_reaches_the_feed()
    {
        using var site = TestSite.Build("""
            -- input/site.yml --
            languages:
              - code: en
                title: "Topics\e"
            """ + "\n" + Topic.Replace("---\ntitle", "-- input/en/topics/2022/w.md --\n---\ntitle", StringComparison.Ordinal));

        site.AssertDiagnostic("input/site.yml(3,19): error GEN078");
        AssertNoInternalError(site);
    }

    [Fact]
    public void Control_characters_in_the_body_are_left_out_with_a_warning_at_each()
    {
        using var site = TestSite.Build(Settings + "-- input/en/topics/2022/water.md --\n---\ntitle: Water\nsummary: S\ndate: 2022-01-01\n---\nWater\u000Band sanitation.\n\nPage\u000Cbreak \uFDD0here.\n");

        site.AssertDiagnostic("input/en/topics/2022/water.md(6,6): warning GEN079: contains U+000B (a vertical tab, Word's soft line break), which is left out of the page");
        site.AssertDiagnostic("input/en/topics/2022/water.md(8,5): warning GEN079: contains U+000C");
        site.AssertDiagnostic("input/en/topics/2022/water.md(8,12): warning GEN079: contains U+FDD0");
        site.AssertFile("en/topics/2022/water/index.html", "Waterand sanitation.");
        Assert.False(Unprintable.Contains(site.Read("en/feed.xml")));
        Assert.False(Unprintable.Contains(site.Read("en/topics/2022/water/index.html")));
    }

    [Fact]
    public void An_escape_character_in_a_file_name_is_an_error_shown_safely_not_a_crash_in_feeds_and_sitemap()
    {
        using var site = TestSite.Build(Settings + "-- input/en/topics/2022/wa\u001Bter.md --\n" + Topic);

        site.AssertDiagnostic("input/en/topics/2022/wa\\u001Bter.md(1,1): error GEN082: the name contains U+001B (an escape character), which cannot stand in a URL; rename it to 'wa-ter.md'");
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.ToString().Contains('\u001B'));
        AssertNoInternalError(site);
    }

    [Fact]
    public void Unprintable_characters_are_found_stripped_and_escaped_consistently()
    {
        Assert.Equal(-1, Unprintable.IndexOf("tab\tline\r\n日本語 😀 é"));
        Assert.Equal(3, Unprintable.IndexOf("abc\u0085"));
        Assert.Equal(1, Unprintable.IndexOf("a\uDBFF\uDFFF"));  // U+10FFFF, a noncharacter
        Assert.Equal(1, Unprintable.IndexOf("a\uD800b"));       // an unpaired surrogate
        Assert.Equal("ab😀", Unprintable.Strip("a\u0000b\uFFFF😀\u007F"));
        Assert.Equal("a\\u001Bb", Unprintable.Escape("a\u001Bb"));
    }

    // A.6: folder links.
    [Fact]
    public void A_folder_link_is_one_diagnostic_at_its_path_and_is_never_entered()
    {
        using var site = TestSite.Create(Settings + "-- input/en/topics/2022/w.md --\n" + Topic);
        Directory.CreateSymbolicLink(Path.Combine(site.Root, "input/en/self"), ".");
        Directory.CreateDirectory(Path.Combine(site.Root, "input/assets"));
        Directory.CreateSymbolicLink(Path.Combine(site.Root, "input/assets/etc"), "/etc");
        Directory.CreateSymbolicLink(Path.Combine(site.Root, "input/assets/root"), "/");
        Directory.CreateSymbolicLink(Path.Combine(site.Root, "theme/assets/loop"), "..");

        site.Rebuild();

        site.AssertDiagnostic("input/en/self(1,1): error GEN075: is a symbolic link to the folder '.'; folder links are not followed");
        site.AssertDiagnostic("input/assets/etc(1,1): error GEN075: is a symbolic link to the folder '/etc'");
        site.AssertDiagnostic("input/assets/root(1,1): error GEN075");
        site.AssertDiagnostic("theme/assets/loop(1,1): error GEN075");
        Assert.Equal(4, site.Result.Diagnostics.Count);
    }

    // A.7: huge files are refused before they are read.
    [Fact]
    public void A_file_over_the_size_limit_is_an_error_naming_the_limit_and_the_setting()
    {
        using var site = TestSite.Create(Settings);
        Sparse(Path.Combine(site.Root, "input/en/huge.md"), 1L << 30);
        Sparse(Path.Combine(site.Root, "input/assets/video.mp4"), 51L * 1024 * 1024);

        site.Rebuild(write: false);

        site.AssertDiagnostic("input/en/huge.md(1,1): error GEN076: is 1,024 MB, over the 16 MB limit for a Markdown file; make it smaller, or raise 'max_markdown_mb' in site.yml");
        site.AssertDiagnostic("input/assets/video.mp4(1,1): error GEN076: is 51 MB, over the 50 MB limit for a file under input/assets/; make it smaller, or raise 'max_asset_mb' in site.yml");
        AssertNoInternalError(site);

        site.Edit("""
            -- input/site.yml --
            languages: [en, ja]
            max_asset_mb: 64
            """).Rebuild(write: false);

        Assert.DoesNotContain(site.Result.Diagnostics, d => d.ToString().StartsWith("input/assets/video.mp4", StringComparison.Ordinal));
    }

    private static void Sparse(string file, long length)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        using var stream = File.Create(file);
        stream.SetLength(length);
    }
}
