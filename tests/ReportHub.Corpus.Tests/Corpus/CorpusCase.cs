namespace ReportHub.Corpus.Tests.Corpus;

public static class Status
{
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
}

/// <summary>An issue the outcome must hold: its code, severity and cell (null: the file as a whole, no cell).</summary>
public sealed record ExpectedIssue(string Code, string? Cell, string Severity = "error")
{
    /// <summary>When false only the code and severity are checked.</summary>
    public bool CheckCell { get; init; } = true;

    /// <summary>When set, the issue's place in words must read exactly so (a Word letter's "Bảng 2, dòng 2, cột 3").</summary>
    public string? Location { get; init; }

    /// <summary>Text the message must contain, such as the formats it tells the sender to save as.</summary>
    public IReadOnlyList<string> Mentions { get; init; } = [];

    public static ExpectedIssue Error(string code, string? cell) => new(code, cell);

    public static ExpectedIssue Warning(string code, string? cell) => new(code, cell, "warning");

    public override string ToString() => $"{Severity} {Code} @ {Cell ?? "(no cell)"}{(Location is null ? "" : $" “{Location}”")}{(Mentions.Count == 0 ? "" : " mentioning " + string.Join(", ", Mentions))}";
}

/// <summary>The figures an accepted file must give.</summary>
public sealed record Figures(long Directives, long QrCodes, long QrScans, string Unit = "51.SCT");

/// <summary>
/// One file of the corpus and its documented outcome. Errors not listed here fail the case (a rejected file must
/// be rejected for the reason given); extra warnings are allowed.
/// </summary>
public sealed record CorpusCase(string Name, string FileName, Func<byte[]> Bytes, string Status, params ExpectedIssue[] Issues)
{
    public string? Round { get; init; }
    public string? Unit { get; init; }
    public long? MaxFileBytes { get; init; }
    public int? MaxRows { get; init; }
    public Figures? Figures { get; init; }

    /// <summary>Close round 2021-10 in the warehouse before the file arrives.</summary>
    public bool CloseRound { get; init; }

    /// <summary>Units an analyst adds to round 2021-10 before the file is sent (the province reporting for itself).</summary>
    public IReadOnlyList<string> AddToRound { get; init; } = [];

    public string Query => string.Join('&', new[] { Round is null ? null : "round=" + Round, Unit is null ? null : "unit=" + Unit }.Where(q => q is not null));

    public IEnumerable<string> CliHints =>
        (Round is null ? [] : new[] { "--round", Round }).Concat(Unit is null ? [] : ["--unit", Unit]);

    public IEnumerable<KeyValuePair<string, string>> Settings()
    {
        if (MaxFileBytes is { } bytes)
        {
            yield return new("Ingest:MaxFileBytes", bytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (MaxRows is { } rows)
        {
            yield return new("Ingest:MaxRows", rows.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public override string ToString() => Name;
}
