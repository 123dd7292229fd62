namespace Generator.Engine;

/// One step of a pipeline: documents in, documents out. Never mutates its inputs.
public interface IModule
{
    Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context);
}
