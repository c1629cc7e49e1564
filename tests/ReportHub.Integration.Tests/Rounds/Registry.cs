using ReportHub.Core.Domain;
using ReportHub.Integration.Tests.Support;
using ReportHub.Pipeline.Reference;

namespace ReportHub.Integration.Tests.Rounds;

/// <summary>The sample registry, read with the loader the warehouse is filled with.</summary>
internal static class Registry
{
    public static IReadOnlyList<Unit> Units { get; } = ReferenceLoader.ReadUnits(Path.Combine(RepoPaths.Samples, "reference", "units.csv"));

    /// <summary>Quảng Ngãi's departments that exist on the day (the registry holds other provinces' bodies too).</summary>
    public static IReadOnlyList<string> ActiveDepartments(DateOnly on) =>
        Units.Where(u => u.Type == UnitTypes.Department && u.Parent == "51" && u.IsActiveOn(on)).Select(u => u.Code).Order(StringComparer.Ordinal).ToList();

    /// <summary>Quảng Ngãi's districts that exist on the day (all were merged away on 1 July 2025).</summary>
    public static IReadOnlyList<string> ActiveDistricts(DateOnly on) =>
        Units.Where(u => u.Type == UnitTypes.District && u.Parent == "51" && u.IsActiveOn(on)).Select(u => u.Code).Order(StringComparer.Ordinal).ToList();
}
