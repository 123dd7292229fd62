using System.Net;
using System.Net.Sockets;

namespace Generator.Cli;

/// Option values checked before any work starts; a bad one is a <see cref="UsageException"/>.
public static class Usage
{
    public static Uri? BaseUrl(string? text)
    {
        if (text is null)
            return null;
        return Site.BaseUrl.Parse(text, out var problem)
            ?? throw new UsageException(DiagnosticCodes.SiteConfig, $"--base-url {problem}, such as {Site.BaseUrl.Example}, got \"{text}\"");
    }

    public static string OutputFolder(string output, string input, string theme) =>
        Generator.OutputFolder.Problem(output, input, theme, Directory.GetCurrentDirectory()) is { } problem
            ? throw new UsageException(DiagnosticCodes.Usage, $"--output: {problem}")
            : output;

    /// The photos' cache folder (null: the default beside the input). Never in the input or
    /// theme folder, whose files are published (the cache records each original's device,
    /// inode, hash and local path), nor in the output folder, which a build replaces.
    public static string? CacheFolder(string? cache, string input, string theme, string? output)
    {
        if (cache is not { Length: > 0 })
            return null;
        var full = Generator.OutputFolder.Trimmed(Path.GetFullPath(cache));
        // Where the folders really are: a cache reached through a link into input/ is in input/.
        var real = Generator.OutputFolder.Real(full);
        foreach (var (folder, what, why) in new[]
        {
            (input, "the input folder", "whose files are published"),
            (theme, "the theme folder", "whose files are published"),
            (output, "the output folder", "which every build replaces"),
        })
        {
            if (folder is null)
                continue;
            var kept = Generator.OutputFolder.Real(folder);
            if (Generator.OutputFolder.Contains(kept, real))
                throw new UsageException(DiagnosticCodes.Usage,
                    $"--cache-dir: '{cache}' is {(kept == real ? "" : "inside ")}{what} ({kept}), {why}; choose a folder outside it, such as .cache/images (the default, beside the input folder)");
            if (Generator.OutputFolder.Contains(real, kept))
                throw new UsageException(DiagnosticCodes.Usage,
                    $"--cache-dir: '{cache}' holds {what} ({kept}); choose a folder of its own, such as .cache/images (the default, beside the input folder)");
        }

        return full;
    }

    private const string TemporaryCachePrefix = "generator-no-cache-";

    /// A new, empty cache folder for a build with --no-cache, in the system's temporary folder
    /// (on another file system than the output, derivatives are copied rather than linked),
    /// named by the process: the folders of builds that were killed are removed here.
    public static string TemporaryCacheFolder()
    {
        var temporary = Path.GetTempPath();
        try
        {
            foreach (var folder in Directory.EnumerateDirectories(temporary, TemporaryCachePrefix + "*"))
            {
                var rest = Path.GetFileName(folder)[TemporaryCachePrefix.Length..];
                if (int.TryParse(rest.Split('-')[0], System.Globalization.CultureInfo.InvariantCulture, out var pid) && !Running(pid))
                    Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another user's, or being removed: left alone.
        }

        return Path.Combine(temporary, $"{TemporaryCachePrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
    }

    private static bool Running(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// Deletes the folder of a build with --no-cache (the output's links to it stay whole).
    public static void RemoveTemporaryCache(BuildSettings settings)
    {
        if (!settings.TemporaryCache || settings.CacheFolder is not { } folder || !Directory.Exists(folder))
            return;
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"warning: the temporary cache folder '{folder}' could not be removed: {e.Message}");
        }
    }

    public static string InputFolder(string path) => ExistingFolder(path, "--input", "the folder that holds site.yml");

    public static string ExistingFolder(string path, string option, string what)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new UsageException(DiagnosticCodes.Usage, $"{option} must not be empty; pass {what}");
        if (!Directory.Exists(path))
        {
            throw new UsageException(DiagnosticCodes.Usage, File.Exists(path)
                ? $"{option} \"{path}\" is a file; pass {what}"
                : $"{option} \"{path}\" does not exist; pass {what}");
        }

        return path;
    }

    /// The port to listen on: the one given, or for 0 a port the system says is free now.
    public static int Port(int port)
    {
        if (port is < 0 or > IPEndPoint.MaxPort)
            throw new UsageException(DiagnosticCodes.Usage, $"--port must be between 1 and {IPEndPoint.MaxPort} (or 0 for any free port), got {port}");
        // Checked before the first build, which can take a while on a large site.
        using var probe = new TcpListener(IPAddress.Loopback, port);
        try
        {
            probe.Start();
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            throw new UsageException(DiagnosticCodes.Usage, $"cannot listen on 127.0.0.1:{port}: {(e.SocketErrorCode == SocketError.AccessDenied ? "not allowed" : "the port is in use")}; choose another with --port, or --port 0 for any free port");
        }

        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
