namespace Generator.Engine;

/// Codes the engine itself reports; the site's DiagnosticCodes repeats them so tests
/// and documentation find every code in one place.
public static class EngineCodes
{
    public const string PipelineGraph = "GEN001";
    public const string InternalError = "GEN002";
    public const string OutputWrite = "GEN003";
    public const string DuplicateDestination = "GEN004";
    public const string UnreadableFile = "GEN005";
    public const string CacheUnusable = "GEN006";

    // Issue 8 (robustness): codes in the GEN070–GEN089 range.
    public const string LinkOutsideFolder = "GEN070";

    // Issue 13 (hardening)
    public const string FolderLink = "GEN075";
    public const string FileTooLarge = "GEN076";
}
