using System.ComponentModel;
using System.Diagnostics;

namespace Generator.Engine;

/// Runs a program as a child that dies with the generator, also when the generator is
/// killed with SIGKILL and has no chance to clean up (issue 13: Pagefind went on writing
/// into an abandoned staging folder for seconds).
///
/// On Linux the child is started through util-linux's `setpriv --pdeathsig KILL`, which
/// asks the kernel (PR_SET_PDEATHSIG) to kill it when its parent dies; the setting survives
/// the exec of the program. A `/bin/sh` step between them checks that its parent is still
/// the generator, so a generator that died before setpriv made the request is not missed.
/// Both are there on every Debian (util-linux is essential). A process group would not
/// do: nothing is left to signal it after a SIGKILL.
///
/// The kernel sends the signal when the parent *thread* ends, not the process: the child
/// is started on a dedicated thread that lives until the child exits, never on a pool
/// thread that may be retired while the child runs.
///
/// Without setpriv (other systems) the child is started directly; cancelling still kills it.
public static class ChildProcess
{
    /// How the child ended: its exit code and what it wrote to stdout and stderr.
    public sealed record Result(int ExitCode, string Output, string Errors);

    // Runs with $1 = the generator's pid and the program after it: $PPID is the parent
    // at the shell's start, so a generator that is already gone shows as another pid.
    private const string CheckParent = "[ \"$PPID\" = \"$1\" ] || exit 125; shift; exec \"$@\"";

    private static readonly string? Setpriv = OperatingSystem.IsLinux() && File.Exists("/bin/sh") ? FindOnPath("setpriv") : null;

    /// Runs <paramref name="program"/> to its end. Cancelling kills it (and its children) and
    /// throws <see cref="OperationCanceledException"/>; a program that cannot start throws
    /// <see cref="Win32Exception"/>.
    public static Task<Result> RunAsync(string program, IEnumerable<string> arguments, string workingDirectory, CancellationToken cancel)
    {
        var start = Setpriv is { } setpriv ? new ProcessStartInfo(setpriv) : new ProcessStartInfo(program);
        if (Setpriv is not null)
        {
            foreach (var argument in new[] { "--pdeathsig", "KILL", "--", "/bin/sh", "-c", CheckParent, "sh", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), program })
                start.ArgumentList.Add(argument);
        }

        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.WorkingDirectory = workingDirectory;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;

        cancel.ThrowIfCancellationRequested();
        var done = new TaskCompletionSource<Result>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() => Run(start, done, cancel))
        {
            IsBackground = true,
            Name = "child " + Path.GetFileName(program),
        };
        thread.Start();
        return done.Task;
    }

    private static void Run(ProcessStartInfo start, TaskCompletionSource<Result> done, CancellationToken cancel)
    {
        try
        {
            using var process = Process.Start(start) ?? throw new Win32Exception("the process did not start");
            using var kill = cancel.Register(() =>
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It has already exited.
                }
            });
            var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
            process.WaitForExit();
            var result = new Result(process.ExitCode, output.GetAwaiter().GetResult(), errors.GetAwaiter().GetResult());
            if (cancel.IsCancellationRequested)
                done.TrySetCanceled(cancel);
            else
                done.TrySetResult(result);
        }
        catch (Exception e)
        {
            done.TrySetException(e);
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin").Append("/bin")
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
}
