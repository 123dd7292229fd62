namespace Generator.Theme;

/// The few interface strings of one language a step shows besides its layout (Markdown's
/// figure labels and table names): its fingerprint covers only those strings, so editing
/// any other string, or another language's, does not render Markdown again. Asking for a
/// string outside the declared ones is a bug of the step, so it throws instead of
/// printing the key.
public sealed class InterfaceStrings(Theme theme, string lang, IReadOnlyList<string> keys) : Engine.IFingerprinted
{
    public Strings Strings { get; } = theme.StringsFor(lang).Only(keys);

    public Engine.Fingerprint Fingerprint => Strings.Fingerprint;
}
