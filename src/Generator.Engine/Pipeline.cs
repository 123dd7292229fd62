namespace Generator.Engine;

/// A named list of modules per phase, with the names of the pipelines it depends on.
public sealed class Pipeline(string name)
{
    public string Name { get; } = name;

    public List<string> Dependencies { get; init; } = [];

    public List<IModule> Input { get; init; } = [];

    public List<IModule> Process { get; init; } = [];

    public List<IModule> PostProcess { get; init; } = [];

    public List<IModule> Output { get; init; } = [];

    public IReadOnlyList<IModule> ModulesOf(Phase phase) => phase switch
    {
        Phase.Input => Input,
        Phase.Process => Process,
        Phase.PostProcess => PostProcess,
        _ => Output,
    };
}
