using System.Globalization;
using System.Text;

namespace Generator.Cli;

/// A bug in the generator: the details go to a file under the system's temp folder, and the
/// user sees one line that says so, never a stack trace.
public static class CrashReport
{
    /// Writes the report and returns the line to print.
    public static string Write(Exception bug, IReadOnlyList<string> args) => Write([bug], args);

    public static string Write(IReadOnlyList<Exception> bugs, IReadOnlyList<string> args)
    {
        var first = bugs[0];
        var summary = $"{first.GetType().Name}: {FirstLine(first.Message)}";
        try
        {
            var folder = Path.Combine(Path.GetTempPath(), "generator-bugs");
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, $"bug-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{Environment.ProcessId}.txt");
            var text = new StringBuilder()
                .AppendLine(CultureInfo.InvariantCulture, $"generator {typeof(CrashReport).Assembly.GetName().Version} on .NET {Environment.Version}, {Environment.OSVersion}")
                .AppendLine(CultureInfo.InvariantCulture, $"arguments: {string.Join(' ', args)}")
                .AppendLine(CultureInfo.InvariantCulture, $"directory: {Environment.CurrentDirectory}");
            foreach (var bug in bugs)
                text.AppendLine().AppendLine(bug.ToString());
            File.WriteAllText(file, text.ToString());
            return $"error {DiagnosticCodes.InternalError}: a bug in the generator stopped it ({summary}); the details are in {file}: please report it with that file";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"error {DiagnosticCodes.InternalError}: a bug in the generator stopped it ({summary}); its details could not be written ({e.Message}): please report it";
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0].TrimEnd('\r');
}
