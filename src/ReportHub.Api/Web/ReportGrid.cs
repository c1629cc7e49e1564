using ReportHub.Core.Grid;
using ReportHub.Core.Issues;
using ReportHub.Pipeline.Ingestion;
using ReportHub.Readers;

namespace ReportHub.Api.Web;

/// <summary>One issue as the page lists it: numbered, with the anchor its cell marker links to.</summary>
public sealed record GridIssue
{
    public required int Number { get; init; }
    public required IssueDto Issue { get; init; }

    /// <summary>The grid cell it was placed on (A1 of the grid), or null when it is about no shown cell.</summary>
    public string? PlacedAt { get; init; }

    public string Anchor => $"issue-{Number}";

    public bool IsError => Issue.Severity == "error";
}

public sealed record GridCell
{
    public required string Address { get; init; }
    public required string Text { get; init; }
    public IReadOnlyList<GridIssue> Issues { get; init; } = [];

    public bool Flagged => Issues.Count > 0;
}

public sealed record GridRow
{
    public required int Number { get; init; }
    public required IReadOnlyList<GridCell> Cells { get; init; }
}

/// <summary>A report shown back as the grid a reader saw, with the issues placed on their cells.</summary>
public sealed record ReportGridView
{
    /// <summary>The sheet's name, or a description of the Word letter's tables.</summary>
    public string? Title { get; init; }
    public IReadOnlyList<GridRow> Rows { get; init; } = [];
    public int Columns { get; init; }
    public bool RowsCut { get; init; }
    public bool ColumnsCut { get; init; }
    public required IReadOnlyList<GridIssue> Issues { get; init; }

    /// <summary>Why no grid is shown (a file that cannot be read, or was not kept); null when there is one.</summary>
    public string? Unavailable { get; init; }
}

/// <summary>
/// Reads a report's bytes with the same readers the pipeline uses and places each issue on its cell: by sheet and
/// A1 reference for spreadsheets and CSV, by the table/row/column description for a Word letter (whose issues carry
/// no A1 reference, only <see cref="Issue.Location"/>). Bounded: a large sheet is cut, and the page says so.
/// </summary>
public static class ReportGrid
{
    public const int MaxRows = 200;
    public const int MaxColumns = 30;

    public static ReportGridView Build(byte[]? content, string fileName, IReadOnlyList<IssueDto> issues, string? preferredSheet = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(issues);
        var numbered = issues.Select((issue, i) => new GridIssue { Number = i + 1, Issue = issue }).ToList();
        if (content is not { Length: > 0 })
        {
            return new ReportGridView { Issues = numbered, Unavailable = "Tệp không được lưu lại (quá lớn hoặc rỗng) nên không hiển thị được nội dung." };
        }
        IWorkbookReader reader;
        try
        {
            reader = WorkbookReaders.Open(new MemoryStream(content, writable: false), fileName);
        }
        catch (FileRejectedException)
        {
            return new ReportGridView { Issues = numbered, Unavailable = "Không đọc được nội dung tệp nên không hiển thị được dạng bảng; xem các lỗi bên dưới." };
        }
        using (reader)
        {
            try
            {
                return Read(reader, numbered, preferredSheet, cancellationToken);
            }
            catch (FileRejectedException)
            {
                return new ReportGridView { Issues = numbered, Unavailable = "Không đọc hết được nội dung tệp nên không hiển thị được dạng bảng; xem các lỗi bên dưới." };
            }
        }
    }

    private static ReportGridView Read(IWorkbookReader reader, List<GridIssue> numbered, string? preferredSheet, CancellationToken cancellationToken)
    {
        var sheet = ChooseSheet(reader, numbered, preferredSheet);
        var name = reader.Sheets.First(s => s.Index == sheet).Name;
        var describes = reader.DescribeCell(sheet, 1, 1) is not null;
        var rows = new List<(int Number, Dictionary<int, string> Cells)>();
        var rowsCut = false;
        var columnsCut = false;
        var columns = 0;
        foreach (var row in reader.ReadRows(sheet, cancellationToken))
        {
            if (rows.Count >= MaxRows)
            {
                rowsCut = true;
                break;
            }
            var cells = new Dictionary<int, string>();
            foreach (var cell in row.Cells)
            {
                if (cell.Column > MaxColumns)
                {
                    columnsCut |= !cell.IsBlank;
                    continue;
                }
                if (!cell.IsBlank)
                {
                    cells[cell.Column] = cell.Text;
                    columns = Math.Max(columns, cell.Column);
                }
            }
            rows.Add((row.Index, cells));
        }
        // A flagged blank cell (a required value left empty) must still be shown.
        var placed = new Dictionary<string, List<GridIssue>>(StringComparer.OrdinalIgnoreCase);
        var byDescription = describes ? numbered.Where(i => i.Issue.Location is not null).ToLookup(i => i.Issue.Location!) : null;
        var result = new List<GridRow>(rows.Count);
        foreach (var (number, cells) in rows)
        {
            var width = Math.Max(columns, cells.Count == 0 ? 0 : cells.Keys.Max());
            if (!describes)
            {
                width = Math.Max(width, numbered.Where(i => OnSheet(i.Issue, name) && Cell(i.Issue) is { } c && c.Row == number && c.Column <= MaxColumns)
                    .Select(i => Cell(i.Issue)!.Value.Column).DefaultIfEmpty(0).Max());
            }
            columns = Math.Max(columns, width);
        }
        foreach (var (number, cells) in rows)
        {
            var gridCells = new List<GridCell>(columns);
            for (var column = 1; column <= columns; column++)
            {
                var address = A1.Format(number, column);
                IReadOnlyList<GridIssue> here = describes
                    ? byDescription![reader.DescribeCell(sheet, number, column) ?? ""].ToList()
                    : numbered.Where(i => OnSheet(i.Issue, name) && Cell(i.Issue) is { } c && c.Row == number && c.Column == column).ToList();
                if (here.Count > 0)
                {
                    placed[address] = [.. here];
                }
                gridCells.Add(new GridCell { Address = address, Text = cells.GetValueOrDefault(column, ""), Issues = here });
            }
            result.Add(new GridRow { Number = number, Cells = gridCells });
        }
        var placedAt = placed.SelectMany(p => p.Value.Select(i => (i.Number, Address: p.Key)))
            .GroupBy(p => p.Number).ToDictionary(g => g.Key, g => g.First().Address);
        return new ReportGridView
        {
            Title = describes ? "Các bảng trong văn bản Word" : $"Trang tính “{name}”",
            Rows = result,
            Columns = columns,
            RowsCut = rowsCut,
            ColumnsCut = columnsCut,
            Issues = numbered.Select(i => i with { PlacedAt = placedAt.GetValueOrDefault(i.Number) }).ToList(),
        };
    }

    /// <summary>The sheet the issues point at most, else the one the report was read from, else the first visible one.</summary>
    private static int ChooseSheet(IWorkbookReader reader, List<GridIssue> issues, string? preferredSheet)
    {
        var named = issues.Where(i => i.Issue.Sheet is not null).GroupBy(i => i.Issue.Sheet!)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault() ?? preferredSheet;
        if (named is not null && reader.Sheets.FirstOrDefault(s => s.Name == named) is { } sheet)
        {
            return sheet.Index;
        }
        return (reader.Sheets.FirstOrDefault(s => !s.Hidden) ?? reader.Sheets[0]).Index;
    }

    private static bool OnSheet(IssueDto issue, string sheet) => issue.Sheet is null || issue.Sheet == sheet;

    private static (int Row, int Column)? Cell(IssueDto issue)
    {
        if (issue.Cell is not { Length: > 0 } cell)
        {
            return null;
        }
        try
        {
            return A1.Parse(cell);
        }
        catch (FormatException)
        {
            return null;
        }
        catch (OverflowException)
        {
            return null;
        }
    }
}
