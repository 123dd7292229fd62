namespace Generator.Tests.Robustness;

// Issue 8: files that are not what they seem (not Markdown, symbolic links leaving their
// folder, unusual names, colliding URLs) are reported or handled as the README documents.
public sealed class BadFileTests
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
    public void A_file_that_is_not_markdown_in_a_language_folder_is_a_warning_and_not_published()
    {
        using var site = TestSite.Build(Settings + """
            -- input/en/topics/2022/photo.jpg --
            not really a photo
            """);

        site.AssertDiagnostic("input/en/topics/2022/photo.jpg(1,1): warning GEN072: is a photo that no page shows or links to, so it is not published");
        site.AssertSucceeded();
        Assert.DoesNotContain(site.Files(), f => f.EndsWith("photo.jpg", StringComparison.Ordinal));
    }

    [Fact]
    public void A_symbolic_link_to_a_file_outside_input_is_refused_and_not_read()
    {
        using var site = TestSite.Create(Settings);
        var secret = Path.Combine(site.Root, "secret.md");
        File.WriteAllText(secret, "---\ntitle: SECRET-TEXT\n---\n");
        File.CreateSymbolicLink(Path.Combine(site.Root, "input/en/leak.md"), secret);
        File.CreateSymbolicLink(Path.Combine(site.Root, "input/en/passwd.md"), "/etc/passwd");

        site.Rebuild();

        site.AssertDiagnostic($"input/en/leak.md(1,1): error GEN070: is a symbolic link to '{secret}', outside input/");
        site.AssertDiagnostic("input/en/passwd.md(1,1): error GEN070: is a symbolic link to '/etc/passwd', outside input/");
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.ToString().Contains("passwd.md(1,1): error GEN017", StringComparison.Ordinal));
    }

    [Fact]
    public void A_symbolic_link_to_a_folder_outside_input_is_refused_for_content_and_assets()
    {
        using var site = TestSite.Create(Settings);
        var outside = Path.Combine(site.Root, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "private.md"), "---\ntitle: Private\n---\n");
        File.WriteAllText(Path.Combine(outside, "key.pem"), "PRIVATE KEY");
        File.CreateSymbolicLink(Path.Combine(site.Root, "input/en/linked"), outside);
        Directory.CreateDirectory(Path.Combine(site.Root, "input/assets"));
        File.CreateSymbolicLink(Path.Combine(site.Root, "input/assets/keys"), outside);

        site.Rebuild();

        // Issue 13: a folder link is never entered, so its files are not even looked at.
        site.AssertDiagnostic($"input/en/linked(1,1): error GEN075: is a symbolic link to the folder '{outside}'");
        site.AssertDiagnostic($"input/assets/keys(1,1): error GEN075: is a symbolic link to the folder '{outside}'");
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.ToString().Contains("private.md", StringComparison.Ordinal) || d.ToString().Contains("key.pem", StringComparison.Ordinal));
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void A_theme_layout_or_string_file_linking_outside_the_theme_is_refused_and_not_read()
    {
        using var site = TestSite.Create(Settings);
        var secret = Path.Combine(site.Root, "secret.liquid");
        File.WriteAllText(secret, "SECRET-TEXT {{ content }}");
        File.CreateSymbolicLink(Path.Combine(site.Root, "theme/layouts/leak.liquid"), secret);
        File.Delete(Path.Combine(site.Root, "theme/i18n/ja.yml"));
        File.CreateSymbolicLink(Path.Combine(site.Root, "theme/i18n/ja.yml"), "/etc/passwd");

        site.Rebuild();

        site.AssertDiagnostic($"theme/layouts/leak.liquid(1,1): error GEN070: is a symbolic link to '{secret}', outside theme/");
        site.AssertDiagnostic("theme/i18n/ja.yml(1,1): error GEN070: is a symbolic link to '/etc/passwd', outside theme/");
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Message.Contains("root:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_symbolic_link_inside_input_is_followed()
    {
        using var site = TestSite.Build(Settings + """
            -- input/en/real.md --
            ---
            title: Real page
            ---
            """);
        File.CreateSymbolicLink(Path.Combine(site.Root, "input/ja/real.md"), Path.Combine(site.Root, "input/en/real.md"));

        site.Rebuild();

        site.AssertFile("ja/real/index.html", "<title>Real page");
    }

    // Issue 6: the input folder itself may be a link (to a checkout). Issue 13: a folder
    // link inside it is reported, even one pointing inside, and not entered.
    [Fact]
    public void An_input_folder_that_is_itself_a_link_is_followed_but_a_folder_link_inside_it_is_not()
    {
        using var site = TestSite.Create(Settings + """
            -- input/en/real.md --
            ---
            title: Real
            ---
            -- input/shared/ja/real.md --
            ---
            title: 本物
            ---
            """);
        Directory.Delete(Path.Combine(site.Root, "input/ja"), recursive: true);
        Directory.CreateSymbolicLink(Path.Combine(site.Root, "input/ja"), Path.Combine(site.Root, "input/shared/ja"));
        Directory.Move(Path.Combine(site.Root, "input"), Path.Combine(site.Root, "checkout"));
        Directory.CreateSymbolicLink(Path.Combine(site.Root, "input"), Path.Combine(site.Root, "checkout"));

        site.Rebuild(write: false);

        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Code == "GEN070");
        Assert.Contains(site.Result.Outputs["Content"], d => d.Destination == "en/real/index.html");
        site.AssertDiagnostic($"input/ja(1,1): error GEN075: is a symbolic link to the folder '{Path.Combine(site.Root, "input/shared/ja")}'");
    }

    [Fact]
    public void A_link_whose_target_passes_through_another_link_to_outside_is_refused()
    {
        using var site = TestSite.Create(Settings);
        var outside = Path.Combine(site.Root, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "private.md"), "---\ntitle: SECRET-TEXT\n---\n");
        Directory.CreateSymbolicLink(Path.Combine(site.Root, "theme/escape"), outside);
        File.CreateSymbolicLink(Path.Combine(site.Root, "input/en/leak.md"), Path.Combine(site.Root, "input/../theme/escape/private.md"));
        Directory.CreateSymbolicLink(Path.Combine(site.Root, "input/hop"), Path.Combine(site.Root, "outside"));
        File.CreateSymbolicLink(Path.Combine(site.Root, "input/en/hop.md"), "../hop/private.md");

        site.Rebuild();

        site.AssertDiagnostic("input/en/leak.md(1,1): error GEN070");
        site.AssertDiagnostic("input/en/hop.md(1,1): error GEN070");
    }

    [Fact]
    public void File_names_with_spaces_and_japanese_characters_get_percent_encoded_links()
    {
        using var site = TestSite.Build(Settings + """
            -- input/en/my page.md --
            ---
            title: Spaces
            ---
            -- input/en/日本語.md --
            ---
            title: Japanese name
            ---
            [one](my%20page.md) [two](</en/my page/>) [three](/en/日本語/)
            """);

        site.AssertFile("en/日本語/index.html", """
            <a href="/en/my%20page/">one</a> <a href="/en/my%20page/">two</a> <a href="/en/%E6%97%A5%E6%9C%AC%E8%AA%9E/">three</a>
            """);
        Assert.True(site.Exists("en/my page/index.html"));
    }

    [Fact]
    public void Two_files_for_the_same_url_collide()
    {
        using var site = TestSite.Build(Settings + """
            -- input/en/about.md --
            ---
            title: A
            ---
            -- input/en/about/index.md --
            ---
            title: B
            ---
            """);

        site.AssertDiagnostic("input/en/about/index.md(1,1): error GEN004: writes 'en/about/index.html', which input/en/about.md also writes");
    }

    [Fact]
    public void Two_files_whose_urls_differ_only_in_case_collide()
    {
        using var site = TestSite.Build(Settings + """
            -- input/en/About.md --
            ---
            title: A
            ---
            -- input/en/about.md --
            ---
            title: B
            ---
            """);

        site.AssertDiagnostic("input/en/about.md(1,1): error GEN004: writes 'en/about/index.html', which input/en/About.md also writes as 'en/About/index.html' (hosts may ignore case)");
    }
}
