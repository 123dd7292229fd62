using Generator.Content;

namespace Generator.Tests.Unit;

// Issue 3: figures carry their image's real size.
public sealed class ImageSizesTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("generator-images-").FullName;

    [Fact]
    public void A_png_reports_its_pixel_size()
    {
        // The smallest valid PNG: 1×1, one grey pixel.
        var file = Path.Combine(folder, "pixel.png");
        File.WriteAllBytes(file, Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg=="));

        Assert.Equal((1, 1), ImageSizes.Read(file));
    }

    // Issue 6: each format is read by its own reader, and a file whose extension names the
    // wrong format is still measured.
    [Theory]
    [InlineData("photo.jpg", "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=", 1, 1)]
    [InlineData("anim.gif", "R0lGODlhAwACAIAAAP///wAAACwAAAAAAwACAAACAoRRADs=", 3, 2)]
    [InlineData("mislabelled.jpg", "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==", 1, 1)]
    public void Jpeg_gif_and_mislabelled_files_report_their_pixel_size(string name, string base64, int width, int height)
    {
        var file = Path.Combine(folder, name);
        File.WriteAllBytes(file, Convert.FromBase64String(base64));

        Assert.Equal((width, height), ImageSizes.Read(file));
    }

    [Theory]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800"/>""", 1200, 800)]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" width="300px" height="150.4px"/>""", 300, 150)]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 480"/>""", 640, 480)]
    public void An_svg_reports_its_declared_size(string svg, int width, int height)
    {
        var file = Path.Combine(folder, "a.svg");
        File.WriteAllText(file, svg);

        Assert.Equal((width, height), ImageSizes.Read(file));
    }

    [Fact]
    public void A_missing_or_unreadable_image_has_no_size()
    {
        var file = Path.Combine(folder, "broken.jpg");
        File.WriteAllText(file, "not an image");

        Assert.Null(ImageSizes.Read(file));
        Assert.Null(ImageSizes.Read(Path.Combine(folder, "none.png")));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
