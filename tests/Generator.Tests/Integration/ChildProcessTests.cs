using System.Diagnostics;
using System.Globalization;
using Generator.Engine;

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

    [Fact]
    public async Task Arguments_output_and_exit_code_pass_through_the_wrapper_as_written()
    {
        string[] arguments = ["a b", "", "$HOME", "\"q\"", "'", "--pdeathsig", "*"];

        var result = await ChildProcess.RunAsync("/bin/sh", ["-c", "printf '[%s]\\n' \"$@\"; echo oops >&2; exit 7", "sh", .. arguments],
            Path.GetTempPath(), CancellationToken.None);

        Assert.Equal(string.Concat(arguments.Select(a => $"[{a}]\n")), result.Output);
        Assert.Equal("oops\n", result.Errors);
        Assert.Equal(7, result.ExitCode);
    }

    // The program replaces the wrapper (exec), so the generator's own child is the program:
    // the parent-death signal and a kill on cancellation reach it.
    [Fact]
    public async Task The_program_is_the_generators_direct_child()
    {
        var result = await ChildProcess.RunAsync("/bin/sh", ["-c", "echo $PPID"], Path.GetTempPath(), CancellationToken.None);

        Assert.Equal(Environment.ProcessId.ToString(CultureInfo.InvariantCulture), result.Output.Trim());
    }

    // PR_SET_PDEATHSIG fires when the thread that started the child ends, not the process:
    // a child started from a thread that ends while it runs must still run to its end.
    [Fact]
    public async Task The_child_outlives_the_thread_that_started_it()
    {
        var started = Path.Combine(Path.GetTempPath(), $"child-{Guid.NewGuid():N}.started");
        Task<ChildProcess.Result>? run = null;
        var starter = new Thread(() =>
        {
            run = ChildProcess.RunAsync("/bin/sh", ["-c", $"touch '{started}'; sleep 1; echo done"], Path.GetTempPath(), CancellationToken.None);
            // End only once the program runs, so setpriv has asked for the signal.
            var clock = Stopwatch.StartNew();
            while (!File.Exists(started) && clock.Elapsed < TimeSpan.FromSeconds(60))
                Thread.Sleep(10);
        });
        try
        {
            starter.Start();
            starter.Join();

            var result = await run!.WaitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal((0, "done\n"), (result.ExitCode, result.Output));
        }
        finally
        {
            File.Delete(started);
        }
    }

    [Fact]
    public async Task Cancelling_kills_the_child()
    {
        var pidFile = Path.Combine(Path.GetTempPath(), $"child-{Guid.NewGuid():N}.pid");
        using var cancel = new CancellationTokenSource();
        var run = ChildProcess.RunAsync("/bin/sh", ["-c", $"echo $$ > '{pidFile}'; exec sleep 600"], Path.GetTempPath(), cancel.Token);
        try
        {
            Assert.True(await WaitForAsync(() => File.Exists(pidFile) && File.ReadAllText(pidFile).EndsWith('\n'), TimeSpan.FromSeconds(60)), "the child never started");
            var pid = int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture);

            await cancel.CancelAsync();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(60)));
            Assert.False(IsRunning(pid), "the child still runs after cancelling");
        }
        finally
        {
            File.Delete(pidFile);
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
