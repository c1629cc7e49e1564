using ReportHub.Core.Grid;

namespace ReportHub.Core.Issues;

/// <summary>
/// Fills <see cref="Issue.Location"/>: the place of a finding in words the submitter can follow. A sheet keeps its
/// A1 reference; a Word letter has none a person could use, so its cells are described as table, row and column.
/// </summary>
public sealed class IssueLocator
{
    public const string WholeFile = "Toàn bộ tệp";

    private readonly string _format;
    private readonly Func<int, int, string?>? _describe;

    private IssueLocator(string format, Func<int, int, string?>? describe)
    {
        _format = format;
        _describe = describe;
    }

    /// <summary>For findings about the file as a whole, before any sheet was chosen.</summary>
    public static IssueLocator None { get; } = new("", null);

    public static IssueLocator For(IWorkbookReader reader, int sheetIndex)
    {
        ArgumentNullException.ThrowIfNull(reader);
        // Readers without a description of their own (sheets) answer null for every cell; probing once avoids a closure per issue.
        return reader.DescribeCell(sheetIndex, 1, 1) is null
            ? new IssueLocator(reader.Format, null)
            : new IssueLocator(reader.Format, (row, column) => reader.DescribeCell(sheetIndex, row, column));
    }

    public IReadOnlyList<Issue> Locate(IEnumerable<Issue> issues) => issues.Select(Locate).ToList();

    public Issue Locate(Issue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        if (issue.Location is not null)
        {
            return issue;
        }
        (int Row, int Column)? cell = null;
        if (issue.Cell is { Length: > 0 } reference)
        {
            try
            {
                cell = A1.Parse(reference);
            }
            catch (FormatException)
            {
                cell = null;
            }
        }
        if (_describe is not null)
        {
            var described = cell is { } c ? _describe(c.Row, c.Column) : null;
            return issue with { Cell = null, Location = described ?? WholeFile };
        }
        if (_format == "csv")
        {
            return issue with
            {
                Location = cell is { } c ? $"Dòng {c.Row}, cột {A1.ColumnName(c.Column)} (ô {issue.Cell})" : WholeFile,
            };
        }
        var sheet = string.IsNullOrEmpty(issue.Sheet) ? null : $"Trang tính “{issue.Sheet}”";
        var location = (sheet, issue.Cell) switch
        {
            (not null, { Length: > 0 }) => $"{sheet}, ô {issue.Cell}",
            (not null, _) => sheet,
            (null, { Length: > 0 }) => $"Ô {issue.Cell}",
            _ => WholeFile,
        };
        return issue with { Location = location };
    }
}
