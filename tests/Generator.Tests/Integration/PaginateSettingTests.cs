namespace Generator.Tests.Integration;

// Issue 3: site.yml's 'paginate' sets the list page size.
public sealed class PaginateSettingTests
{
    [Fact]
    public void A_page_size_that_is_not_a_positive_whole_number_is_an_error()
    {
        using var site = TestSite.Build("""
            -- input/site.yml --
            paginate: zero
            languages: [en]
            -- input/en/index.md --
            ---
            title: Home
            ---
            """);

        site.AssertDiagnostic("input/site.yml(1,11): error GEN040: paginate must be a whole number of topics per list page from 1 to 10000, such as 20, got \"zero\"");
    }

    [Fact]
    public void A_page_size_of_one_gives_each_topic_its_own_list_page()
    {
        using var site = TestSite.Build("""
            -- input/site.yml --
            paginate: 1
            languages: [en]
            -- input/en/index.md --
            ---
            title: Home
            ---
            -- input/en/topics/2022/a.md --
            ---
            title: A
            summary: S
            date: 2022-01-01
            number: 1
            ---
            -- input/en/topics/2022/b.md --
            ---
            title: B
            summary: S
            date: 2022-01-02
            number: 2
            ---
            """);

        site.AssertFile("en/topics/2022/index.html", """
            /en/topics/2022/a/
            ! /en/topics/2022/b/
            """);
        site.AssertFile("en/topics/2022/page/2/index.html", """
            /en/topics/2022/b/
            <title>White Paper on Development Cooperation 2022 – Page 2 | White Paper Topics</title>
            """);
    }
}
