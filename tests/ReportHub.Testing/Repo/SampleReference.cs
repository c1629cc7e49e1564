using System.Globalization;
using System.Text.Json;
using ReportHub.Core.Domain;
using ReportHub.Pipeline.Reference;

namespace ReportHub.Testing.Repo;

/// <summary>The units and rounds of samples/reference, read as the warehouse is filled from them.</summary>
public static class SampleReference
{
    private static readonly Lazy<IReadOnlyList<Unit>> AllUnits =
        new(() => ReferenceLoader.ReadUnits(Path.Combine(RepoPaths.Samples, "reference", "units.csv")));

    public static IReadOnlyList<Unit> Units => AllUnits.Value;

    public static Unit Unit(string code) => Units.Single(u => u.Code == code);

    /// <summary>A round of rounds.json with the fields a report answers: title, request document and date, deadline, template.</summary>
    public static Round Round(string code)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Samples, "reference", "rounds.json")));
        var round = json.RootElement.EnumerateArray().Single(r => r.GetProperty("code").GetString() == code);
        return new Round
        {
            Code = code,
            Title = round.GetProperty("title").GetString()!,
            RequestDocument = round.GetProperty("requestDocument").GetString(),
            RequestDate = Date(round.GetProperty("requestDate").GetString()!),
            Deadline = Date(round.GetProperty("deadline").GetString()!),
            Template = round.GetProperty("template").GetString()!,
        };
    }

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
