using NetVips;

namespace Generator.Photos;

/// libvips' process-wide settings, made once before the first photo (issue 16). Fixed
/// values, never changed afterwards: two worker threads (the machines have two cores), no
/// operation cache (a photo is never processed twice in one build; the cache would hold
/// decoded pixels), and the loaders libvips marks untrusted blocked (a file named .jpg
/// that is really a FITS or MATLAB file never reaches those parsers).
internal static class Libvips
{
    private static readonly Lazy<bool> Configured = new(() =>
    {
        NetVips.NetVips.Concurrency = 2;
        Cache.Max = 0;
        Cache.MaxFiles = 0;
        Cache.MaxMem = 64 * 1024 * 1024;
        NetVips.NetVips.BlockUntrusted = true;
        LibvipsLog.Install();
        return true;
    });

    public static void Configure() => _ = Configured.Value;

    /// What the derivatives depend on besides the original's bytes and the site's widths:
    /// libvips' version and our encoder settings (<see cref="PhotoEncoder.Settings"/>).
    public static string Version
    {
        get
        {
            Configure();
            return NetVips.NetVips.Version(0).ToString(System.Globalization.CultureInfo.InvariantCulture) + "."
                + NetVips.NetVips.Version(1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "."
                + NetVips.NetVips.Version(2).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
