namespace Generator.Content;

public enum PageKind
{
    /// input/&lt;lang&gt;/index.md: the language's home page.
    Home,

    /// input/&lt;lang&gt;/topics/&lt;edition&gt;/&lt;slug&gt;.md.
    Topic,

    /// Any other Markdown page.
    Page,

    /// A page the generator makes (language chooser, lists).
    Generated,
}
