namespace Generator.Tests.Integration;

// Issue 17: glossary.yml, prh's rules plus bilingual terms; `check` (with or without
// --translations) and preview warn at a forbidden variant in a translation, and at a
// translated block whose original uses a term without its agreed translation; `build` does not.
public sealed class GlossaryTests
{
    private const string Site = """
        -- input/site.yml --
        languages: [en, ja]
        -- input/glossary.yml --
        version: 1
        rules:
          - expected: 人間の安全保障
            patterns:
              - ヒューマンセキュリティ
              - /ヒューマン・セキュリティ/
          - expected: 開発協力大綱
            pattern: ODA大綱
            prh: 2015年に改定された
        terms:
          - { en: grant aid, ja: 無償資金協力 }
          - { en: human security, ja: 人間の安全保障 }
        -- input/en/index.md --
        ---
        title: Home
        ---
        -- input/ja/index.md --
        ---
        title: ホーム
        ---
        -- input/en/topics/2022/aid.md --
        ---
        title: Human security
        summary: S
        date: 2022-01-01
        ---
        ## Grant aid

        Japan gives grant aid to many countries.

        The ODA Charter became the Development Cooperation Charter.
        -- input/ja/topics/2022/aid.md --
        ---
        title: ヒューマンセキュリティ
        summary: エス
        ---
        ## 無償資金協力

        日本は多くの国に無償の援助を行っている。

        ODA大綱は開発協力大綱になった。
        """;

    [Fact]
    public void Check_translations_warns_at_a_forbidden_variant_and_at_a_block_missing_the_agreed_term()
    {
        using var site = TestSite.Create(Site);

        var (code, text) = CommandLineTests.Run(site, "check", "--translations");
        var (_, github) = CommandLineTests.Run(site, "check", "--translations", "--format", "github");

        Assert.True(code == 0, text);
        TestSite.AssertText(text, """
            glossary (input/glossary.yml): 4 warnings
            input/ja/topics/2022/aid.md(2,8): warning GEN101: 'ヒューマンセキュリティ' is not the agreed term; write '人間の安全保障' (glossary.yml)
            input/ja/topics/2022/aid.md(9,1): warning GEN101: 'ODA大綱' is not the agreed term; write '開発協力大綱' (glossary.yml: 2015年に改定された)
            input/ja/topics/2022/aid.md(2,1): warning GEN102: input/en/topics/2022/aid.md(2,1) says 'human security', but this 'title' does not use its agreed translation '人間の安全保障' (glossary.yml)
            input/ja/topics/2022/aid.md(7,1): warning GEN102: input/en/topics/2022/aid.md(8,1) says 'grant aid', but this paragraph does not use its agreed translation '無償資金協力' (glossary.yml)
            ! input/ja/topics/2022/aid.md(5,1): warning GEN102
            ! 開発協力大綱になった。' is not
            """, "check --translations");
        Assert.Contains("::warning file=input/ja/topics/2022/aid.md,line=2,col=8,title=GEN101::", github);
    }

    [Fact]
    public void A_mistake_in_the_glossary_is_an_error_at_its_line()
    {
        using var site = TestSite.Create(Site + "\n" + """
            -- input/glossary.yml --
            rules:
              - patterns: [ヒューマンセキュリティ]
            """);

        var (code, text) = CommandLineTests.Run(site, "check", "--translations");

        Assert.Equal(1, code);
        Assert.Contains("input/glossary.yml(2,5): error GEN100: a rule needs 'expected:' (the agreed term) and 'patterns:'", text);
    }

    // Outside review, item 5: a rule's shape, empty terms and patterns, and a term missing a
    // language are reported, each at its line, saying what to write.
    [Fact]
    public void A_glossary_of_the_wrong_shape_or_with_empty_or_missing_words_says_what_to_write()
    {
        using var shapes = TestSite.Create(Site + "\n" + """
            -- input/glossary.yml --
            rules: 5
            terms:
              - { en: grant aid }
              - { en: technical cooperation, ja: "" }
              - { en: ODA, jp: 政府開発援助 }
            """);
        using var empty = TestSite.Create(Site + "\n" + """
            -- input/glossary.yml --
            rules:
              - expected: 人間の安全保障
                patterns: //
              - expected: 円借款
                patterns: []
            terms: []
            """);

        var (code, text) = CommandLineTests.Run(shapes, "check");
        var (emptyCode, emptyText) = CommandLineTests.Run(empty, "check");

        Assert.Equal(1, code);
        TestSite.AssertText(text, """
            input/glossary.yml(1,8): error GEN100: 'rules' must be a list of prh rules, such as 'rules:' then '  - expected: 人間の安全保障' and '    patterns: [ヒューマンセキュリティ]'
            input/glossary.yml(3,5): error GEN100: the term 'grant aid' has no 'ja'; add 'ja: …' with its agreed translation
            input/glossary.yml(4,38): error GEN100: the term's 'ja' is empty; write its agreed words in ja, or leave the term out
            input/glossary.yml(5,16): error GEN100: 'jp' is not a language of the site (en, ja); did you mean 'ja'?
            input/glossary.yml(5,5): error GEN100: the term 'ODA' has no 'ja'
            ! unknown key 'rules'
            """, "a glossary of the wrong shape");
        Assert.Equal(1, emptyCode);
        TestSite.AssertText(emptyText, """
            input/glossary.yml(3,15): error GEN100: '//', an empty regular expression, would match everywhere; write the variant to replace by '人間の安全保障'
            input/glossary.yml(5,15): error GEN100: 'patterns: []' lists no variant; list the variants to replace by '円借款', or leave 'patterns' out
            """, "empty patterns");
    }

    // Outside review, item 5: only prose is matched, not link targets, URLs or e-mail addresses.
    [Fact]
    public void Variants_and_terms_are_matched_in_prose_only_not_in_urls_or_email_addresses()
    {
        using var site = TestSite.Create(Site + "\n" + """
            -- input/glossary.yml --
            rules:
              - expected: 外務省
                patterns: [mofa]
            terms:
              - { en: ODA, ja: 政府開発援助 }
            -- input/en/topics/2022/links.md --
            ---
            title: Links
            summary: S
            date: 2022-01-03
            ---
            See [the ministry](https://www.mofa.go.jp/policy/oda/) or <https://example.org/oda/>.
            -- input/ja/topics/2022/links.md --
            ---
            title: リンク
            summary: エス
            ---
            詳しくは[外務省](https://www.mofa.go.jp/mofaj/)、<https://www.mofa.go.jp/>、https://www.mofa.go.jp/ja/ または info@mofa.go.jp まで。mofa は略称です。
            """);

        var (code, text) = CommandLineTests.Run(site, "check");

        Assert.True(code == 0, text);
        TestSite.AssertText(text, """
            input/ja/topics/2022/links.md(5,118): warning GEN101: 'mofa' is not the agreed term; write '外務省'
            ! input/ja/topics/2022/links.md(5,1): warning GEN102
            """, "check");
        Assert.Single(text.Split('\n'), l => l.Contains("links.md", StringComparison.Ordinal) && l.Contains("GEN10", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pattern_that_would_backtrack_without_end_is_matched_in_linear_time()
    {
        // (a+)+$ against a long run of a's and a stop takes exponential time in a backtracking engine.
        var site = Site.Replace("              - /ヒューマン・セキュリティ/", "              - /(a+)+$/\n              - /ヒューマン・セキュリティ/", StringComparison.Ordinal)
            .Replace("ODA大綱は開発協力大綱になった。", "ODA大綱は開発協力大綱になった。\n\n" + new string('a', 80) + "!", StringComparison.Ordinal);
        using var created = TestSite.Create(site);

        var (code, text) = CommandLineTests.Run(created, "check");

        Assert.True(code == 0, text);
        Assert.DoesNotContain("GEN002", text, StringComparison.Ordinal);
        Assert.Contains("input/ja/topics/2022/aid.md(2,8): warning GEN101", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_check_warns_about_terminology_and_build_does_not()
    {
        using var site = TestSite.Create(Site);

        var (code, text) = CommandLineTests.Run(site, "check");
        using var built = TestSite.Build(Site);

        Assert.True(code == 0, text);
        TestSite.AssertText(text, """
            input/ja/topics/2022/aid.md(2,8): warning GEN101: 'ヒューマンセキュリティ' is not the agreed term; write '人間の安全保障' (glossary.yml)
            input/ja/topics/2022/aid.md(7,1): warning GEN102: input/en/topics/2022/aid.md(8,1) says 'grant aid'
            """, "check");
        Assert.DoesNotContain(built.Result.Diagnostics, d => d.Code is DiagnosticCodes.GlossaryVariant or DiagnosticCodes.GlossaryTermMissing or DiagnosticCodes.GlossaryMistake);
    }

    [Fact]
    public void Preview_style_rebuilds_warn_again_after_a_save_of_the_translation_or_of_the_glossary()
    {
        using var site = TestSite.Running(Site);
        const string Translation = "input/ja/topics/2022/aid.md";
        Assert.Contains(site.Result.Diagnostics, d => d.Code == DiagnosticCodes.GlossaryVariant && d.Position!.Value.Line == 2);

        site.Edit(Translation, "title: ヒューマンセキュリティ", "title: 人間の安全保障").Build();
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Position?.Path == Translation && d.Position!.Value.Line == 2);

        site.Edit("input/glossary.yml", "rules:\n", "rules:\n  - expected: 支援\n    patterns: [援助]\n").Build();
        Assert.Contains(site.Result.Diagnostics, d => d.Code == DiagnosticCodes.GlossaryVariant && d.Position?.Path == Translation && d.Message.StartsWith("'援助'", StringComparison.Ordinal));

        site.Edit("input/glossary.yml", "  - expected: 支援\n    patterns: [援助]\n", "  - patterns: [援助]\n").Build();
        Assert.Contains(site.Result.Diagnostics, d => d.Code == DiagnosticCodes.GlossaryMistake && d.Position?.Path == "input/glossary.yml");
    }

    [Fact]
    public async Task The_preview_process_prints_the_warnings_and_shows_them_beside_the_translated_block()
    {
        using var site = TestSite.Create(Site);

        var (page, process) = await Cli.CliProcess.PreviewAsync(site, ["--port", "0"], "_translate/ja/topics/2022/aid/");

        TestSite.AssertText(process.Stdout, "input/ja/topics/2022/aid.md(2,8): warning GEN101: 'ヒューマンセキュリティ' is not the agreed term", "preview's output");
        TestSite.AssertText(page, """
            <li><code>GEN101</code> &#39;ヒューマンセキュリティ&#39; is not the agreed term; write &#39;人間の安全保障&#39; (glossary.yml) <span class="at">(input/ja/topics/2022/aid.md(2,8))</span></li>
            <code>GEN102</code> input/en/topics/2022/aid.md(8,1) says &#39;grant aid&#39;
            """, "the side-by-side view");
    }
}
