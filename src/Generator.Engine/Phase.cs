namespace Generator.Engine;

/// Phases of a pipeline, in order. Every pipeline's Process finishes before any
/// PostProcess starts, so a layout can list pages from any pipeline.
public enum Phase
{
    Input,
    Process,
    PostProcess,
    Output,
}
