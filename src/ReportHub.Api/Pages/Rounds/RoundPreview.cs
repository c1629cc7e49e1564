using ReportHub.Core.Domain;
using ReportHub.Warehouse.Reference;

namespace ReportHub.Api.Pages.Rounds;

/// <summary>
/// The units a round's form would make expected, shown before anything is saved: the whole list, and for an edit
/// which units it adds and which it takes out.
/// </summary>
public sealed record RoundPreview
{
    public required IReadOnlyList<Unit> Units { get; init; }
    public IReadOnlyList<Unit> Added { get; init; } = [];
    public IReadOnlyList<Unit> Removed { get; init; } = [];

    /// <summary>True when the analyst pressed save but the list differs from the one last shown: nothing was saved.</summary>
    public bool Changed { get; init; }

    /// <summary>An edit that keeps the list as it is.</summary>
    public bool Unchanged => Added.Count == 0 && Removed.Count == 0;

    public bool IsEdit { get; init; }

    /// <summary>The codes of <see cref="Units"/>, as the form carries them back on save.</summary>
    public string Codes => RoundForm.Join(Units.Select(u => u.Code));

    /// <param name="before">The round's units now, for an edit; null for a new round.</param>
    public static async Task<RoundPreview> BuildAsync(ReferenceStore reference, IReadOnlyList<string> units, IReadOnlyList<string>? before,
        bool changed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(units);
        var registry = (await reference.UnitsAsync(ct)).ToDictionary(u => u.Code, StringComparer.Ordinal);
        Unit Of(string code) => registry.TryGetValue(code, out var unit) ? unit : new Unit { Code = code, Name = code, Type = UnitTypes.Other };
        var after = units.Order(StringComparer.Ordinal).ToList();
        return new RoundPreview
        {
            Units = [.. after.Select(Of)],
            Added = before is null ? [] : [.. after.Except(before, StringComparer.Ordinal).Select(Of)],
            Removed = before is null ? [] : [.. before.Except(after, StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(Of)],
            Changed = changed,
            IsEdit = before is not null,
        };
    }
}
