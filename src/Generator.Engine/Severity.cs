namespace Generator.Engine;

public enum Severity
{
    Warning,
    Error,
}
