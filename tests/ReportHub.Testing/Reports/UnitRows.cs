using ReportHub.Aggregate.Rollups;
using ReportHub.Core.Domain;
using ReportHub.Core.Measures;
using ReportHub.Core.Templates;

namespace ReportHub.Testing.Reports;

/// <summary>
/// What the rollups read back for one unit, built from a parsed report's tables without a warehouse: its table rows
/// (as <c>table_rows</c> holds them, numbered from 1 in the order written) and its status with the figures of those
/// tables. For the exports' tests, which take a <see cref="ConsolidatedData"/> as it is.
/// </summary>
public static class UnitRows
{
    /// <summary>The unit's rows of every table, section by section, each numbered as the warehouse numbers it.</summary>
    public static IReadOnlyList<UnitTableRow> Of(string unit, string unitName, IReadOnlyDictionary<string, ParsedTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        return [.. tables.Values
            .OrderBy(t => t.Section, StringComparer.Ordinal)
            .SelectMany(t => t.Rows.Select((row, index) => new UnitTableRow
            {
                Unit = unit,
                UnitName = unitName,
                Section = t.Section,
                Seq = index + 1,
                Values = row.Values,
            }))];
    }

    /// <summary>The first template's rows of one unit: its directives and its QR rows.</summary>
    public static IReadOnlyList<UnitTableRow> FirstTemplate(string unit, string unitName, IReadOnlyList<DirectiveRow> directives,
        IReadOnlyList<QrRow> qrRows) =>
        Of(unit, unitName, FirstTemplateView.Tables(directives, qrRows));

    /// <summary>
    /// A reported unit as the rollups show it: its measures with the indicators taken from them, and the template's
    /// top-level fields. A measure left out of <paramref name="measures"/> is one the unit has no value for.
    /// </summary>
    public static UnitStatus Reported(TemplateDefinition template, string unit, string name, string type, string status,
        long submissionId, DateTimeOffset receivedAt, IReadOnlyDictionary<string, decimal> measures, DateTimeOffset? revisedAt = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        var view = FigureView.Of(template, measures);
        return new UnitStatus
        {
            Unit = unit,
            Name = name,
            Type = type,
            Status = status,
            ReceivedAt = receivedAt,
            RevisedAt = revisedAt,
            SubmissionId = submissionId,
            Figures = view.Figures,
            Fields = view.Fields,
        };
    }

    /// <summary>An expected unit that has sent nothing: no time, no submission, no figure.</summary>
    public static UnitStatus Missing(string unit, string name, string type) => new()
    {
        Unit = unit,
        Name = name,
        Type = type,
        Status = UnitStatuses.Missing,
    };
}
