using ReportHub.Aggregate.Rollups;
using ReportHub.Core.Domain;

namespace ReportHub.Aggregate.Export;

/// <summary>The words officials expect in place of ReportHub's JSON codes.</summary>
internal static class VietnameseLabels
{
    public static string UnitType(string type) => type switch
    {
        UnitTypes.Department => "Sở, ban, ngành",
        UnitTypes.District => "Huyện, thị xã, thành phố",
        UnitTypes.Commune => "Xã",
        UnitTypes.Province => "Tỉnh",
        _ => "Khác",
    };

    public static string Status(string status) => status switch
    {
        UnitStatuses.OnTime => "Đúng hạn",
        UnitStatuses.Late => "Trễ hạn",
        UnitStatuses.Missing => "Chưa báo cáo",
        _ => status,
    };
}
