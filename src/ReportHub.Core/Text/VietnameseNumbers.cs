namespace ReportHub.Core.Text;

public enum CountStatus
{
    Blank,
    Ok,
    NotNumber,
    Negative,
    Fractional,
}

public readonly record struct CountParse(CountStatus Status, long Value);

public static class VietnameseNumbers
{
    /// <summary>
    /// Reads a whole count. <paramref name="raw"/> is the cell's numeric value when the spreadsheet stored a number.
    /// Text forms: "01", "541", "1.234" and "1,234" (thousands), "1 234", "1.234.567". "1,5" or "1.5" with one or two
    /// trailing digits is Fractional; "-3" is Negative; "Không", "-" and "" are Blank.
    /// </summary>
    public static CountParse ParseCount(string? text, double? raw = null) => throw new NotImplementedException();
}
