using System.Text.Json.Serialization;
using ReportHub.Core.Templates;
using ReportHub.Core.Domain;
using ReportHub.Core.Measures;

namespace ReportHub.Aggregate.Rollups;

public static class UnitStatuses
{
    public const string OnTime = "onTime";
    public const string Late = "late";
    public const string Missing = "missing";
}

/// <summary><c>GET /api/rounds/{code}/totals</c>: the round's completeness and figures over its expected units.</summary>
public sealed record RoundTotals
{
    public required string Round { get; init; }

    /// <summary>The template the round's reports are read with.</summary>
    public required string Template { get; init; }

    public required int UnitsExpected { get; init; }
    public required int UnitsReported { get; init; }
    public required int UnitsOnTime { get; init; }
    public required int UnitsLate { get; init; }
    public required int UnitsMissing { get; init; }

    /// <summary>Reported units whose current report is a revision of the first one they sent.</summary>
    public int UnitsRevised { get; init; }

    /// <summary>
    /// Each measure aggregated over the units that report it, and each indicator as a ratio of its measures aggregated
    /// over the units that report both. A figure no unit has is absent.
    /// </summary>
    public IReadOnlyDictionary<string, decimal> Figures { get; init; } = MeasureFigures.Empty;

    /// <summary>How many units each figure of <see cref="Figures"/> is taken over.</summary>
    public IReadOnlyDictionary<string, int> Coverage { get; init; } = FigureCoverage.Empty;

    /// <summary>The measures the template shows as top-level fields (its <c>field</c> measures), as whole numbers.</summary>
    [JsonExtensionData]
    public FieldValues? Fields { get; init; }

    /// <summary>
    /// True when only approved reports were counted (<c>?approved=true</c>): a unit whose current report is not
    /// approved counts as not reported. Absent otherwise.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool ApprovedOnly { get; init; }
}

/// <summary><c>GET /api/rounds/{code}/units</c>: one expected unit.</summary>
public sealed record UnitStatus
{
    public required string Unit { get; init; }
    public required string Name { get; init; }
    public required string Type { get; init; }
    public required string Status { get; init; }

    /// <summary>When the unit's first accepted report arrived: it decides whether the unit was on time.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>When the current report arrived, if it is a revision of the first; null otherwise.</summary>
    public DateTimeOffset? RevisedAt { get; init; }

    public long? SubmissionId { get; init; }

    /// <summary>
    /// The current submission's review (<c>{state, comment, by, at}</c>, state pending while never reviewed); null when
    /// the unit has no current submission.
    /// </summary>
    public Warehouse.Reviews.SubmissionReview? Review { get; init; }

    /// <summary>The current submission's measures and indicators by key; a measure it has no value for is absent.</summary>
    public IReadOnlyDictionary<string, decimal> Figures { get; init; } = MeasureFigures.Empty;

    /// <summary>The measures the template shows as top-level fields, as whole numbers.</summary>
    [JsonExtensionData]
    public FieldValues? Fields { get; init; }
}

public sealed record UnitNarrative
{
    public required string Unit { get; init; }
    public required string UnitName { get; init; }
    /// <summary>The key of the template's narrative section, e.g. COVID's "inspection", "results" or "recommendations".</summary>
    public required string Section { get; init; }
    public required string Heading { get; init; }
    public required string Text { get; init; }
}

/// <summary>One data row of a template table in a unit's current submission, its typed values as stored.</summary>
public sealed record UnitTableRow
{
    public required string Unit { get; init; }
    public required string UnitName { get; init; }

    /// <summary>The key of the template's table section.</summary>
    public required string Section { get; init; }

    /// <summary>1-based position of the row in the unit's table.</summary>
    public required int Seq { get; init; }

    /// <summary>
    /// The row's values as stored (RowValuesJson). A round's export holds tens of thousands of rows; kept as their
    /// stored text they cost a fraction of their typed form, which each row takes only while it is written.
    /// </summary>
    public string? StoredValues { get; init; }

    private readonly IReadOnlyDictionary<string, FieldValue>? _values;

    /// <summary>Values by column key; an empty cell has no entry. Read from <see cref="StoredValues"/> on each call unless given.</summary>
    public IReadOnlyDictionary<string, FieldValue> Values
    {
        get => _values ?? Warehouse.Submissions.RowValuesJson.Read(StoredValues ?? "{}");
        init => _values = value;
    }
}

/// <summary>Everything the consolidated workbook shows for one round.</summary>
public sealed record ConsolidatedData
{
    public required Round Round { get; init; }

    /// <summary>The definition the round's reports were read with: it decides every column and heading of the exports.</summary>
    public required TemplateDefinition Template { get; init; }
    public required RoundTotals Totals { get; init; }
    public required IReadOnlyList<UnitStatus> Units { get; init; }
    public required IReadOnlyList<UnitNarrative> Narratives { get; init; }

    /// <summary>Every table row of the expected units' current submissions, ordered by unit, section and row.</summary>
    public required IReadOnlyList<UnitTableRow> Rows { get; init; }
    /// <summary>e.g. "UBND TỈNH QUẢNG NGÃI".</summary>
    public required string ProvinceHeading { get; init; }
    /// <summary>The requesting body on the round's date, e.g. "SỞ THÔNG TIN VÀ TRUYỀN THÔNG" (see <c>RequestingBody</c>).</summary>
    public required string AuthorityHeading { get; init; }
    public required DateTimeOffset GeneratedAt { get; init; }
}
