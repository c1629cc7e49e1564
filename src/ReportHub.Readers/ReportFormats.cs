namespace ReportHub.Readers;

/// <summary>
/// The file kinds ReportHub reads, by name and media type. The content decides how a file is read; these only pick
/// files out of a folder and label bytes for download.
/// </summary>
public static class ReportFormats
{
    private static readonly Dictionary<string, string> MediaTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".xls"] = "application/vnd.ms-excel",
        [".csv"] = "text/csv",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    };

    public static IReadOnlyCollection<string> Extensions { get; } = MediaTypes.Keys.ToArray();

    /// <summary>Whether a file in a folder is one to ingest: a report by its extension.</summary>
    public static bool IsReportFile(string path) => MediaTypes.ContainsKey(Path.GetExtension(path));

    public static string MediaTypeOf(string fileName) =>
        MediaTypes.GetValueOrDefault(Path.GetExtension(fileName), "application/octet-stream");

    /// <summary>The extension for bytes served with <paramref name="mediaType"/>, or null when it names no report format.</summary>
    public static string? ExtensionOf(string? mediaType) =>
        mediaType is null ? null : MediaTypes.FirstOrDefault(kv => string.Equals(kv.Value, mediaType, StringComparison.OrdinalIgnoreCase)).Key;
}
