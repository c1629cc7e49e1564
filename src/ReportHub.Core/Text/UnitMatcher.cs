using System.Text.RegularExpressions;
using ReportHub.Core.Domain;

namespace ReportHub.Core.Text;

/// <summary>Finds registry units by the names and abbreviations that departments write.</summary>
public sealed partial class UnitMatcher
{
    /// <summary>"tp."/"tx." (with or without the dot) as a word of its own, folded.</summary>
    [GeneratedRegex(@"(?<![\p{L}0-9])(tp|tx)(?:\s*\.\s*|\s+)(?=[\p{L}0-9])")]
    private static partial Regex Abbreviations();

    /// <summary>Document-type abbreviations (folded) that open many symbols ("TB-SCT", "QĐ-UBND") but never name an issuer.</summary>
    private static readonly HashSet<string> DocumentTypes = new(StringComparer.Ordinal)
    {
        "tb", "qd", "kh", "bc", "cv", "ct", "ttr", "gm", "tt", "nq", "nd", "cd", "hd", "kl", "qc", "da", "ctr", "pa",
        "bb", "gxn", "gp", "gcn",
    };

    private readonly List<Entry> _entries = [];
    private readonly List<(Unit Unit, string[] Keys)> _provinces = [];
    private readonly string[] _provinceCores;

    public UnitMatcher(IEnumerable<Unit> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var list = units.ToList();
        var byCode = new Dictionary<string, Unit>(StringComparer.Ordinal);
        foreach (var unit in list)
        {
            byCode.TryAdd(unit.Code, unit);
        }

        // Province names without "tỉnh"/"UBND": the words a department name ends with ("… tỉnh Quảng Ngãi").
        var cores = new HashSet<string>(StringComparer.Ordinal);
        foreach (var province in list.Where(u => u.Type == UnitTypes.Province))
        {
            var keys = NamesOf(province).Select(VietnameseText.Fold).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
            foreach (var key in keys.ToArray())
            {
                var core = StripPrefix(StripPrefix(CanonicalUbnd(key), "ubnd "), "tinh ");
                if (core.Length > 0)
                {
                    cores.Add(core);
                    keys.Add(core);
                }
            }

            _provinces.Add((province, keys.OrderByDescending(k => k.Length).ToArray()));
        }

        _provinceCores = cores.OrderByDescending(c => c.Length).ToArray();

        foreach (var unit in list)
        {
            var exact = NamesOf(unit).Select(VietnameseText.Fold).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
            var loose = exact.Select(k => LooseKey(k, out _)).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
            var abbreviations = unit.Aliases
                .Where(a => !a.Trim().Contains(' ', StringComparison.Ordinal))
                .Select(VietnameseText.Fold)
                .Where(a => a.Length > 0)
                .ToHashSet(StringComparer.Ordinal);

            // The code's last segment is the department's own abbreviation ("51.SCT" → SCT).
            var dot = unit.Code.LastIndexOf('.');
            var codeTail = dot >= 0 ? unit.Code[(dot + 1)..] : string.Empty;
            if (codeTail.Any(char.IsLetter))
            {
                abbreviations.Add(VietnameseText.Fold(codeTail));
            }

            _entries.Add(new Entry(unit, ProvinceOf(unit, byCode), exact, loose, abbreviations));
        }
    }

    /// <summary>
    /// A unit whose name or alias equals the text after folding (case, tone placement such as Uỷ/Ủy, spacing,
    /// trailing punctuation, a leading "UBND"/"Ủy ban nhân dân"). Where several match, the one active on
    /// <paramref name="on"/> and inside <paramref name="provinceCode"/> wins; an ambiguous match is null.
    /// </summary>
    public Unit? MatchName(string? text, string? provinceCode = null, DateOnly? on = null)
    {
        var folded = VietnameseText.Fold(text);
        if (folded.Length == 0)
        {
            return null;
        }

        // Exact folded names first, so "UBND tỉnh Quảng Ngãi" cannot drift to a looser reading.
        var exact = _entries.Where(e => e.Exact.Contains(folded)).ToList();
        if (exact.Count > 0)
        {
            return Choose(exact, provinceCode, on);
        }

        var loose = LooseKey(folded, out var impliedProvince);
        var candidates = _entries.Where(e => e.Loose.Contains(loose)).ToList();

        // "… tỉnh Quảng Trị" written in the text says more than the caller's default province.
        return Choose(candidates, impliedProvince ?? provinceCode, on);
    }

    /// <summary>The issuer named by an abbreviation inside a symbol, e.g. "SCT-VP" or "TB-SCT" → the unit aliased "SCT".</summary>
    public Unit? MatchSymbol(string? symbol, string? provinceCode = null, DateOnly? on = null)
    {
        if (string.IsNullOrWhiteSpace(symbol))
        {
            return null;
        }

        foreach (var part in Citations.SymbolParts(symbol))
        {
            var key = VietnameseText.Fold(part);
            if (key.Length == 0 || DocumentTypes.Contains(key))
            {
                continue;
            }

            var candidates = _entries.Where(e => e.Abbreviations.Contains(key)).ToList();
            if (candidates.Count == 0)
            {
                // The issuer part names no unit we know ("SDL-VP", "UBND-VP"): the drafting-office part after it
                // must not stand in for it, or an unknown body's figures land on the provincial Văn phòng.
                return null;
            }

            // The issuer comes first; a later part is usually the drafting office ("SCT-VP": VP is the Sở's own
            // office, not the provincial Văn phòng), so the first part that names a unit decides, even if ambiguous.
            return Choose(candidates, provinceCode, on);
        }

        return null;
    }

    /// <summary>The province whose name occurs in the text ("UBND TỈNH QUẢNG NGÃI", "Quảng Ngãi, ngày …").</summary>
    /// <remarks>When several provinces are named, the earliest mention wins: headers name the issuer first.</remarks>
    public Unit? MatchProvince(string? text)
    {
        var folded = VietnameseText.Fold(text);
        if (folded.Length == 0)
        {
            return null;
        }

        Unit? best = null;
        var bestIndex = int.MaxValue;
        var bestLength = 0;
        foreach (var (unit, keys) in _provinces)
        {
            foreach (var key in keys)
            {
                var index = IndexOfWord(folded, key);
                if (index >= 0 && (index < bestIndex || (index == bestIndex && key.Length > bestLength)))
                {
                    best = unit;
                    bestIndex = index;
                    bestLength = key.Length;
                }
            }
        }

        return best;
    }

    private static Unit? Choose(List<Entry> candidates, string? provinceCode, DateOnly? on)
    {
        var pool = candidates.DistinctBy(e => e.Unit.Code).ToList();
        if (provinceCode is not null)
        {
            var inProvince = pool.Where(e => e.Province == provinceCode).ToList();
            if (inProvince.Count > 0)
            {
                pool = inProvince;
            }
        }

        if (on is { } day)
        {
            var active = pool.Where(e => e.Unit.IsActiveOn(day)).ToList();
            if (active.Count > 0)
            {
                pool = active;
            }
        }

        return pool.Count == 1 ? pool[0].Unit : null;
    }

    /// <summary>
    /// A folded name with the parts writers add or drop: "Ủy ban nhân dân" written as "UBND", a leading "UBND",
    /// "TP."/"TX." for "Thành phố"/"Thị xã", a trailing "tỉnh &lt;province&gt;" (reported in <paramref name="impliedProvince"/> as that province's core name)
    /// or a bare trailing "tỉnh", and spaces around "&amp;".
    /// </summary>
    private string LooseKey(string folded, out string? impliedProvince)
    {
        impliedProvince = null;
        var key = Abbreviations().Replace(CanonicalUbnd(folded), m => m.Groups[1].Value == "tp" ? "thanh pho " : "thi xa ")
            .Replace(" & ", "&", StringComparison.Ordinal);
        key = StripPrefix(key, "ubnd ");

        foreach (var core in _provinceCores)
        {
            var suffix = " tinh " + core;
            if (key.EndsWith(suffix, StringComparison.Ordinal) && key.Length > suffix.Length)
            {
                key = key[..^suffix.Length];
                impliedProvince = ProvinceCodeOfCore(core);
                break;
            }
        }

        if (key.EndsWith(" tinh", StringComparison.Ordinal) && key.Length > " tinh".Length)
        {
            key = key[..^" tinh".Length];
        }

        return key;
    }

    private string? ProvinceCodeOfCore(string core) =>
        _provinces.FirstOrDefault(p => p.Keys.Contains(core, StringComparer.Ordinal)).Unit?.Code;

    private static string CanonicalUbnd(string folded) =>
        (" " + folded + " ").Replace(" uy ban nhan dan ", " ubnd ", StringComparison.Ordinal).Trim();

    private static string StripPrefix(string key, string prefix) =>
        key.StartsWith(prefix, StringComparison.Ordinal) && key.Length > prefix.Length ? key[prefix.Length..] : key;

    private static IEnumerable<string> NamesOf(Unit unit) => unit.Aliases.Prepend(unit.Name);

    private static string? ProvinceOf(Unit unit, Dictionary<string, Unit> byCode)
    {
        var current = unit;
        // The depth guard stops a registry with a parent cycle from hanging the matcher.
        for (var depth = 0; depth < 16; depth++)
        {
            if (current.Type == UnitTypes.Province)
            {
                return current.Code;
            }

            if (current.Parent is null || !byCode.TryGetValue(current.Parent, out var parent))
            {
                return null;
            }

            current = parent;
        }

        return null;
    }

    private static int IndexOfWord(string haystack, string word)
    {
        var from = 0;
        while (from <= haystack.Length - word.Length)
        {
            var index = haystack.IndexOf(word, from, StringComparison.Ordinal);
            if (index < 0)
            {
                return -1;
            }

            var end = index + word.Length;
            var startsWord = index == 0 || !char.IsLetterOrDigit(haystack[index - 1]);
            var endsWord = end == haystack.Length || !char.IsLetterOrDigit(haystack[end]);
            if (startsWord && endsWord)
            {
                return index;
            }

            from = index + 1;
        }

        return -1;
    }

    private sealed record Entry(Unit Unit, string? Province, HashSet<string> Exact, HashSet<string> Loose, HashSet<string> Abbreviations);
}
