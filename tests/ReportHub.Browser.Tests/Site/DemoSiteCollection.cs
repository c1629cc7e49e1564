namespace ReportHub.Browser.Tests.Site;

[CollectionDefinition(Name)]
public sealed class DemoSiteCollection : ICollectionFixture<DemoSite>
{
    public const string Name = "demo site";
}
