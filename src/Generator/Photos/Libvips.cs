using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
    /// libvips' version and our encoder settings (<see cref="PhotoEncoder.Settings"/>). Read
    /// from the library itself, without starting NetVips: a warm build needs the version for
    /// every cache key but encodes nothing, and NetVips' first use initialises libvips (its
    /// types, its threads, our log handler) for nothing then.
    public static string Version => KnownVersion.Value;

    private static readonly Lazy<string> KnownVersion = new(() =>
    {
        try
        {
            // vips_version returns the numbers the library was built with; it needs no vips_init.
            return string.Create(CultureInfo.InvariantCulture, $"{VipsVersion(0)}.{VipsVersion(1)}.{VipsVersion(2)}");
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not Linux's file name (NetVips maps its own imports per system): ask NetVips.
            return VersionFromNetVips();
        }
    });

    // Apart, so that compiling the lambda above does not load NetVips' assembly.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string VersionFromNetVips()
    {
        Configure();
        return string.Create(CultureInfo.InvariantCulture, $"{NetVips.NetVips.Version(0)}.{NetVips.NetVips.Version(1)}.{NetVips.NetVips.Version(2)}");
    }

    // The name NetVips' own imports resolve to on Linux, found beside the assemblies
    // (NetVips.Native's runtimes/linux-x64/native/), so it is the library NetVips loads.
    [DllImport("libvips.so.42", EntryPoint = "vips_version")]
    private static extern int VipsVersion(int flag);
}
