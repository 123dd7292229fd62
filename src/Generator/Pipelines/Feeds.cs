using Generator.Engine;
using Generator.Engine.Modules;
using Generator.Modules;

namespace Generator.Pipelines;

/// An Atom feed per language.
public static class Feeds
{
    public static Pipeline Create() => new(nameof(Feeds))
    {
        Dependencies = { nameof(Data), nameof(Content) },
        Process = { new CreateFeeds() },
        Output = { new WriteFiles() },
    };
}
