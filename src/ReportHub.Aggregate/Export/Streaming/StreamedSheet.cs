using ReportHub.Aggregate.Export.Styling;

namespace ReportHub.Aggregate.Export.Streaming;

/// <summary>
/// A detail sheet whose body is too large for ClosedXML's cell objects. ClosedXML writes its frame (titles, header,
/// total row, filter, print setup) and the first body row, styled; <see cref="StreamedSheets"/> then writes every
/// body row in that row's place, reusing its cell styles, straight into the package.
/// </summary>
internal sealed record StreamedSheet
{
    public required string Name { get; init; }

    /// <summary>The 1-based row ClosedXML filled as the pattern; the body starts there.</summary>
    public required int FirstRow { get; init; }

    /// <summary>Column widths in Excel units, for the row-height estimate.</summary>
    public required IReadOnlyList<double> Widths { get; init; }

    /// <summary>Each body row's cells, one per column, in column order.</summary>
    public required IEnumerable<BodyCell[]> Rows { get; init; }
}

/// <summary>
/// A body cell: text (always a string cell, never read as a formula), a number, a date (a serial day number, shown
/// as a date by its column's style in the pattern row), or empty but bordered.
/// </summary>
internal readonly record struct BodyCell(string? Text, decimal? Number)
{
    public static BodyCell Of(string? text) => new(OfficialStyle.Clean(text), null);

    public static BodyCell Of(decimal number) => new(null, number);

    public static BodyCell Of(DateOnly date) => new(null, (decimal)date.ToDateTime(TimeOnly.MinValue).ToOADate());
}
