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
