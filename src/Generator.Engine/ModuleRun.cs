namespace Generator.Engine;

/// A step a session ran again: a whole-list module (<see cref="Document"/> null) or one
/// document of a per-document module.
public sealed record ModuleRun(string Pipeline, Phase Phase, string Module, string? Document)
{
    public override string ToString() => Document is null ? $"{Pipeline}/{Phase}/{Module}" : $"{Pipeline}/{Phase}/{Module}: {Document}";
}
