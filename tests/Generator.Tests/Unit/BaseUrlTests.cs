using Generator.Site;

namespace Generator.Tests.Unit;

// Issue 12: one reading of a base URL for site.yml and --base-url.
public sealed class BaseUrlTests
{
    [Theory]
    [InlineData("https://org.github.io/repo", "https://org.github.io/repo/")]
    [InlineData("https://org.github.io/repo/", "https://org.github.io/repo/")]
    [InlineData("https://org.github.io", "https://org.github.io/")]
    [InlineData("  http://127.0.0.1:8080/site  ", "http://127.0.0.1:8080/site/")]
    [InlineData("https://org.github.io/my repo", "https://org.github.io/my%20repo/")]
    [InlineData("https://exämple.org/", "https://xn--exmple-cua.org/")]
    [InlineData("http://[::1]:5000/", "http://[::1]:5000/")]
    public void A_folder_url_is_kept_with_one_trailing_slash(string text, string expected) =>
        Assert.Equal(expected, BaseUrl.Parse(text, out _)!.AbsoluteUri);

    [Theory]
    [InlineData("", "must be an absolute http(s) URL")]
    [InlineData("example.org/repo/", "must be an absolute http(s) URL")]
    [InlineData("ftp://example.org/", "must be an absolute http(s) URL")]
    [InlineData("https://", "must be an absolute http(s) URL")]
    [InlineData("https://example.org/?x=1", "without a query (?…) or fragment (#…)")]
    [InlineData("https://example.org/#top", "without a query (?…) or fragment (#…)")]
    [InlineData("https://user:secret@example.org/", "without a user name or password")]
    [InlineData("https://example.org:0/", "with a port between 1 and 65535")]
    [InlineData("https://org.github.io//repo", "without an empty path segment (//)")]
    [InlineData("https://org.github.io/repo//", "without an empty path segment (//)")]
    [InlineData("https://org.github.io/repo/index.html", "of the site's folder, not of a page")]
    public void Anything_else_is_refused_with_the_reason(string text, string reason)
    {
        Assert.Null(BaseUrl.Parse(text, out var problem));
        Assert.Contains(reason, problem);
    }
}
