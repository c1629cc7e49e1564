namespace ReportHub.Testing.Documents;

/// <summary>
/// A run of text with its formatting. A null font leaves the run to its paragraph style and the document default,
/// as most of a real letter is. "\n" inside the text is written as a line break (w:br), "\t" as a tab (w:tab).
/// </summary>
public sealed record WordRun(string Text, string? Font = null, bool Bold = false, bool Italic = false);
