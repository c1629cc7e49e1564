namespace ReportHub.Bench.Run;

/// <summary>Sizes and repetitions of one `run`: the sizes, or smaller ones with --quick.</summary>
internal sealed record BenchSettings
{
    public required bool Quick { get; init; }
    public required int Runs { get; init; }
    public required int Units { get; init; }
    public required int W1QrRows { get; init; }
    public required int W2QrRows { get; init; }
    public required int W3Rounds { get; init; }
    public required int W3QrRows { get; init; }
    public required int W3Iterations { get; init; }
    public required int W5Seconds { get; init; }
    public required string WorkDir { get; init; }

    public static BenchSettings For(bool quick) => new()
    {
        Quick = quick,
        Runs = quick ? 1 : 3,
        Units = 32,
        W1QrRows = quick ? 500 : 2000,
        W2QrRows = quick ? 20_000 : 100_000,
        W3Rounds = quick ? 8 : 104,
        W3QrRows = 3,
        W3Iterations = quick ? 200 : 2000,
        W5Seconds = quick ? 5 : 10,
        WorkDir = Path.Combine(Paths.WorkDir, "run"),
    };
}

/// <summary>One line of the results table.</summary>
internal sealed record ResultRow
{
    public required string Workload { get; init; }
    public required string ReportHub { get; init; }
    public string Floor { get; init; } = "–";
    public string Baseline { get; init; } = "–";
    public string Peer { get; init; } = "–";
    public string Ratio { get; init; } = "–";
    public required string Goal { get; init; }
    public required string Met { get; init; }
}
