using ReportHub.Core.Domain;

namespace ReportHub.Core.Text;

/// <summary>
/// The one Vietnamese word for each idea that pages, exports, the CLI and messages all name, so an official never
/// meets two words for the same thing ("Sở, ngành" on one page and "Sở, ban, ngành" in the workbook).
/// </summary>
public static class Terms
{
    /// <summary>The unit type of the province's departments, agencies and boards.</summary>
    public const string Departments = "Sở, ban, ngành";

    public const string Districts = "Huyện, thị xã, thành phố";

    public const string Communes = "Xã, phường, thị trấn";

    public const string Province = "Tỉnh";

    public const string OtherUnits = "Khác";

    /// <summary>A unit that has not sent its report for a round.</summary>
    public const string NotSent = "Chưa gửi";

    public const string OnTime = "Đúng hạn";

    public const string Late = "Trễ hạn";

    /// <summary>A unit type in words; a type this list does not know is "Khác", never its English code.</summary>
    public static string UnitType(string? type) => type switch
    {
        UnitTypes.Province => Province,
        UnitTypes.Department => Departments,
        UnitTypes.District => Districts,
        UnitTypes.Commune => Communes,
        null or "" => "",
        _ => OtherUnits,
    };
}
