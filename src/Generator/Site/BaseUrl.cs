namespace Generator.Site;

/// The one reading of a base URL, for site.yml's base_url and the --base-url option alike:
/// an absolute http(s) URL without query or fragment, always ending in '/' (GitHub's
/// configure-pages gives "https://org.github.io/repo" without one).
public static class BaseUrl
{
    public const string Example = "https://org.github.io/repo/";

    /// The URL, or null with <paramref name="problem"/> saying what is wrong with it.
    public static Uri? Parse(string? text, out string? problem)
    {
        problem = null;
        var trimmed = text?.Trim() ?? "";
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
        {
            problem = "must be an absolute http(s) URL";
            return null;
        }

        if (uri.Query.Length > 0 || uri.Fragment.Length > 0 || trimmed.Contains('?') || trimmed.Contains('#'))
        {
            problem = "must be an absolute http(s) URL without a query (?…) or fragment (#…)";
            return null;
        }

        if (uri.UserInfo.Length > 0)
        {
            problem = "must be an absolute http(s) URL without a user name or password";
            return null;
        }

        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.GetLeftPart(UriPartial.Path) + "/");
    }
}
