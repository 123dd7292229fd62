using Generator.Engine;

namespace Generator.Content;

/// An old address of a page (front matter `aliases:`), as a site path without the base path
/// ("/en/topics/2021/old-name/"), and where it is written. The build writes a redirect page
/// there (issue 20).
public sealed record AliasEntry(string Path, SourcePosition At);
