namespace Generator.Tests.Unit;

// Issue 12 (outside look): the build replaces its output folder as a whole, so it must never
// be, or hold, the sources or the folder the build runs in.
public sealed class OutputFolderTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("generator-output-").FullName;

    [Theory]
    [InlineData("output", null)]
    [InlineData("_site", null)]
    [InlineData("public/site", null)]
    [InlineData("input", "would replace the input folder")]
    [InlineData("input/", "would replace the input folder")]
    [InlineData("theme", "would replace the theme folder")]
    [InlineData(".", "would replace the input folder")]
    [InlineData("..", "would replace the input folder")]
    [InlineData("input/out", "is inside the input folder")]
    [InlineData("theme/assets/out", "is inside the theme folder")]
    [InlineData("", "must be named")]
    [InlineData("  ", "must be named")]
    public void Problem_names_the_folder_at_risk(string output, string? problem)
    {
        Directory.CreateDirectory(Path.Combine(root, "input"));
        Directory.CreateDirectory(Path.Combine(root, "theme"));

        var found = Generator.OutputFolder.Problem(output.Length > 0 && output.Trim().Length > 0 ? Path.Combine(root, output) : output,
            Path.Combine(root, "input"), Path.Combine(root, "theme"), root);

        if (problem is null)
            Assert.Null(found);
        else
            Assert.Contains(problem, found);
    }

    [Fact]
    public void A_file_or_a_symbolic_link_is_not_an_output_folder()
    {
        File.WriteAllText(Path.Combine(root, "afile"), "x");
        Directory.CreateDirectory(Path.Combine(root, "real"));
        Directory.CreateSymbolicLink(Path.Combine(root, "link"), Path.Combine(root, "real"));

        Assert.Contains("is a file", Generator.OutputFolder.Problem(Path.Combine(root, "afile"), "/in", "/th", "/elsewhere"));
        Assert.Contains("is a symbolic link", Generator.OutputFolder.Problem(Path.Combine(root, "link"), "/in", "/th", "/elsewhere"));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
