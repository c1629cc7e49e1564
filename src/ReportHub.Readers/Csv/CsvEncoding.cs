namespace ReportHub.Readers.Csv;

/// <summary>How a CSV's bytes become text.</summary>
internal enum CsvEncoding
{
    Utf8,
    Utf16LittleEndian,
    Utf16BigEndian,
    Windows1258,

    /// <summary>
    /// TCVN3 or VNI bytes: each byte becomes the character of the same number, which is the form the legacy-text
    /// detection expects (what Excel shows for a .VnTime cell), so the sheet grid converts them to Unicode.
    /// </summary>
    LegacyVietnamese,
}
