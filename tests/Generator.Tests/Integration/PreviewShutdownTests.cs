using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Generator.Tests.Integration;

// Issue 4: Ctrl+C (SIGINT) stops the real `preview` process cleanly and frees its port.
public sealed class PreviewShutdownTests
{
    [Fact]
    public async Task Ctrl_c_stops_preview_and_leaves_nothing_listening()
    {
        using var site = TestSite.Create("""
            -- input/site.yml --
            languages: [en, ja]
            -- input/en/index.md --
            ---
            title: Home
            ---
            """);
        var port = TestSite.FreeLoopbackPort();
        // The test host may start children with SIGINT ignored; env puts the default back,
        // as a terminal would have it.
        var start = new ProcessStartInfo("env") { WorkingDirectory = site.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--default-signal=INT", "dotnet", Path.Combine(AppContext.BaseDirectory, "Generator.Cli.dll"), "preview", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(5) };
            var served = false;
            for (var attempt = 0; attempt < 120 && !served && !process.HasExited; attempt++)
            {
                try
                {
                    served = (await http.GetAsync("en/")).StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(500);
                }
            }

            Assert.True(served, "preview never served /en/");

            using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                await kill.WaitForExitAsync();

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, process.ExitCode);
            using var client = new TcpClient();
            await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, port));
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
    }
}
