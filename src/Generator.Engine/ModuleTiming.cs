namespace Generator.Engine;

/// How long one module took in one phase of one pipeline (wall time; documents inside a
/// module run concurrently, so the figures of a phase add up to more than the build).
public sealed record ModuleTiming(string Pipeline, Phase Phase, string Module, TimeSpan Elapsed);
