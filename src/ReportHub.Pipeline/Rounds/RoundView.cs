using ReportHub.Core.Domain;

namespace ReportHub.Pipeline.Rounds;

/// <summary>A round as the API and the CLI's --json show it : the fields of the round list, then its template and whether it is closed.</summary>
public sealed record RoundView
{
    public required string Code { get; init; }
    public required string Title { get; init; }
    public string? RequestDocument { get; init; }
    public DateOnly? RequestDate { get; init; }
    public required DateOnly Deadline { get; init; }
    public required int UnitsExpected { get; init; }
    public required string Template { get; init; }

    /// <summary>The version of the template the round reads, sums and exports with.</summary>
    public required int TemplateVersion { get; init; }
    public required bool Closed { get; init; }
    public RoundExpectation? Expected { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }

    public static RoundView From(Round round) => new()
    {
        Code = round.Code,
        Title = round.Title,
        RequestDocument = round.RequestDocument,
        RequestDate = round.RequestDate,
        Deadline = round.Deadline,
        UnitsExpected = round.ExpectedUnits.Count,
        Template = round.Template,
        TemplateVersion = round.TemplateVersion,
        Closed = round.Closed,
        Expected = round.Expected,
        CreatedAt = round.CreatedAt,
        ClosedAt = round.ClosedAt,
    };
}
