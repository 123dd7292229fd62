using NetVips;

namespace Generator.Photos;

/// libvips' log, taken from GLib (issue 16): without this, libvips prints raw lines such as
/// "(process:8121): VIPS-WARNING **: 06:04:08.693: not enough data" on stderr for a damaged
/// PNG, which no user should see. Every message of the domains libvips and the libraries in
/// NetVips.Native log under goes to the operations running at the time (<see cref="Capture{T}"/>),
/// which turn what matters into diagnostics at the page that names the photo; a message
/// while no operation runs (a test writing a photo) is dropped.
///
/// GLib's log is one per process, so this is the one static mutable state of the photos
/// code. libvips logs from its worker threads, so a message cannot be told by its thread:
/// when operations overlapped and one of them was logged for, that one runs again alone,
/// and only what it logs then is its own.
internal static class LibvipsLog
{
    private static readonly string[] Domains = ["VIPS", "GLib", "GLib-GObject", "GLib-GIO", "Pango", "HarfBuzz"];

    // Error is fatal in GLib whatever a handler does; libvips logs none for bad files.
    private const Enums.LogLevelFlags Levels = Enums.LogLevelFlags.Critical | Enums.LogLevelFlags.Warning
        | Enums.LogLevelFlags.Message | Enums.LogLevelFlags.Info | Enums.LogLevelFlags.Debug;

    private static readonly Lock Gate = new();
    private static readonly List<Scope> Open = [];
    private static readonly ReaderWriterLockSlim Alone = new(LockRecursionPolicy.NoRecursion);

    /// Called once, with libvips' other settings (<see cref="Libvips.Configure"/>).
    public static void Install()
    {
        foreach (var domain in Domains)
            Log.SetLogHandler(domain, Levels, Handle);
    }

    private static void Handle(string domain, Enums.LogLevelFlags level, string message)
    {
        // Info and debug lines (libvips' "thumbnailing …", "selected loader is …") say nothing
        // about the file and GLib prints them only on request: dropped.
        if ((level & (Enums.LogLevelFlags.Critical | Enums.LogLevelFlags.Warning)) == 0)
            return;
        lock (Gate)
        {
            foreach (var scope in Open)
            {
                scope.Messages.Add(message.Trim());
                scope.Shared |= Open.Count > 1;
            }
        }
    }

    /// <paramref name="run"/> and what libvips logged for it (in order, each message once).
    /// A nested call is part of the outer one.
    public static (T Result, IReadOnlyList<string> Messages) Capture<T>(Func<T> run)
    {
        if (Alone.IsReadLockHeld || Alone.IsWriteLockHeld)
            return (run(), []);
        var scope = new Scope();
        Alone.EnterReadLock();
        T result;
        try
        {
            result = Logged(scope, run);
        }
        finally
        {
            Alone.ExitReadLock();
        }

        if (scope.Messages.Count == 0 || !scope.Shared)
            return (result, Distinct(scope.Messages));

        // Another operation was logged for at the same time: run again with no other.
        var alone = new Scope();
        Alone.EnterWriteLock();
        try
        {
            result = Logged(alone, run);
        }
        finally
        {
            Alone.ExitWriteLock();
        }

        return (result, Distinct(alone.Messages));
    }

    /// <paramref name="run"/> with <paramref name="scope"/> open, so what libvips logs meanwhile is kept in it.
    private static T Logged<T>(Scope scope, Func<T> run)
    {
        lock (Gate)
            Open.Add(scope);
        try
        {
            return run();
        }
        finally
        {
            lock (Gate)
                Open.Remove(scope);
        }
    }

    /// The messages that say what is wrong with a file, as one clause: libvips' "error in
    /// tile 0 x 288" and "read gave 2 warnings" say only that something was.
    public static string? Reason(IReadOnlyList<string> messages)
    {
        var telling = messages.Where(m => !m.StartsWith("error in tile", StringComparison.Ordinal)
            && !m.Contains("gave", StringComparison.Ordinal) && m.Length > 0).ToList();
        return telling.Count == 0 ? null : string.Join("; ", telling.Take(3)).TrimEnd('.');
    }

    private static IReadOnlyList<string> Distinct(List<string> messages) => [.. messages.Distinct(StringComparer.Ordinal)];

    private sealed class Scope
    {
        public List<string> Messages { get; } = [];

        public bool Shared { get; set; }
    }
}
