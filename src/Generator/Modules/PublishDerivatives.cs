using Generator.Engine;

namespace Generator.Modules;

/// Turns each photo document into its derivatives, files of the image cache put at their
/// place in the output (as hard links: the cache never changes a file it holds), written
/// with every other file of the build; in a preview, a derivative not in the cache yet
/// carries what makes it on request.
public sealed class PublishDerivatives : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context) =>
        Task.FromResult<IReadOnlyList<Document>>([.. inputs.SelectMany(doc =>
            doc.Get<IReadOnlyList<EncodePhotos.DerivativeFile>>(Keys.Derivatives) is { } derivatives
                ? derivatives.Select(Derivative(doc))
                : doc.Metadata.ContainsKey(Keys.PhotoUses) ? [] : [doc])]);

    private static Func<EncodePhotos.DerivativeFile, Document> Derivative(Document photo) => d =>
    {
        var file = new Document { Source = photo.Source, SourceFile = d.CacheFile, Destination = d.Destination }.With(Keys.FromImageCache, true);
        return d.Request is { } request ? file.With(Keys.EncodeOnRequest, request) : file;
    };
}
