using System.Xml;
using Generator.Engine;

namespace Generator.Site;

/// Text for the feed and sitemap writers. Unprintable characters are reported and removed
/// where they are read; this removes them again, so XmlWriter (which throws on them) can
/// never crash a build whatever a future reader lets through (issue 13).
public static class XmlValues
{
    public static void Element(XmlWriter xml, string name, string ns, string value) =>
        xml.WriteElementString(name, ns, Unprintable.Strip(value));

    public static void Attribute(XmlWriter xml, string name, string value) =>
        xml.WriteAttributeString(name, Unprintable.Strip(value));
}
