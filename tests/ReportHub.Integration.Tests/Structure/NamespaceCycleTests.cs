namespace ReportHub.Integration.Tests.Structure;

/// <summary>
/// The house rules a newcomer relies on: namespaces form layers (no two namespaces use each other, directly or round a
/// loop), and a file's folder names its namespace.
/// </summary>
public sealed class NamespaceCycleTests
{
    private static string Src => Path.Combine(RepoPaths.Root, "src");

    [Fact]
    public void NoTwoNamespacesOfTheSourceTreeDependOnEachOther()
    {
        var cycles = NamespaceGraph.FromFolder(Src).Cycles();

        Assert.True(cycles.Count == 0, string.Join(Environment.NewLine, cycles));
    }

    [Fact]
    public void EverySourceFileSitsInTheFolderItsNamespaceNames()
    {
        var misplaced = NamespaceGraph.FileNamespaces(Src)
            .Where(f => Path.GetDirectoryName(f.Path)!.Replace('\\', '/').Replace('/', '.') != f.Namespace)
            .Select(f => $"{f.Path} is in namespace {f.Namespace}")
            .ToList();

        Assert.True(misplaced.Count == 0, string.Join(Environment.NewLine, misplaced));
    }

    [Fact]
    public void CycleThroughUsingDirectivesAndAnEnclosingNamespaceIsNamedWithTheFilesThatCloseIt()
    {
        var graph = NamespaceGraph.FromSources(
        [
            ("Shop/Orders/Order.cs", "using Shop.Billing;\nnamespace Shop.Orders;\npublic sealed class Order { Invoice? _invoice; }"),
            ("Shop/Billing/Invoice.cs", "namespace Shop.Billing;\npublic sealed class Invoice { object _o = new ReportHub.Shop.Style(); }"),
            ("ReportHub/Shop/Style.cs", "namespace ReportHub.Shop;\npublic sealed class Style { }"),
            ("ReportHub/Shop/Sheets/Sheet.cs", "namespace ReportHub.Shop.Sheets;\npublic sealed class Sheet { Style _style = new(); }"),
            ("ReportHub/Shop/Writer.cs", "using ReportHub.Shop.Sheets;\nnamespace ReportHub.Shop;\npublic sealed class Writer { Sheet _sheet = new(); }"),
        ]);

        var cycle = Assert.Single(graph.Cycles());
        Assert.Contains("ReportHub.Shop, ReportHub.Shop.Sheets", cycle, StringComparison.Ordinal);
        Assert.Contains("ReportHub.Shop.Sheets -> ReportHub.Shop: ReportHub/Shop/Sheets/Sheet.cs (Style)", cycle, StringComparison.Ordinal);
        Assert.Contains("ReportHub.Shop -> ReportHub.Shop.Sheets: ReportHub/Shop/Writer.cs (using ReportHub.Shop.Sheets)", cycle, StringComparison.Ordinal);
    }

    [Fact]
    public void NamesInCommentsAndPlainStringsAreNotUsesButInterpolationHolesAre()
    {
        var graph = NamespaceGraph.FromSources(
        [
            ("ReportHub/A/One.cs", "namespace ReportHub.A;\n// ReportHub.B.Two\npublic sealed class One { string s = \"ReportHub.C.Three\"; string t = $\"{ReportHub.D.Four.Name}\"; }"),
            ("ReportHub/B/Two.cs", "namespace ReportHub.B;\npublic sealed class Two { }"),
            ("ReportHub/C/Three.cs", "namespace ReportHub.C;\npublic sealed class Three { }"),
            ("ReportHub/D/Four.cs", "namespace ReportHub.D;\npublic static class Four { public const string Name = \"x\"; }"),
        ]);

        Assert.False(graph.Uses("ReportHub.A", "ReportHub.B"));
        Assert.False(graph.Uses("ReportHub.A", "ReportHub.C"));
        Assert.True(graph.Uses("ReportHub.A", "ReportHub.D"));
    }
}
