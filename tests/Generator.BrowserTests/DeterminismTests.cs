namespace Generator.BrowserTests;

// Issue 5: two clean builds of the sample site are byte-identical.
public sealed class DeterminismTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("generator-twice-").FullName;

    [Fact]
    public async Task Two_clean_builds_of_the_sample_site_are_byte_identical()
    {
        var first = await BuiltSite.BuildSampleAsync(Path.Combine(temp, "first"));
        var second = await BuiltSite.BuildSampleAsync(Path.Combine(temp, "second"));

        var files = Files(first.Output);
        Assert.Equal(files, Files(second.Output));
        Assert.Contains("en/topics/2022/human-security/index.html", files);
        var different = files
            .Where(f => !File.ReadAllBytes(Path.Combine(first.Output, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second.Output, f))))
            .ToList();
        Assert.True(different.Count == 0, "these files differ between two builds:\n" + string.Join("\n", different));
    }

    public void Dispose() => Directory.Delete(temp, recursive: true);

    private static List<string> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
}
