namespace Generator.Cli;

/// Lets the process-level tests prove that a bug is reported as one line and exit code 70:
/// with GENERATOR_INJECT_FAULT=1 in the environment the program throws before its command runs.
public static class Faults
{
    public const string Variable = "GENERATOR_INJECT_FAULT";

    public static void InjectIfAsked()
    {
        if (Environment.GetEnvironmentVariable(Variable) == "1")
            throw new InvalidOperationException($"fault injected by {Variable}=1");
    }
}
