using Generator.Engine;
using Generator.Modules;

namespace Generator.Pipelines;

/// The topic catalog every list and layout reads (<see cref="CreateCatalog"/>).
public static class Catalog
{
    public static Pipeline Create() => new(nameof(Catalog))
    {
        Dependencies = { nameof(Data), nameof(Content) },
        Process = { new CreateCatalog() },
    };
}
