namespace ReportHub.Bench.Generation;

/// <summary>The round a generated report answers: its code and the request document the report cites.</summary>
internal sealed record RoundCitation
{
    public required string Code { get; init; }
    public required string RequestDocument { get; init; }
    public required DateOnly RequestDate { get; init; }

    public static RoundCitation Covid2021 { get; } = new()
    {
        Code = "2021-10",
        RequestDocument = "1406/STTTT-BCVT&CNTT",
        RequestDate = new DateOnly(2021, 10, 26),
    };
}

/// <summary>
/// One report as a sheet of cells (a string, a long, or null) before it is written as xlsx or csv, with the figures a
/// correct parse must give. Numbers shown with thousands separators are marked so the xlsx writer can format them.
/// </summary>
internal sealed class Appendix
{
    public required string Unit { get; init; }
    public required List<object?[]> Rows { get; init; }
    public required HashSet<(int Row, int Col)> Bold { get; init; }
    public required HashSet<(int Row, int Col)> Thousands { get; init; }
    public required int Width { get; init; }
    public required long Directives { get; init; }
    public required long QrCodes { get; init; }
    public required long QrScans { get; init; }
    public required string Layout { get; init; }
}

/// <summary>One line of expected.json.</summary>
internal sealed record ExpectedFile
{
    public required string File { get; init; }
    public required string Unit { get; init; }
    public required string Round { get; init; }
    public required string Layout { get; init; }
    public required long Directives { get; init; }
    public required long QrCodes { get; init; }
    public required long QrScans { get; init; }
}

/// <summary>expected.json: every file, and the round totals they add up to.</summary>
internal sealed record ExpectedRound
{
    public required string Round { get; init; }
    public required IReadOnlyList<ExpectedFile> Files { get; init; }
    public required long Directives { get; init; }
    public required long QrCodes { get; init; }
    public required long QrScans { get; init; }
}
