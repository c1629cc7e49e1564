using System.Text.Json.Serialization;
using ReportHub.Core.Templates;
using ReportHub.Core.Domain;
using ReportHub.Warehouse.Rollups;

namespace ReportHub.Aggregate.Rollups;

public static class UnitStatuses
{
    public const string OnTime = "onTime";
    public const string Late = "late";
    public const string Missing = "missing";
}

/// <summary>CONTRACT §5 <c>GET /api/rounds/{code}/totals</c>.</summary>
public sealed record RoundTotals
{
    public required string Round { get; init; }

    /// <summary>The template the round's reports are read with.</summary>
    public string Template { get; init; } = RollupService.DefaultTemplate;

    public required int UnitsExpected { get; init; }
    public required int UnitsReported { get; init; }
    public required int UnitsOnTime { get; init; }
    public required int UnitsLate { get; init; }
    public required int UnitsMissing { get; init; }

    /// <summary>Each measure aggregated over the units' current submissions, and each indicator as a ratio of those aggregates.</summary>
    public IReadOnlyDictionary<string, decimal> Figures { get; init; } = MeasureFigures.Empty;

    // CONTRACT §5: the COVID template's own fields; a round of another template leaves them out.
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Directives { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? QrCodes { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? QrScans { get; init; }
}

/// <summary>CONTRACT §5 <c>GET /api/rounds/{code}/units</c>: one expected (or reporting) unit.</summary>
public sealed record UnitStatus
{
    public required string Unit { get; init; }
    public required string Name { get; init; }
    public required string Type { get; init; }
    public required string Status { get; init; }
    public DateTimeOffset? ReceivedAt { get; init; }
    public long? SubmissionId { get; init; }

    /// <summary>The current submission's measures and indicators by key; empty when the unit has not reported.</summary>
    public IReadOnlyDictionary<string, decimal> Figures { get; init; } = MeasureFigures.Empty;

    // CONTRACT §5: the COVID template's own fields; a round of another template leaves them out.
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Directives { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? QrCodes { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? QrScans { get; init; }
}

public sealed record UnitDirective
{
    public required string Unit { get; init; }
    public required string UnitName { get; init; }
    public required int Ordinal { get; init; }
    public required string Content { get; init; }
    public string? DocumentNumber { get; init; }
    public string? DocumentSymbol { get; init; }
    public DateOnly? DocumentDate { get; init; }
    public string? CitationText { get; init; }
    public string? IssuingUnit { get; init; }
    public IReadOnlyList<string> Recipients { get; init; } = [];
}

public sealed record UnitQrRow
{
    public required string Unit { get; init; }
    public required string UnitName { get; init; }
    public required int Ordinal { get; init; }
    public required string Entity { get; init; }
    public required long QrCodes { get; init; }
    public required long QrScans { get; init; }
    public string? Note { get; init; }
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

    /// <summary>Values by column key; an empty cell has no entry.</summary>
    public required IReadOnlyDictionary<string, FieldValue> Values { get; init; }
}

/// <summary>Everything the consolidated workbook shows for one round.</summary>
public sealed record ConsolidatedData
{
    public required Round Round { get; init; }

    /// <summary>The definition the round's reports were read with: it decides every column and heading of the exports.</summary>
    public required TemplateDefinition Template { get; init; }
    public required RoundTotals Totals { get; init; }
    public required IReadOnlyList<UnitStatus> Units { get; init; }
    public required IReadOnlyList<UnitDirective> Directives { get; init; }
    public required IReadOnlyList<UnitQrRow> QrRows { get; init; }
    public required IReadOnlyList<UnitNarrative> Narratives { get; init; }

    /// <summary>
    /// Every table row of the units' current submissions, ordered by unit, section and row; empty for the COVID
    /// template, whose exports read <see cref="Directives"/> and <see cref="QrRows"/>.
    /// </summary>
    public required IReadOnlyList<UnitTableRow> Rows { get; init; }
    /// <summary>e.g. "UBND TỈNH QUẢNG NGÃI".</summary>
    public required string ProvinceHeading { get; init; }
    /// <summary>The requesting body on the round's date, e.g. "SỞ THÔNG TIN VÀ TRUYỀN THÔNG" (see <c>RequestingBody</c>).</summary>
    public required string AuthorityHeading { get; init; }
    public required DateTimeOffset GeneratedAt { get; init; }
}
