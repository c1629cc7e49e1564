using System.Globalization;
using System.Text;
using ReportHub.Core.Domain;
using ReportHub.Core.Issues;
using ReportHub.Core.Text;
using ReportHub.Pipeline.Resolution;

namespace ReportHub.Integration.Tests.Resolving;

/// <summary>
/// Every unit of samples/reference/units.csv, headed the ways its letters are really typed (capitals on two lines,
/// mixed case, one line, "ỦY BAN NHÂN DÂN" over the place, TX./TP., NFD, TCVN3, VNI), resolves to its own code on a
/// day it was in office.
/// </summary>
public sealed class RegistryHeaderTests
{
    public static TheoryData<string> Codes()
    {
        var data = new TheoryData<string>();
        foreach (var unit in HeaderGrid.Registry)
        {
            data.Add(unit.Code);
        }
        return data;
    }

    [Fact]
    public void RegistryHasEveryKindOfUnit()
    {
        Assert.Contains(HeaderGrid.Registry, u => u.Type == UnitTypes.Province);
        Assert.True(HeaderGrid.Registry.Count(u => u.Type == UnitTypes.Department) >= 20);
        Assert.True(HeaderGrid.Registry.Count(u => u.Type == UnitTypes.District) >= 13);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void EveryHeaderVariantOfTheUnitResolvesToIt(string code)
    {
        var unit = HeaderGrid.Registry.Single(u => u.Code == code);
        var on = unit.ValidTo ?? new DateOnly(2025, 9, 1);
        var round = HeaderGrid.RoundOn(on);
        var resolver = new Resolver(HeaderGrid.Registry, [round]);
        var variants = Variants(unit).ToList();
        Assert.NotEmpty(variants);

        var failures = new List<string>();
        foreach (var (name, block) in variants)
        {
            var header = HeaderGrid.Read(block, place: Place(unit));
            var resolution = resolver.Resolve(header, null, round.Code, "Báo cáo");
            if (resolution.Unit?.Code != code || resolution.Issues.Any(i => i.Code != IssueCodes.LegacyTextConverted))
            {
                failures.Add($"{name}: [{header.GoverningBody} | {header.IssuingBodyLine}] → {resolution.Unit?.Code ?? "null"} " +
                    string.Join("; ", resolution.Issues.Select(i => i.Code)));
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static string Place(Unit unit) => unit.Type == UnitTypes.District ? Core(unit.Name) : ProvinceShort(ProvinceOf(unit));

    private static Unit ProvinceOf(Unit unit) =>
        unit.Type == UnitTypes.Province ? unit : HeaderGrid.Registry.Single(u => u.Code == unit.Parent);

    private static string ProvinceShort(Unit province) => Core(province.Name);

    /// <summary>"Huyện Bình Sơn" → "Bình Sơn", "Thị xã Đức Phổ" → "Đức Phổ", "Tỉnh Quảng Ngãi" → "Quảng Ngãi".</summary>
    private static string Core(string name)
    {
        foreach (var prefix in new[] { "Tỉnh ", "Huyện ", "Thị xã ", "Thành phố " })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return name[prefix.Length..];
            }
        }
        return name;
    }

    private static string Upper(string s) => s.ToUpper(CultureInfo.InvariantCulture);

    private static string LowerFirst(string s) => char.ToLowerInvariant(s[0]) + s[1..];

    private static object Tcvn3(string s) => (LegacyText.FromUnicode(s, LegacyCharset.Tcvn3), ".VnTime");

    private static object Vni(string s) => (LegacyText.FromUnicode(s, LegacyCharset.Vni), "VNI-Times");

    private static string Nfd(string s) => s.Normalize(NormalizationForm.FormD);

    private static IEnumerable<(string Name, object[] Block)> Variants(Unit unit)
    {
        var province = ProvinceShort(ProvinceOf(unit));
        var governing = "UBND TỈNH " + Upper(province);
        var governingMixed = "UBND tỉnh " + province;
        if (unit.Type == UnitTypes.Province)
        {
            yield return ("one line", [governing]);
            yield return ("council over place", ["ỦY BAN NHÂN DÂN", "TỈNH " + Upper(province)]);
            yield return ("mixed case", ["Ủy ban nhân dân tỉnh " + province]);
            yield return ("tcvn3", [Tcvn3(governingMixed)]);
            yield break;
        }

        if (unit.Type == UnitTypes.District)
        {
            var name = unit.Name;
            yield return ("two lines, capitals", [governing, "UBND " + Upper(name)]);
            yield return ("council over place", ["ỦY BAN NHÂN DÂN", Upper(name)]);
            yield return ("old tone placement", ["UỶ BAN NHÂN DÂN", Upper(name)]);
            yield return ("one line", ["UBND " + Upper(name)]);
            yield return ("three lines", [governing, "ỦY BAN NHÂN DÂN", Upper(name)]);
            yield return ("mixed case", [governingMixed, "Ubnd " + LowerFirst(name)]);
            yield return ("lower case", [governingMixed.ToLowerInvariant(), "ủy ban nhân dân " + name.ToLowerInvariant()]);
            yield return ("nfd", [Nfd(governing), Nfd("UBND " + Upper(name))]);
            yield return ("tcvn3 mixed case", [Tcvn3(governing), Tcvn3("UBND " + LowerFirst(name))]);
            yield return ("vni mixed case", [Vni(governing), Vni("UBND " + LowerFirst(name))]);
            if (name.StartsWith("Thị xã ", StringComparison.Ordinal))
            {
                yield return ("TX.", [governing, "UBND TX. " + Upper(Core(name))]);
            }
            if (name.StartsWith("Thành phố ", StringComparison.Ordinal))
            {
                yield return ("TP.", [governing, "UBND TP. " + Upper(Core(name))]);
            }
            yield break;
        }

        // A department writes its short name under the province ("SỞ CÔNG THƯƠNG"), or its full name alone.
        var shortName = unit.Aliases.First(a => a.Contains(' ', StringComparison.Ordinal));
        yield return ("two lines, capitals", [governing, Upper(shortName)]);
        yield return ("council over province", ["ỦY BAN NHÂN DÂN", "TỈNH " + Upper(province), Upper(shortName)]);
        yield return ("mixed case", [governingMixed, shortName]);
        yield return ("lower case", [governingMixed.ToLowerInvariant(), shortName.ToLowerInvariant()]);
        yield return ("full name, one line", [Upper(unit.Name)]);
        yield return ("nfd", [Nfd(governing), Nfd(Upper(shortName))]);
        yield return ("tcvn3 mixed case", [Tcvn3(governing), Tcvn3(shortName)]);
        yield return ("vni mixed case", [Vni(governing), Vni(shortName)]);
        if (shortName.Contains("Ủy", StringComparison.Ordinal))
        {
            yield return ("old tone placement", [governing, Upper(shortName.Replace("Ủy", "Uỷ", StringComparison.Ordinal))]);
        }
    }
}
