namespace ReportHub.Readers.Csv;

/// <summary>One non-empty field of a record; Column is 1-based.</summary>
internal readonly record struct CsvField(int Column, string Text);
