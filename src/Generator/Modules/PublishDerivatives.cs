using Generator.Engine;

namespace Generator.Modules;

/// Turns each photo document into its derivatives, files copied from the image cache to
/// their place in the output, written with every other file of the build.
public sealed class PublishDerivatives : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context) =>
        Task.FromResult<IReadOnlyList<Document>>([.. inputs.SelectMany(doc =>
            doc.Get<IReadOnlyList<EncodePhotos.DerivativeFile>>(Keys.Derivatives) is { } derivatives
                ? derivatives.Select(d => new Document { Source = doc.Source, SourceFile = d.CacheFile, Destination = d.Destination })
                : doc.Metadata.ContainsKey(Keys.PhotoUses) ? [] : [doc])]);
}
