namespace Generator.Engine;

public enum Severity
{
    Warning,
    Error,

    /// Information that needs no action and fails nothing, not even with warnings as errors:
    /// what `check` left out on purpose (drafts, scheduled topics).
    Note,
}
