namespace Generator.Theme;

/// The theme's interface strings alone, for steps that show strings but no layout (figure
/// labels in Markdown, list titles): a layout edit leaves what they read unchanged.
public sealed class InterfaceStrings(Theme theme)
{
    public Strings For(string lang) => theme.StringsFor(lang);
}
