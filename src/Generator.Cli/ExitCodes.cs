namespace Generator.Cli;

public static class ExitCodes
{
    public const int Success = 0;
    public const int ContentErrors = 1;
    public const int Usage = 2;
    /// EX_SOFTWARE from sysexits.h: an internal error.
    public const int Bug = 70;
    public const int Interrupted = 130;
}
