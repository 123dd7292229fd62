using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Generator.Tests.Cli;

/// The built executable started as a user starts it: a child process in the site's folder.
public static class CliProcess
{
    public static string Executable => Path.Combine(AppContext.BaseDirectory, "Generator.Cli.dll");

    public sealed record Outcome(int Code, string Stdout, string Stderr)
    {
        public string All => Stdout + Stderr;

        public override string ToString() => $"exit code {Code}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
    }

    public static Outcome Run(TestSite site, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = Start(site.Root, arguments, environment);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{string.Join(' ', arguments)}' did not finish in two minutes");
        }

        return new Outcome(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// Starts `preview` with <paramref name="arguments"/>, waits until it says where it
    /// serves and serves <paramref name="page"/> there, then stops it with Ctrl+C (SIGINT) as
    /// a terminal does. Returns the page's text and what the process printed.
    /// Starts `preview`, fetches <paramref name="page"/>, and then, given <paramref name="edit"/>,
    /// saves that change and waits until preview has printed <paramref name="printed"/> (or a minute),
    /// then gives the server to <paramref name="afterEdit"/> (to request pages again) before stopping it.
    /// <paramref name="then"/> makes further requests after the page and before the edit.
    public static async Task<(string Page, Outcome Process)> PreviewAsync(
        TestSite site, IReadOnlyList<string> arguments, string page, Action? edit = null, string? printed = null,
        Func<HttpClient, Task>? afterEdit = null, Func<HttpClient, Task>? then = null)
    {
        // The test host may start children with SIGINT ignored; env puts the default back.
        var start = Start(site.Root, ["--default-signal=INT", "dotnet", Executable, "preview", .. arguments], null, program: "env");
        using var process = new Process { StartInfo = start };
        var stdout = new System.Text.StringBuilder();
        var address = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is null)
                return;
            lock (stdout)
                stdout.AppendLine(line.Data);
            if (line.Data.StartsWith("Serving http://", StringComparison.Ordinal))
                address.TrySetResult(new Uri(line.Data["Serving ".Length..].Split(' ')[0]));
        };
        process.Start();
        process.BeginOutputReadLine();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            string? text = null;
            var exited = process.WaitForExitAsync();
            if (await Task.WhenAny(address.Task, exited, Task.Delay(TimeSpan.FromMinutes(2))) == address.Task)
            {
                using var http = new HttpClient { BaseAddress = address.Task.Result, Timeout = TimeSpan.FromSeconds(10) };
                var response = await http.GetAsync(page);
                if (response.StatusCode == HttpStatusCode.OK)
                    text = await response.Content.ReadAsStringAsync();
                if (then is not null)
                    await then(http);
                if (edit is not null)
                {
                    edit();
                    for (var waited = 0; waited < 600 && !process.HasExited; waited++)
                    {
                        lock (stdout)
                        {
                            if (stdout.ToString().Contains(printed ?? "rebuilt", StringComparison.Ordinal))
                                break;
                        }

                        await Task.Delay(100);
                    }

                    if (afterEdit is not null)
                        await afterEdit(http);
                }
            }

            if (!process.HasExited)
            {
                using var kill = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]);
                await kill!.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);
            string all;
            lock (stdout)
                all = stdout.ToString();
            var outcome = new Outcome(process.ExitCode, all, await stderr);
            Assert.True(text is not null, $"preview did not serve {page}:\n{outcome}");
            return (text!, outcome);
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
    }

    private static ProcessStartInfo Start(string folder, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment, string program = "dotnet")
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        if (program == "dotnet")
            start.ArgumentList.Add(Executable);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        return start;
    }
}
