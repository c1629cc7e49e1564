namespace ReportHub.Readers.Csv;

/// <summary>What the record reader refuses, and whom it names in the refusal.</summary>
internal sealed record CsvFieldLimits
{
    public required string FileName { get; init; }

    public required string SheetName { get; init; }

    public required int MaxCellCharacters { get; init; }

    public required int MaxColumns { get; init; }
}
