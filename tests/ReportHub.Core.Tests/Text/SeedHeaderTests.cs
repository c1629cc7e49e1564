using ReportHub.Core.Domain;
using ReportHub.Core.Text;

namespace ReportHub.Core.Tests.Text;

/// <summary>The header lines of the five real documents under Fixtures/seeds must parse.</summary>
public sealed class SeedHeaderTests
{
    private static readonly UnitMatcher Matcher = new(TextFixtures.Units);

    public static TheoryData<string, string?, string, string, int?, int?, int> Headers() => new()
    {
        { "000", null, "SKHCN-VP", "Quảng Ngãi", 7, 7, 2021 },
        { "001", "914", "VP-HCTC", "Quảng Ngãi", 28, 6, 2021 },
        { "002", "489", "SCT-VP", "Quảng Trị", 16, 4, 2020 },
        { "003", null, "UBND-CNTT", "Bình Sơn", null, null, 2021 },
        { "004", "2162", "SCT-VP", "Quảng Ngãi", 27, 10, 2021 },
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public void SeedHeaderNumberLineParses(string seed, string? number, string symbol, string place, int? day, int? month, int year)
    {
        _ = (place, day, month, year);
        var line = TextFixtures.SeedLines(seed).First(l => l.StartsWith("Số:", StringComparison.Ordinal));
        Assert.True(Citations.TryParse(line, out var citation));
        Assert.Equal(number, citation.Number);
        Assert.Equal(symbol, citation.Symbol);
    }

    [Theory]
    [MemberData(nameof(Headers))]
    public void SeedHeaderPlaceDateLineParses(string seed, string? number, string symbol, string place, int? day, int? month, int year)
    {
        _ = (number, symbol);
        var parsed = TextFixtures.SeedLines(seed)
            .Select(l => VietnameseDates.TryParsePlaceDate(l, out var pd) ? pd : null)
            .First(pd => pd is not null)!;
        Assert.Equal(place, parsed.Place);
        Assert.Equal(year, parsed.Year);
        Assert.Equal(day is null ? null : new DateOnly(year, month!.Value, day.Value), parsed.Date);
    }

    [Theory]
    [InlineData("000", "51", "51.SKHCN")]
    [InlineData("001", "51", "51.VPUBND")]
    [InlineData("002", "45", "45.SCT")]
    [InlineData("004", "51", "51.SCT")]
    public void SeedIssuerFollowsFromThePlaceLineAndTheSymbol(string seed, string province, string issuer)
    {
        var lines = TextFixtures.SeedLines(seed);
        var placeLine = lines.First(l => VietnameseDates.TryParsePlaceDate(l, out _));
        Assert.Equal(province, Matcher.MatchProvince(placeLine)?.Code);

        Assert.True(Citations.TryParse(lines.First(l => l.StartsWith("Số:", StringComparison.Ordinal)), out var citation));
        Assert.Equal(issuer, Matcher.MatchSymbol(citation.Symbol, province)?.Code);
    }

    [Fact]
    public void Seed003IssuerIsNamedInItsHeader()
    {
        var lines = TextFixtures.SeedLines("003");
        var name = string.Join(' ', lines.SkipWhile(l => !l.Contains("ỦY BAN", StringComparison.Ordinal)).Take(2)).Replace("*", string.Empty, StringComparison.Ordinal);
        Assert.Equal("51.524", Matcher.MatchName(name, "51")?.Code);
    }

    [Fact]
    public void Seed004IssuerLinesNameProvinceAndDepartment()
    {
        var lines = TextFixtures.SeedLines("004");
        Assert.Equal("51", Matcher.MatchName(lines.First(l => l.StartsWith("UBND", StringComparison.Ordinal)))?.Code);
        Assert.Equal("51.SCT", Matcher.MatchName(lines.First(l => l.StartsWith("SỞ", StringComparison.Ordinal)), "51")?.Code);
    }

    [Fact]
    public void Seed004AppendixCitationsParseWithTheirDates()
    {
        var appendix = TextFixtures.SeedLines("004")
            .Where(l => l.Contains('\t', StringComparison.Ordinal))
            .Select(l => l.Split('\t'))
            .Where(cells => cells.Length >= 3 && int.TryParse(cells[0], out _) && cells[2].Contains("ngày", StringComparison.Ordinal))
            .Select(cells => Citations.FindAll(cells[2]).Single())
            .ToList();

        Assert.Equal(
            [
                new Citation { Number = "780", Symbol = "SCT-VP", Date = new DateOnly(2021, 5, 7) },
                new Citation { Number = "1532", Symbol = "SCT-QLTM", Date = new DateOnly(2021, 8, 9) },
                new Citation { Number = "1711", Symbol = "TB-SCT", Date = new DateOnly(2021, 8, 30) },
            ],
            appendix);
        Assert.All(appendix, c => Assert.Equal("51.SCT", Matcher.MatchSymbol(c.Symbol, "51", c.Date)?.Code));
    }

    [Fact]
    public void Seed004AppendixContentsCiteEarlierDocuments()
    {
        var content = TextFixtures.SeedLines("004").Single(l => l.StartsWith("3\tTriển khai", StringComparison.Ordinal)).Split('\t')[1];
        var cited = Citations.FindAll(content);
        Assert.Equal(["1088/STTTT-CNTT", "780/SCT-VP"], cited.Select(c => c.Reference));
        Assert.True(Citations.SameDocument(cited[1].Reference, "780/SCT-VP ngày 07/05/2021"));
    }

    [Fact]
    public void SeedBodiesYieldTheirCitedDocuments()
    {
        var cited = Citations.FindAll(TextFixtures.Seed("000"));
        Assert.Equal(["/SKHCN-VP", "09-CT/TU", "3108/UBND-KGVX"], cited.Select(c => c.Reference));
        Assert.Equal(new DateOnly(2021, 7, 1), cited[1].Date);
        Assert.Equal(new DateOnly(2021, 7, 2), cited[2].Date);
    }
}
