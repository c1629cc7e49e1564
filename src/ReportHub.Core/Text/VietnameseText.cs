namespace ReportHub.Core.Text;

/// <summary>Clean-up and folding of Vietnamese text. Pure functions, no I/O.</summary>
public static class VietnameseText
{
    /// <summary>NFC; trims; collapses every run of whitespace (tabs, NBSP, line breaks) to one space. Keeps U+00AD.</summary>
    public static string Clean(string? text) => throw new NotImplementedException();

    /// <summary>NFC; keeps line breaks (normalised to \n); trims each line and drops blank lines at both ends.</summary>
    public static string CleanMultiline(string? text) => throw new NotImplementedException();

    /// <summary>
    /// A key for tolerant comparison: Clean, lower case, tone marks and diacritics removed, đ→d,
    /// dashes unified, trailing punctuation (. : ; , /) removed. "Uỷ ban" and "Ủy ban" fold alike.
    /// </summary>
    public static string Fold(string? text) => throw new NotImplementedException();
}
