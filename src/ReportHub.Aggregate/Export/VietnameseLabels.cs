using ReportHub.Aggregate.Rollups;
using ReportHub.Core.Text;

namespace ReportHub.Aggregate.Export;

/// <summary>The words officials expect in place of ReportHub's JSON codes, in the workbook and the CSV.</summary>
internal static class VietnameseLabels
{
    public static string UnitType(string? type) => type is null or "" ? Terms.OtherUnits : Terms.UnitType(type);

    /// <summary>A unit's place in the round; a status this list does not know is "Khác", never its English code.</summary>
    public static string Status(string? status) => status switch
    {
        UnitStatuses.OnTime => Terms.OnTime,
        UnitStatuses.Late => Terms.Late,
        UnitStatuses.Missing => Terms.NotSent,
        _ => Terms.OtherUnits,
    };
}
