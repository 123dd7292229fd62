using System.Text.Json;

namespace Generator.Tests.Cli;

// Issue 18, item 1: runtime settings measured against the default and kept (README, Performance).
public sealed class RuntimeSettingsTests
{
    [Fact]
    public void The_generator_runs_without_dynamic_PGO()
    {
        var config = Path.ChangeExtension(CliProcess.Executable, ".runtimeconfig.json");
        using var json = JsonDocument.Parse(File.ReadAllText(config));

        var properties = json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(properties.GetProperty("System.Runtime.TieredPGO").GetBoolean());
    }
}
