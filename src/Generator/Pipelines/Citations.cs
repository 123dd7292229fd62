using Generator.Engine;
using Generator.Engine.Modules;
using Generator.Modules;

namespace Generator.Pipelines;

/// A BibTeX and a RIS file beside every topic (issue 20).
public static class Citations
{
    public static Pipeline Create() => new(nameof(Citations))
    {
        Dependencies = { nameof(Data), nameof(Content) },
        Process = { new ReplaceDocuments(nameof(Content)), new CreateCitationFiles() },
        Output = { new WriteFiles() },
    };
}
