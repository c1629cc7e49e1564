namespace ReportHub.Core.Domain;

/// <summary>
/// Which units a round expects. Types and parents narrow together ("departments under 51"); named units are added.
/// Only units active on the round's request date count, so a body merged away before the request is not expected.
/// </summary>
public sealed record RoundExpectation
{
    public IReadOnlyList<string>? Types { get; init; }
    public IReadOnlyList<string>? Parents { get; init; }
    public IReadOnlyList<string>? Units { get; init; }

    public bool IsEmpty => Types is not { Count: > 0 } && Parents is not { Count: > 0 } && Units is not { Count: > 0 };

    public IReadOnlyList<string> Select(IEnumerable<Unit> registry, DateOnly on) =>
        registry.Where(u => u.IsActiveOn(on) && (Named(u) || Matches(u)))
            .Select(u => u.Code)
            .Order(StringComparer.Ordinal)
            .ToList();

    private bool Named(Unit unit) => Units?.Contains(unit.Code, StringComparer.OrdinalIgnoreCase) ?? false;

    private bool Matches(Unit unit) =>
        (Types is { Count: > 0 } || Parents is { Count: > 0 })
        && (Types is not { Count: > 0 } || Types.Contains(unit.Type))
        && (Parents is not { Count: > 0 } || (unit.Parent is not null && Parents.Contains(unit.Parent, StringComparer.OrdinalIgnoreCase)));
}
