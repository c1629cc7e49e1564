namespace ReportHub.SampleGen.OnlineServices;

/// <summary>expected.json of round 2025-Q3: each file's figures, and the round's sums with its indicators.</summary>
public sealed record ServiceExpectations(
    string Round,
    string Template,
    IReadOnlyList<ServiceFileExpectation> Files,
    ServiceRoundExpectation Totals);

public sealed record ServiceFileExpectation(string File, string Unit, string Round, IReadOnlyDictionary<string, decimal> Figures);

/// <summary>
/// The round's figures: measures summed over the files, indicators as the ratio of those sums. The mean of the
/// units' own online rates is written beside them only to show that it is not the indicator.
/// </summary>
public sealed record ServiceRoundExpectation(
    int UnitsReported,
    IReadOnlyDictionary<string, decimal> Figures,
    decimal MeanOfUnitOnlineRates);

public static class ServiceExpectationBuilder
{
    private static readonly (string Key, ServiceColumn Column)[] Measures =
    [
        ("procedures", ServiceColumn.Procedures),
        ("fullOnline", ServiceColumn.FullOnline),
        ("received", ServiceColumn.Received),
        ("receivedOnline", ServiceColumn.ReceivedOnline),
        ("resolved", ServiceColumn.Resolved),
        ("resolvedOnTime", ServiceColumn.ResolvedOnTime),
    ];

    public static ServiceExpectations Build(IReadOnlyList<ServiceReport> reports)
    {
        var files = reports.Select(r => new ServiceFileExpectation(r.File, r.Unit, ServiceText.Round, Figures(r.Directives.Count, r.Sum))).ToList();
        var totals = Figures(reports.Sum(r => r.Directives.Count), c => reports.Sum(r => r.Sum(c)));
        var mean = Round(files.Average(f => f.Figures["onlineRate"]));
        return new(ServiceText.Round, ServiceText.Template, files, new ServiceRoundExpectation(reports.Select(r => r.Unit).Distinct().Count(), totals, mean));
    }

    private static Dictionary<string, decimal> Figures(int directives, Func<ServiceColumn, long> sum)
    {
        var figures = new Dictionary<string, decimal> { ["directives"] = directives };
        foreach (var (key, column) in Measures)
        {
            figures[key] = sum(column);
        }

        figures["onlineRate"] = Round(figures["receivedOnline"] / figures["received"] * 100m);
        figures["onTimeRate"] = Round(figures["resolvedOnTime"] / figures["resolved"] * 100m);
        return figures;
    }

    // Two decimals, halves away from zero: how the API rounds indicators and how people round a percentage by hand.
    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
