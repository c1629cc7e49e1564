namespace ReportHub.SampleGen;

/// <summary>One cell of a generated sheet. Kept format-neutral so the same report renders to xlsx and CSV.</summary>
public abstract record CellValue;

/// <summary>Text; QuotePrefix marks text the user typed with a leading apostrophe (e.g. '01) so Excel keeps it as text.</summary>
public sealed record TextValue(string Text, bool QuotePrefix = false) : CellValue;

/// <summary>A numeric cell; Format is the Excel number format, which also decides how "Save as CSV" prints it.</summary>
public sealed record NumberValue(double Value, string? Format = null) : CellValue;

/// <summary>A real date cell (Excel serial), shown dd/mm/yyyy as Vietnamese offices type it.</summary>
public sealed record DateValue(DateTime Value) : CellValue;

/// <summary>How a QR figure was typed into the sheet.</summary>
public enum QtyStyle
{
    /// <summary>Plain number cell.</summary>
    Number,
    /// <summary>Number cell formatted #,##0 (CSV shows 12,500 or 12.500 by locale).</summary>
    Thousands,
    /// <summary>Text with a leading zero, typed as '01.</summary>
    ZeroPadded,
    /// <summary>Text typed as "1.234" (Vietnamese thousands separator).</summary>
    TextDots,
    /// <summary>Text typed as "12,500".</summary>
    TextCommas,
}

/// <summary>A QR figure: the value the totals use and the way it was typed.</summary>
public sealed record Qty(long Value, QtyStyle Style = QtyStyle.Number)
{
    public static implicit operator Qty(long value) => new(value);
}

public sealed record Directive(string Content, CellValue Citation, string Issuer, string Recipients);

public sealed record QrRow(string Entity, Qty Codes, Qty Scans, string Note = "");

/// <summary>One header row: texts placed at column offsets relative to the header origin.</summary>
public sealed record HeaderRow(IReadOnlyList<(int Col, string Text)> Parts, bool Bold = false)
{
    public static readonly HeaderRow Blank = new([]);
}

public enum OutputFormat { Xlsx, Csv, CsvSemicolon }

public sealed record ReportSpec(
    string File,
    string Unit,
    OutputFormat Format,
    string Quirks,
    IReadOnlyList<HeaderRow> Header,
    IReadOnlyList<HeaderRow> Signer,
    IReadOnlyList<string> AppendixTitle,
    IReadOnlyList<Directive> Directives,
    IReadOnlyList<QrRow> QrRows,
    IReadOnlyList<string> Section3,
    IReadOnlyList<string> Section4,
    IReadOnlyList<string> Section5,
    Layout Layout)
{
    public int DirectiveCount => Directives.Count;
    public long QrCodes => QrRows.Sum(r => r.Codes.Value);
    public long QrScans => QrRows.Sum(r => r.Scans.Value);
}
