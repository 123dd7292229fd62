using System.Globalization;

namespace Generator.Engine;

/// A 128-bit content hash (XxHash128) of a value's structure: equal content gives an equal
/// fingerprint in every process, so a session's records could be kept on disk.
public readonly record struct Fingerprint(UInt128 Value)
{
    public override string ToString() => Value.ToString("x32", CultureInfo.InvariantCulture);
}
