using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Microsoft.Extensions.Logging;
using ReportHub.Core.Domain;
using ReportHub.Warehouse.Reference;

namespace ReportHub.Pipeline.Reference;

/// <summary>Which units a round expects: by type and parent, plus named units; only units active on the request date.</summary>
public sealed record ExpectedUnits
{
    public IReadOnlyList<string>? Types { get; init; }
    public IReadOnlyList<string>? Parents { get; init; }
    public IReadOnlyList<string>? Units { get; init; }

    public IReadOnlyList<string> Select(IEnumerable<Unit> registry, DateOnly on) =>
        registry.Where(u =>
                (Units?.Contains(u.Code) ?? false)
                || ((Types is { Count: > 0 } || Parents is { Count: > 0 })
                    && (Types is not { Count: > 0 } || Types.Contains(u.Type))
                    && (Parents is not { Count: > 0 } || (u.Parent is not null && Parents.Contains(u.Parent)))
                    && u.IsActiveOn(on)))
            .Select(u => u.Code)
            .ToList();
}

public sealed record RoundFile
{
    public required string Code { get; init; }
    public required string Title { get; init; }
    public string? RequestDocument { get; init; }
    public DateOnly? RequestDate { get; init; }
    public required DateOnly Deadline { get; init; }
    public ExpectedUnits Expected { get; init; } = new();
}

/// <summary>Loads the registry (units.csv) and rounds (rounds.json) from a samples folder into the warehouse.</summary>
public sealed class ReferenceLoader(ReferenceStore store, ILogger<ReferenceLoader> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<(int Units, int Rounds)> LoadAsync(string folder, CancellationToken cancellationToken)
    {
        var units = ReadUnits(Path.Combine(folder, "units.csv"));
        await store.UpsertUnitsAsync(units, cancellationToken);
        var roundsPath = Path.Combine(folder, "rounds.json");
        var rounds = File.Exists(roundsPath)
            ? JsonSerializer.Deserialize<List<RoundFile>>(await File.ReadAllTextAsync(roundsPath, cancellationToken), Json) ?? []
            : [];
        foreach (var round in rounds)
        {
            await store.UpsertRoundAsync(ToRound(round, units), cancellationToken);
        }
        logger.LogInformation("Loaded {Units} units and {Rounds} rounds from {Folder}", units.Count, rounds.Count, folder);
        return (units.Count, rounds.Count);
    }

    public static Round ToRound(RoundFile round, IReadOnlyList<Unit> units) => new()
    {
        Code = round.Code,
        Title = round.Title,
        RequestDocument = round.RequestDocument,
        RequestDate = round.RequestDate,
        Deadline = round.Deadline,
        ExpectedUnits = round.Expected.Select(units, round.RequestDate ?? round.Deadline),
    };

    public static IReadOnlyList<Unit> ReadUnits(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = CsvReader.Create(reader, new CsvReaderOptions { HasHeader = false });
        var list = new List<Unit>();
        Dictionary<string, int>? columns = null;
        while (csv.Read())
        {
            var fields = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i) ?? "").ToArray();
            if (columns is null)
            {
                columns = fields.Select((name, i) => (name.Trim(), i)).ToDictionary(p => p.Item1, p => p.i);
                continue;
            }
            string Field(string name) => columns.TryGetValue(name, out var i) && i < fields.Length ? fields[i] : "";
            if (string.IsNullOrWhiteSpace(Field("code")))
            {
                continue;
            }
            list.Add(new Unit
            {
                Code = Field("code").Trim(),
                Name = Field("name").Trim().Normalize(),
                Type = Field("type").Trim(),
                Parent = NullIfEmpty(Field("parent")),
                Aliases = Field("aliases").Normalize().Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                ValidFrom = Date(Field("validFrom")),
                ValidTo = Date(Field("validTo")),
                Successor = NullIfEmpty(Field("successor")),
            });
        }
        return list;
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static DateOnly? Date(string? s) =>
        DateOnly.TryParseExact(s?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
