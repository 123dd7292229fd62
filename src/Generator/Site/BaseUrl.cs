namespace Generator.Site;

/// The one reading of a base URL, for site.yml's base_url and the --base-url option alike:
/// an absolute http(s) URL of a folder, without query or fragment, always ending in '/'
/// (GitHub's configure-pages gives "https://org.github.io/repo" without one). A non-ASCII
/// host is kept in its ASCII (punycode) form, which sitemaps and feeds require.
public static class BaseUrl
{
    public const string Example = "https://org.github.io/repo/";

    private const string Absolute = "must be an absolute http(s) URL";

    /// The URL, or null with <paramref name="problem"/> saying what is wrong with it.
    public static Uri? Parse(string? text, out string? problem)
    {
        problem = null;
        var trimmed = text?.Trim() ?? "";
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
            problem = Absolute;
        else if (uri.Query.Length > 0 || uri.Fragment.Length > 0 || trimmed.Contains('?') || trimmed.Contains('#'))
            problem = $"{Absolute} without a query (?…) or fragment (#…)";
        else if (uri.UserInfo.Length > 0)
            problem = $"{Absolute} without a user name or password";
        else if (uri.Port == 0)
            problem = $"{Absolute} with a port between 1 and 65535";
        else if (uri.AbsolutePath.Contains("//", StringComparison.Ordinal))
            problem = $"{Absolute} without an empty path segment (//)";
        else if (uri.Segments[^1].EndsWith(".html", StringComparison.OrdinalIgnoreCase) || uri.Segments[^1].EndsWith(".htm", StringComparison.OrdinalIgnoreCase))
            problem = $"{Absolute} of the site's folder, not of a page";
        if (problem is not null || uri is null)
            return null;

        var port = uri.IsDefaultPort ? "" : $":{uri.Port}";
        var path = uri.AbsolutePath.EndsWith('/') ? uri.AbsolutePath : uri.AbsolutePath + "/";
        var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host : uri.IdnHost;
        return new Uri($"{uri.Scheme}://{host}{port}{path}");
    }
}
