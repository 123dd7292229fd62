namespace Generator.BrowserTests;

// Issue 5: the HTML validity gate fails on an invalid element, naming the file and line.
public sealed class HtmlValidatorTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("generator-vnu-").FullName;

    [Fact]
    public async Task The_validator_names_the_page_the_line_and_the_invalid_element()
    {
        Directory.CreateDirectory(Path.Combine(folder, "en"));
        var page = Path.Combine(folder, "en", "index.html");
        await File.WriteAllTextAsync(page, "<!DOCTYPE html>\n<html lang=\"en\"><head><title>x</title></head>\n<body>\n<blink>old</blink>\n</body></html>\n");

        var errors = await HtmlValidator.ValidateAsync(folder, [page]);

        Assert.Contains(errors, e => e.StartsWith("en/index.html(4,", StringComparison.Ordinal) && e.Contains("blink", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
