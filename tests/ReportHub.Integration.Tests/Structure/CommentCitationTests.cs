using System.Text.RegularExpressions;

namespace ReportHub.Integration.Tests.Structure;

/// <summary>
/// A comment says the fact itself. A pointer to a document that is not in the repository, or to an issue number,
/// tells a newcomer nothing they can open.
/// </summary>
public sealed partial class CommentCitationTests
{
    [Fact]
    public void NoSourceTestOrBenchmarkFileCitesAnOutsideDocumentOrAnIssueNumber()
    {
        var citations = new[] { "src", "tests", "bench" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, folder), "*.*", SearchOption.AllDirectories))
            .Where(f => Path.GetExtension(f) is ".cs" or ".sql" or ".cshtml")
            .Where(f => !Path.GetRelativePath(RepoPaths.Root, f).Replace('\\', '/').Split('/').Any(p => p is "bin" or "obj"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Number: i + 1, Line: line)))
            .Where(l => Citation().IsMatch(l.Line))
            .Select(l => $"{Path.GetRelativePath(RepoPaths.Root, l.File)}:{l.Number}: {l.Line.Trim()}")
            .ToList();

        Assert.True(citations.Count == 0, string.Join(Environment.NewLine, citations));
    }

    [Theory]
    [InlineData("/// Bound from the Ingest section (CONTRAC" + "T §3).")]
    [InlineData("-- Access control (iss" + "ue 9).")]
    [InlineData("// As in Iss" + "ue 10's table.")]
    [InlineData("/// The seeds in ../sha" + "red/seeds.")]
    public void EachKindOfCitationIsFound(string line) => Assert.Matches(Citation(), line);

    [GeneratedRegex(@"\bCONTRAC[T]\b|\b[Ii]ssues?\s+#?\d|\.\./shared\b")]
    private static partial Regex Citation();
}
