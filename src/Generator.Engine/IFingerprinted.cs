namespace Generator.Engine;

/// A type that is neither a record nor a collection (a parsed template, a lookup table)
/// says what its content is by giving the fingerprint of what it was made from.
public interface IFingerprinted
{
    Fingerprint Fingerprint { get; }
}
