using System.Diagnostics;
using System.Text.Json;

namespace Generator.BrowserTests;

/// The Nu Html Checker (npm package vnu-jar, installed by tests/run.sh) run with the
/// machine's Java over a set of files; one line per error: "page(line,col): message".
public static class HtmlValidator
{
    public static string Jar => Path.Combine(BuiltSite.RepositoryRoot(), "tests", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    public static async Task<IReadOnlyList<string>> ValidateAsync(string root, IEnumerable<string> files)
    {
        if (!File.Exists(Jar))
            throw new InvalidOperationException($"the Nu Html Checker is missing ({Jar}); run: npm ci --prefix tests (or bash tests/run.sh)");

        var start = new ProcessStartInfo("java") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-jar", Jar, "--errors-only", "--format", "json", "--exit-zero-always" }.Concat(files))
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException("java could not start; install it with: apt-get install -y default-jre-headless");
        var output = process.StandardOutput.ReadToEndAsync();
        var json = await process.StandardError.ReadToEndAsync(); // vnu writes its JSON report to stderr
        await process.WaitForExitAsync();
        await output;
        if (process.ExitCode != 0 || !json.TrimStart().StartsWith('{'))
            throw new InvalidOperationException($"the Nu Html Checker failed (exit {process.ExitCode}):\n{json}");

        using var report = JsonDocument.Parse(json);
        return report.RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("type").GetString() == "error")
            .Select(m => $"{Display(root, m)}({Int(m, "lastLine")},{Int(m, "firstColumn")}): {m.GetProperty("message").GetString()}")
            .ToList();
    }

    private static string Display(string root, JsonElement message)
    {
        var url = message.TryGetProperty("url", out var u) ? u.GetString() ?? "" : "";
        if (!url.StartsWith("file:", StringComparison.Ordinal))
            return url;
        var path = Uri.UnescapeDataString(url["file:".Length..]); // vnu writes "file:/tmp/x.html"
        return Path.GetRelativePath(root, path.StartsWith("//", StringComparison.Ordinal) ? path[2..] : path).Replace('\\', '/');
    }

    private static int Int(JsonElement message, string name) =>
        message.TryGetProperty(name, out var value) ? value.GetInt32() : 0;
}
