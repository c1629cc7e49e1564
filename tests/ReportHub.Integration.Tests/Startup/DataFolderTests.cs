using Microsoft.Data.Sqlite;
using ReportHub.Warehouse.Connections;

namespace ReportHub.Integration.Tests.Startup;

/// <summary>
/// `dotnet run --project src/ReportHub.Api` starts in the project folder, yet the warehouse and the inbox
/// must land in the repository's `data/`, where the README says. These tests run from a folder deep in the checkout.
/// </summary>
public sealed class DataFolderTests
{
    [Fact]
    public void RelativeSqlitePathIsTakenFromTheRepositoryRoot()
    {
        Assert.StartsWith(RepoPaths.Root, Directory.GetCurrentDirectory(), StringComparison.Ordinal);

        var anchored = new SqliteConnectionStringBuilder(Db.AnchorSqlite("Data Source=data/reporthub.db")).DataSource;

        Assert.Equal(Path.Combine(RepoPaths.Root, "data", "reporthub.db"), anchored);
    }

    [Fact]
    public void RelativeInboxIsTakenFromTheRepositoryRootAndAbsolutePathsAreLeftAlone()
    {
        Assert.Equal(Path.Combine(RepoPaths.Root, "data", "inbox"), Db.AnchorPath("data/inbox"));
        Assert.Equal("/srv/reporthub/inbox", Db.AnchorPath("/srv/reporthub/inbox"));
        Assert.Equal("Data Source=:memory:", Db.AnchorSqlite("Data Source=:memory:"));
        Assert.Equal("Data Source=/tmp/x.db", Db.AnchorSqlite("Data Source=/tmp/x.db"));
    }
}
