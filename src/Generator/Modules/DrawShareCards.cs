using Generator.Engine;
using Generator.Photos;

namespace Generator.Modules;

/// Draws the share cards the topics ask for (<see cref="PlanShareCards"/>), one document per
/// card, into the photo derivatives' cache (an entry keyed by the card's text, the fonts and
/// the drawing settings), and publishes each as a file of that cache, as photos' derivatives
/// are: a warm build draws nothing, and a title edit draws that topic's cards again.
public sealed class DrawShareCards(PhotoCache cache, ShareCardFonts fonts) : IModule
{
    public async Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context)
    {
        var topics = context.OutputsOf(nameof(Pipelines.Content), "share cards", d => (
            Card: d.Get<ShareCard>(Keys.ShareCard),
            Coverless: d.Get<Content.PageKind>(Keys.Kind) == Content.PageKind.Topic && d.Get<string>(Keys.Cover) is null,
            Source: d.Source ?? d.Destination));
        if (!SiteData.Site(context).ShareCards)
            return inputs;
        if (!fonts.Available)
        {
            var without = topics.Where(t => t.Coverless).Select(t => t.Source).Order(StringComparer.Ordinal).ToList();
            if (without.Count > 0)
                context.Warning(DiagnosticCodes.ShareCardFonts, new SourcePosition(without[0], 1, 1),
                    $"{Topics(without.Count)} no cover image, and no share card (the link preview image) can be drawn for "
                    + $"{(without.Count == 1 ? "it" : "them")}: the fonts {ShareCardFonts.RegularFile} and {ShareCardFonts.BoldFile} are not in "
                    + $"{string.Join(", ", fonts.Folders)}; install them (Debian and Ubuntu: apt install fonts-noto-cjk), or give each topic a cover with image:");
            return inputs;
        }

        var cards = topics.Where(t => t.Card is not null).Select(t => (Card: t.Card!, t.Source)).OrderBy(t => t.Card.Path, StringComparer.Ordinal).ToList();
        var made = await Task.WhenAll(cards.Select(c => Task.Run(() => Card(c.Card, c.Source, context), context.CancellationToken))).ConfigureAwait(false);
        return [.. inputs, .. made.OfType<Document>()];
    }

    private static string Topics(int count) => count == 1 ? "a topic has" : $"{count} topics have";

    private Document? Card(ShareCard card, string source, BuildContext context)
    {
        var key = ShareCardImage.Key(card, fonts);
        var file = cache.FileOf(key, ShareCardImage.FileName);
        if (!File.Exists(file))
        {
            byte[] bytes;
            try
            {
                bytes = ShareCardImage.Draw(card, fonts);
            }
            catch (NetVips.VipsException e)
            {
                context.Error(DiagnosticCodes.ShareCardFailed, new SourcePosition(source, 1, 1),
                    $"its share card (the link preview image) cannot be drawn: {PhotoReader.FirstLine(e.Message)}; give the topic a cover with image:");
                return null;
            }

            try
            {
                cache.Store(key, [(ShareCardImage.FileName, bytes)]);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Error(DiagnosticCodes.PhotoCache, new SourcePosition(source, 1, 1),
                    $"its share card cannot be stored in the image cache {cache.Folder}: {Reasons.Of(e)}; make the folder writable or pass another with --cache-dir");
                return null;
            }
        }

        return new Document { Source = source, SourceFile = file, Destination = card.Path.TrimStart('/') }.With(Keys.FromImageCache, true);
    }
}
