using Generator.Engine;
using Generator.Engine.Modules;

namespace Generator.Modules;

/// Gives files read by ReadFiles (and not yet placed) a destination under <paramref name="folder"/>.
public sealed class PlaceFiles(string folder) : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context) =>
        Task.FromResult<IReadOnlyList<Document>>([.. inputs.Select(doc => doc.Destination.Length > 0
            ? doc
            : doc with { Destination = folder + doc.Require<string>(ReadFiles.RelativePathKey) })]);
}
