namespace ReportHub.Aggregate.Export;

/// <summary>The two shapes of the per-unit CSV: one for scripts, one that Vietnamese Excel opens in columns.</summary>
public enum CsvForm
{
    /// <summary>RFC 4180: comma-separated, numbers with a decimal dot (<c>?format=csv</c>).</summary>
    Comma,

    /// <summary>
    /// Semicolon-separated after a <c>sep=;</c> line, numbers with a decimal comma (<c>?format=excel</c>): Excel with
    /// Vietnamese regional settings reads the comma as the decimal mark and would put each comma-separated line in one
    /// column.
    /// </summary>
    Excel,
}
