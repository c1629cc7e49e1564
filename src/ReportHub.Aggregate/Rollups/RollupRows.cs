using ReportHub.Core.Measures;

namespace ReportHub.Aggregate.Rollups;

/// <summary>One expected (or reporting) unit of a round and its current submission's figures.</summary>
public sealed record UnitFiguresRow
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string Type { get; init; }
    public long? SubmissionId { get; init; }
    public string? TemplateId { get; init; }
    public int? TemplateVersion { get; init; }

    /// <summary>The unit's first accepted receipt in the round: it decides timeliness.</summary>
    public string? FirstReceived { get; init; }

    /// <summary>When the current submission arrived; later than <see cref="FirstReceived"/> for a revision.</summary>
    public string? CurrentReceived { get; init; }

    public MeasureFigures Figures { get; init; } = MeasureFigures.Empty;

    /// <summary>The current submission's review; null when the unit has no current submission.</summary>
    public Warehouse.Reviews.SubmissionReview? Review { get; init; }
}

/// <summary>One row of the rollup's unit query: a unit, its current submission, and one of that submission's figures.</summary>
internal sealed record UnitFigureRow
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string Type { get; init; }
    public long? SubmissionId { get; init; }
    public string? TemplateId { get; init; }
    public long? TemplateVersion { get; init; }
    public string? FirstReceived { get; init; }
    public string? CurrentReceived { get; init; }
    public string? ReviewState { get; init; }
    public string? ReviewComment { get; init; }
    public string? ReviewBy { get; init; }
    public string? ReviewAt { get; init; }
    public string? MeasureKey { get; init; }

    /// <summary>As the engine hands it back (see <see cref="StoredFigure"/>).</summary>
    public object? Value { get; init; }

    public UnitFiguresRow ToUnit(IReadOnlyCollection<KeyValuePair<string, decimal>> figures) => new()
    {
        Code = Code,
        Name = Name,
        Type = Type,
        SubmissionId = SubmissionId,
        TemplateId = TemplateId,
        TemplateVersion = TemplateVersion is { } v ? (int)v : null,
        FirstReceived = FirstReceived,
        CurrentReceived = CurrentReceived,
        Figures = SubmissionId is null || figures.Count == 0 ? MeasureFigures.Empty : new MeasureFigures(figures),
        Review = SubmissionId is null ? null : Warehouse.Reviews.SubmissionReview.Of(ReviewState, ReviewComment, ReviewBy, ReviewAt),
    };
}

public sealed record CurrentNarrativeRow
{
    public required string Unit { get; init; }
    public required string UnitName { get; init; }
    public required string Section { get; init; }
    public required string Heading { get; init; }
    public required string Text { get; init; }
}

/// <summary>One stored table row of a unit's current submission; <see cref="RowValues"/> is the row's JSON.</summary>
public sealed record CurrentTableRow
{
    public required string Unit { get; init; }
    public required string UnitName { get; init; }
    public required string Section { get; init; }
    public long Seq { get; init; }
    public required string RowValues { get; init; }
}
