namespace Generator.Cli;

/// A mistake in how the generator was called (exit code 2): printed as one diagnostic line.
public sealed class UsageException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
