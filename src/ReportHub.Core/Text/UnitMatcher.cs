using ReportHub.Core.Domain;

namespace ReportHub.Core.Text;

/// <summary>Finds registry units by the names and abbreviations that departments write.</summary>
public sealed class UnitMatcher
{
    public UnitMatcher(IEnumerable<Unit> units) => throw new NotImplementedException();

    /// <summary>
    /// A unit whose name or alias equals the text after folding (case, tone placement such as Uỷ/Ủy, spacing,
    /// trailing punctuation, a leading "UBND"/"Ủy ban nhân dân"). Where several match, the one active on
    /// <paramref name="on"/> and inside <paramref name="provinceCode"/> wins; an ambiguous match is null.
    /// </summary>
    public Unit? MatchName(string? text, string? provinceCode = null, DateOnly? on = null) => throw new NotImplementedException();

    /// <summary>The issuer named by an abbreviation inside a symbol, e.g. "SCT-VP" or "TB-SCT" → the unit aliased "SCT".</summary>
    public Unit? MatchSymbol(string? symbol, string? provinceCode = null, DateOnly? on = null) => throw new NotImplementedException();

    /// <summary>The province whose name occurs in the text ("UBND TỈNH QUẢNG NGÃI", "Quảng Ngãi, ngày …").</summary>
    public Unit? MatchProvince(string? text) => throw new NotImplementedException();
}
