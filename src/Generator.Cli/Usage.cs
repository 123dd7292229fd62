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

    public static string ExistingFolder(string path, string option, string what)
    {
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
        if (port != 0)
            return port;
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
