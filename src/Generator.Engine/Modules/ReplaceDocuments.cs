namespace Generator.Engine.Modules;

/// Replaces the inputs with another pipeline's documents, so the steps after it work on
/// those pages one by one (a check of every page of another pipeline, say).
public sealed class ReplaceDocuments(string pipeline) : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context) =>
        Task.FromResult(context.OutputsOf(pipeline));
}
