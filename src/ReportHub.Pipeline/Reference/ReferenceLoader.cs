using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Microsoft.Extensions.Logging;
using ReportHub.Core.Domain;
using ReportHub.Pipeline.Rounds;
using ReportHub.Warehouse.Reference;
using ReportHub.Warehouse.Templates;

namespace ReportHub.Pipeline.Reference;

/// <summary>
/// Loads the registry (units.csv) and the sample rounds (rounds.json) from a samples folder into the warehouse.
/// Units are refreshed on every load. A round is inserted only when its code is new: after that the warehouse is
/// the truth, so a round an analyst closed or created survives every restart and every <c>init</c>.
/// </summary>
public sealed class ReferenceLoader(ReferenceStore store, TemplateStore templates, ILogger<ReferenceLoader> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<(int Units, int Rounds)> LoadAsync(string folder, CancellationToken cancellationToken)
    {
        var units = ReadUnits(Path.Combine(folder, "units.csv"));
        await store.UpsertUnitsAsync(units, cancellationToken);
        var roundsPath = Path.Combine(folder, "rounds.json");
        var drafts = File.Exists(roundsPath)
            ? JsonSerializer.Deserialize<List<RoundDraft>>(await File.ReadAllTextAsync(roundsPath, cancellationToken), Json) ?? []
            : [];
        var rounds = (await store.RoundsAsync(cancellationToken)).ToList();
        var inserted = 0;
        foreach (var draft in drafts.Where(d => !rounds.Any(r => string.Equals(r.Code, d.Code?.Trim(), StringComparison.OrdinalIgnoreCase))))
        {
            // The samples may name a template that is registered later, so the id is stored as given.
            var (round, problems) = RoundPlanner.Plan(draft, units, rounds, knownTemplates: null);
            if (round is null)
            {
                throw new InvalidDataException($"{roundsPath}: round {draft.Code}: {string.Join(" ", problems.Select(p => $"{p.Field}: {p.Message}"))}");
            }
            round = round with { CreatedAt = DateTimeOffset.UtcNow, TemplateVersion = await templates.VersionForNewRoundAsync(round.Template, cancellationToken) };
            if (await store.InsertRoundAsync(round, cancellationToken))
            {
                rounds.Add(round);
                inserted++;
            }
        }
        logger.LogInformation("Loaded {Units} units and {Rounds} new rounds ({Kept} kept as they are) from {Folder}",
            units.Count, inserted, drafts.Count - inserted, folder);
        return (units.Count, inserted);
    }

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
                Email = Email(path, Field("code").Trim(), Field("email")),
            });
        }
        return list;
    }

    /// <summary>The optional email column: blank is no address (a stored one stays); a malformed one stops the load.</summary>
    private static string? Email(string path, string code, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var (address, problem) = Reminders.ContactAddress.Normalize(text);
        return address ?? throw new InvalidDataException($"{path}: unit {code}: {problem}");
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static DateOnly? Date(string? s) =>
        DateOnly.TryParseExact(s?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
