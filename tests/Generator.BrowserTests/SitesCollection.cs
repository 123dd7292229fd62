namespace Generator.BrowserTests;

/// The browser tests share one build of each site, one server each and one Chromium.
[CollectionDefinition(Name)]
public sealed class SitesCollection : ICollectionFixture<Sites>
{
    public const string Name = "Built sites in Chromium";
}
