using System.Diagnostics;
using System.Globalization;

namespace Generator.Tests.Integration;

// Issue 13, A.24: after `kill -9` of the generator during indexing, Pagefind went on
// writing into the abandoned staging folder. A child of the generator now dies with it.
public sealed class ChildProcessTests
{
    private const string Site = """
        -- input/site.yml --
        languages: [en]
        -- input/en/index.md --
        ---
        title: Home
        ---
        -- input/en/topics/2022/a.md --
        ---
        title: A
        summary: S
        date: 2022-01-01
        ---
        Text.
        """;

    [Fact]
    public async Task Pagefind_dies_when_the_generator_is_killed()
    {
        using var site = TestSite.Create(Site);
        var pidFile = Path.Combine(site.Root, "pagefind.pid");
        // The generator as installed, with a stand-in for the Pagefind the build installs
        // beside it: one that never ends and keeps writing into the staging folder.
        var cli = CopyGeneratorWithPagefind(site, $"""
            #!/bin/sh
            echo $$ > '{pidFile}.part' && mv '{pidFile}.part' '{pidFile}'
            while :; do date > indexing; sleep 0.1; done
            """);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = site.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(cli, "Generator.Cli.dll"));
        start.ArgumentList.Add("build");
        using var generator = Process.Start(start)!;
        var stdout = generator.StandardOutput.ReadToEndAsync();
        var stderr = generator.StandardError.ReadToEndAsync();
        int? pagefind = null;
        try
        {
            // Generous bounds that catch a hang, not speed assertions.
            if (!await WaitForAsync(() => File.Exists(pidFile) || generator.HasExited, TimeSpan.FromMinutes(2)) || !File.Exists(pidFile))
                Assert.Fail($"Pagefind never started:\n{(generator.HasExited ? await stdout + await stderr : "")}");
            pagefind = int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture);
            Assert.True(IsRunning(pagefind.Value), "the stand-in Pagefind is not running");

            generator.Kill(); // SIGKILL: the generator cannot clean up.
            Assert.True(await WaitForAsync(() => generator.HasExited, TimeSpan.FromSeconds(30)), "the generator did not die");

            Assert.True(await WaitForAsync(() => !IsRunning(pagefind.Value), TimeSpan.FromSeconds(10)),
                $"Pagefind (pid {pagefind}) still runs 10 s after the generator was killed");
        }
        finally
        {
            if (!generator.HasExited)
                generator.Kill();
            if (pagefind is { } pid && IsRunning(pid))
                Process.GetProcessById(pid).Kill();
        }
    }

    /// A copy of the generator's assemblies (the test's output folder holds the CLI) with
    /// <paramref name="pagefind"/> as the Pagefind binary beside them.
    private static string CopyGeneratorWithPagefind(TestSite site, string pagefind)
    {
        var from = AppContext.BaseDirectory;
        var to = Path.Combine(site.Root, "generator");
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.StartsWith("pagefind" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, relative))!);
            File.Copy(file, Path.Combine(to, relative));
        }

        var binary = Path.Combine(to, "pagefind", "pagefind_extended");
        Directory.CreateDirectory(Path.GetDirectoryName(binary)!);
        File.WriteAllText(binary, pagefind.Replace("\r\n", "\n") + "\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(binary, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return to;
    }

    /// Running, and not a zombie waiting for a parent (or init) to reap it.
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state is not ("Z" or "X");
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return false;
        }
    }

    private static async Task<bool> WaitForAsync(Func<bool> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit)
                return false;
            await Task.Delay(50);
        }

        return true;
    }
}
