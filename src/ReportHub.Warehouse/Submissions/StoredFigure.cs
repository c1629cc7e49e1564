using System.Globalization;
using ReportHub.Core.Measures;

namespace ReportHub.Warehouse.Submissions;

/// <summary>
/// One row of <c>figures</c> as read back. The value is read as whatever the engine hands back: SQLite gives an
/// integer for a whole number and a REAL for a fraction, row by row, which one typed mapping cannot follow.
/// </summary>
public sealed record StoredFigure
{
    public long SubmissionId { get; init; }
    public required string MeasureKey { get; init; }
    public required object Value { get; init; }

    public decimal Decimal => ToDecimal(Value);

    /// <summary>A stored value as a decimal; a REAL beyond decimal's range (written by hand) is held at its bounds.</summary>
    public static decimal ToDecimal(object value) => value switch
    {
        decimal d => d,
        long l => l,
        int i => i,
        double r when double.IsNaN(r) => 0m,
        double r when r >= (double)decimal.MaxValue => decimal.MaxValue,
        double r when r <= (double)decimal.MinValue => decimal.MinValue,
        double r => (decimal)r,
        string s => decimal.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture),
        _ => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
    };

    public static MeasureFigures ToFigures(IEnumerable<StoredFigure> rows) =>
        new(rows.Select(r => KeyValuePair.Create(r.MeasureKey, r.Decimal)));
}
