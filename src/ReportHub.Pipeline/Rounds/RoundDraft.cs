using ReportHub.Core.Domain;

namespace ReportHub.Pipeline.Rounds;

/// <summary>A round as an analyst asks for it (CLI flags, the API's body or rounds.json), before it is checked.</summary>
public sealed record RoundDraft
{
    public string? Code { get; init; }
    public string? Title { get; init; }
    public string? Template { get; init; }
    public string? RequestDocument { get; init; }

    /// <summary>yyyy-MM-dd or dd/MM/yyyy, as typed.</summary>
    public string? RequestDate { get; init; }

    /// <summary>yyyy-MM-dd or dd/MM/yyyy, as typed.</summary>
    public string? Deadline { get; init; }

    public RoundExpectation? Expected { get; init; }
}

/// <summary>What is wrong with a draft: the field (camelCase, as in the API's body) and a Vietnamese explanation.</summary>
public sealed record RoundProblem(string Field, string Message);

/// <summary>The outcome of creating a round: the round, or why not (a taken code, or problems with the draft).</summary>
public sealed record RoundCreation
{
    public Round? Round { get; init; }
    public bool Duplicate { get; init; }
    public IReadOnlyList<RoundProblem> Problems { get; init; } = [];
}

/// <summary>The outcome of editing a round: the round as saved, or why not (no such round, a closed round, or problems).</summary>
public sealed record RoundEdit
{
    public Round? Round { get; init; }
    public bool NotFound { get; init; }
    public bool Closed { get; init; }
    public IReadOnlyList<RoundProblem> Problems { get; init; } = [];
}

/// <summary>
/// The outcome of adding a unit to a round by hand: the round and unit, whether it was added now (false when the round
/// already expected it), or why not (no such round or unit, or a closed round), with a Vietnamese explanation.
/// </summary>
public sealed record RoundUnitAddition
{
    public Round? Round { get; init; }
    public Unit? Unit { get; init; }
    public bool Added { get; init; }
    public bool RoundNotFound { get; init; }
    public bool UnitNotFound { get; init; }
    public bool Closed { get; init; }
    public string? Problem { get; init; }
}

/// <summary>The answer of <c>POST /api/rounds/{code}/units</c> and of <c>rounds add-unit --json</c>.</summary>
public sealed record RoundUnitView
{
    public required string Round { get; init; }
    public required string Unit { get; init; }
    public required string Name { get; init; }

    /// <summary>False when the round already expected the unit: nothing was changed.</summary>
    public required bool Added { get; init; }

    public required int UnitsExpected { get; init; }

    public static RoundUnitView From(RoundUnitAddition addition) => new()
    {
        Round = addition.Round!.Code,
        Unit = addition.Unit!.Code,
        Name = addition.Unit.Name,
        Added = addition.Added,
        UnitsExpected = addition.Round.ExpectedUnits.Count,
    };
}
