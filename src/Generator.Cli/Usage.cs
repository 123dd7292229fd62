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
