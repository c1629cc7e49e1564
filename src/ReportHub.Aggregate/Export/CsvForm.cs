namespace ReportHub.Aggregate.Export;

/// <summary>The two shapes of the per-unit CSV: one for scripts, one that Vietnamese Excel opens in columns.</summary>
public enum CsvForm
{
    /// <summary>RFC 4180: comma-separated, numbers with a decimal dot (<c>?format=csv</c>).</summary>
    Comma,

    /// <summary>
    /// Semicolon-separated, numbers with a decimal comma and times as dd/MM/yyyy HH:mm in the province's time
    /// (<c>?format=excel</c>): Excel with Vietnamese regional settings lists with ';' and reads ',' as the decimal mark,
    /// so it would put each comma-separated line in one column. No <c>sep=</c> line: with one, Excel ignores the BOM
    /// and garbles every Vietnamese letter.
    /// </summary>
    Excel,
}
