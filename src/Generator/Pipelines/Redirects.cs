using Generator.Engine;
using Generator.Engine.Modules;
using Generator.Modules;

namespace Generator.Pipelines;

/// Redirect pages at the old addresses of moved pages, and the _redirects map (issue 20).
/// After every pipeline of pages, so an alias that is some page's address is caught.
public static class Redirects
{
    private static readonly string[] Pages = [nameof(Content), nameof(Archives), nameof(Search)];

    public static Pipeline Create() => new(nameof(Redirects))
    {
        Dependencies = { nameof(Data), nameof(Content), nameof(Archives), nameof(Search) },
        Process = { new CreateRedirects(Pages) },
        Output = { new WriteFiles() },
    };
}
