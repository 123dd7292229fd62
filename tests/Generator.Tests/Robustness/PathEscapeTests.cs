using Generator.Engine;
using Generator.Engine.Modules;

namespace Generator.Tests.Robustness;

// Issue 8: no link, image, key or destination reads or writes outside input/, theme/
// and the output folder; each attempt is a diagnostic.
public sealed class PathEscapeTests
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

    [Fact]
    public void Links_and_images_that_climb_above_the_site_root_are_errors_at_their_position()
    {
        using var site = TestSite.Build(Settings + """
            -- input/en/topics/2022/a.md --
            ---
            title: A
            summary: S
            date: 2022-01-01
            ---
            [passwd](../../../../../../etc/passwd) ![A photo](../../../../../etc/shadow)
            [encoded](%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2E%2E/%2e%2e/etc/passwd)
            """);

        site.AssertDiagnostic("input/en/topics/2022/a.md(6,1): error GEN022: '../../../../../../etc/passwd' climbs above the site root");
        site.AssertDiagnostic("input/en/topics/2022/a.md(6,40): error GEN022: '../../../../../etc/shadow' climbs above the site root");
        site.AssertDiagnostic("input/en/topics/2022/a.md(7,1): error GEN022: '%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2E%2E/%2e%2e/etc/passwd' climbs above the site root");
    }

    [Fact]
    public void Absolute_paths_are_site_paths_that_do_not_exist_never_files_of_the_machine()
    {
        using var site = TestSite.Build(Settings + """
            -- input/en/a.md --
            ---
            title: A
            image: /etc/hostname
            ---
            [passwd](/etc/passwd) ![A photo](/etc/shadow)
            """);

        site.AssertDiagnostic("input/en/a.md(3,8): error GEN021: no image at '/etc/hostname'");
        site.AssertDiagnostic("input/en/a.md(5,1): error GEN020: no page or file at '/etc/passwd'");
        site.AssertDiagnostic("input/en/a.md(5,23): error GEN021: no image at '/etc/shadow'");
    }

    [Fact]
    public void Front_matter_image_paths_that_climb_are_errors_at_the_value()
    {
        using var site = TestSite.Build(Settings + """
            -- input/en/topics/2022/a.md --
            ---
            title: A
            summary: S
            date: 2022-01-01
            image: ../../../../../../etc/passwd
            images:
              - src: ../../../../../../../etc/shadow
                alt: A photo
            ---
            """);

        site.AssertDiagnostic("input/en/topics/2022/a.md(5,8): error GEN022: '../../../../../../etc/passwd' climbs above the site root");
        site.AssertDiagnostic("input/en/topics/2022/a.md(7,10): error GEN022: '../../../../../../../etc/shadow' climbs above the site root");
    }

    [Theory]
    [InlineData("../../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("topics/../../x")]
    [InlineData("C:\\\\Windows\\\\win.ini")]
    public void A_translation_key_shaped_like_an_escaping_path_is_an_error(string key)
    {
        using var site = TestSite.Build(Settings + $"""
            -- input/en/a.md --
            ---
            title: A
            translation_key: "{key}"
            ---
            """);

        site.AssertDiagnostic("input/en/a.md(3,18): error GEN073: 'translation_key' must be a relative key such as topics/2022/human-security");
    }

    [Fact]
    public void A_layout_name_shaped_like_a_path_is_a_missing_layout_not_a_file_read()
    {
        using var site = TestSite.Build(Settings + """
            -- input/en/a.md --
            ---
            title: A
            layout: ../../../../etc/passwd
            ---
            """);

        site.AssertDiagnostic("input/en/a.md(3,9): error GEN031: layout '../../../../etc/passwd' does not exist");
    }

    [Theory]
    [InlineData("../escaped.html")]
    [InlineData("a/../../escaped.html")]
    [InlineData("/tmp/escaped-absolute.html")]
    public async Task The_output_writer_refuses_destinations_outside_the_output_folder(string destination)
    {
        var root = Directory.CreateTempSubdirectory("generator-escape-").FullName;
        try
        {
            var output = Path.Combine(root, "site", "output");
            var result = await new Engine.Engine([
                new Pipeline("Pages")
                {
                    Input = { new Given([new Document { Source = "input/a.md", Destination = destination, Content = "escaped" }]) },
                    Output = { new WriteFiles() },
                },
            ]).RunAsync(new EngineOptions { OutputFolder = output });

            var error = Assert.Single(result.Diagnostics);
            Assert.StartsWith($"input/a.md(1,1): error GEN003: destination '{destination}' is outside the output folder", error.ToString());
            Assert.Empty(Directory.EnumerateFiles(root, "escaped.html", SearchOption.AllDirectories));
            Assert.False(File.Exists("/tmp/escaped-absolute.html"));
            Assert.False(Directory.Exists(output));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private sealed class Given(IReadOnlyList<Document> documents) : IModule
    {
        public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context) =>
            Task.FromResult(documents);
    }
}
