using System.Text;
using ReportHub.Core.Domain;
using ReportHub.Core.Text;

namespace ReportHub.Core.Tests.Text;

public sealed class CitationsTests
{
    private static Citation Parse(string text)
    {
        Assert.True(Citations.TryParse(text, out var citation), text);
        return citation;
    }

    [Theory]
    [InlineData("780/SCT-VP ngày 07/05/2021", "780", "SCT-VP", 2021, 5, 7)]
    [InlineData("1711/TB-SCT ngày 30/8/2021", "1711", "TB-SCT", 2021, 8, 30)]
    [InlineData("Công văn số 1406/STTTT-BCVT&CNTT ngày 26/10/2021 của Sở", "1406", "STTTT-BCVT&CNTT", 2021, 10, 26)]
    [InlineData("Chỉ thị số 15/CT-TTg, ngày 27/3/2020 của Thủ tướng", "15", "CT-TTg", 2020, 3, 27)]
    [InlineData("Quyết định số 124/QĐ-UBND ngày 27 tháng 10 năm 2021", "124", "QĐ-UBND", 2021, 10, 27)]
    [InlineData("Văn bản số 12/SKH&ĐT-KT ngày 01.02.2021", "12", "SKH&ĐT-KT", 2021, 2, 1)]
    public void TryParseReadsNumberSymbolAndFollowingDate(string text, string number, string symbol, int y, int m, int d)
    {
        Assert.Equal(new Citation { Number = number, Symbol = symbol, Date = new DateOnly(y, m, d) }, Parse(text));
    }

    [Theory]
    [InlineData("Số: 914 /VP-HCTC", "914", "VP-HCTC")]
    [InlineData("Số: 2162/SCT-VP", "2162", "SCT-VP")]
    [InlineData("Số:2162 / SCT-VP", "2162", "SCT-VP")]
    [InlineData("SỐ: 489 /SCT-VP", "489", "SCT-VP")]
    [InlineData("Nghị định số 15/2020/NĐ-CP", "15", "2020/NĐ-CP")]
    [InlineData("Chỉ thị số 09-CT/TU ngày 01/7/2021", "09", "CT/TU")]
    [InlineData("Công văn số 1370/STTTT về việc", "1370", "STTTT")]
    [InlineData("780/SCT–VP", "780", "SCT-VP")]
    public void TryParseToleratesLabelsSpacesAndPartyStyle(string text, string number, string symbol)
    {
        var citation = Parse(text);
        Assert.Equal(number, citation.Number);
        Assert.Equal(symbol, citation.Symbol);
    }

    [Theory]
    [InlineData("Số: /SKHCN-VP", "SKHCN-VP")]
    [InlineData("Số:      /UBND-CNTT", "UBND-CNTT")]
    [InlineData("Số: ......./BC-UBND", "BC-UBND")]
    [InlineData("/SKHCN-VP", "SKHCN-VP")]
    public void TryParseReadsABlankNumberAsNull(string text, string symbol)
    {
        var citation = Parse(text);
        Assert.Null(citation.Number);
        Assert.Equal(symbol, citation.Symbol);
        Assert.Equal("/" + symbol, citation.Reference);
    }

    [Fact]
    public void TryParseKeepsLeadingZerosAsWritten()
    {
        Assert.Equal("09", Parse("09-CT/TU").Number);
        Assert.Equal("09-CT/TU", Parse("09-CT/TU").Reference);
    }

    [Fact]
    public void TryParseReadsNfdInput()
    {
        var citation = Parse("Quyết định số 124/QĐ-UBND ngày 27 tháng 10 năm 2021".Normalize(NormalizationForm.FormD));
        Assert.Equal("QĐ-UBND", citation.Symbol);
        Assert.Equal(new DateOnly(2021, 10, 27), citation.Date);
    }

    [Theory]
    [InlineData("07/05/2021")]
    [InlineData("ngày 30/8/2021")]
    [InlineData("đảm bảo ứng trực 24/24 giờ")]
    [InlineData("V/v báo cáo tình hình")]
    [InlineData("PC-Covid và Covid-19")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParseFindsNothingInDatesAndFractions(string? text)
    {
        Assert.False(Citations.TryParse(text, out _));
    }

    [Fact]
    public void TryParseLeavesTheDateNullWhenNoDateFollows()
    {
        Assert.Null(Parse("Số: 2162/SCT-VP").Date);
        Assert.Null(Parse("780/SCT-VP ngày 31/02/2021").Date);
    }

    [Fact]
    public void FindAllReturnsEveryCitationInOrder()
    {
        var text = "Triển khai Công văn số 1088/STTTT-CNTT ngày 26/8/2021 của Sở Thông tin và Truyền thông; " +
                   "Công văn số 780/SCT-VP ngày 07/5/2021 của Giám đốc Sở và Chỉ thị số 09-CT/TU ngày 01/7/2021.";
        Assert.Equal(
            [
                new Citation { Number = "1088", Symbol = "STTTT-CNTT", Date = new DateOnly(2021, 8, 26) },
                new Citation { Number = "780", Symbol = "SCT-VP", Date = new DateOnly(2021, 5, 7) },
                new Citation { Number = "09", Symbol = "CT/TU", Date = new DateOnly(2021, 7, 1), Separator = '-' },
            ],
            Citations.FindAll(text));
    }

    [Fact]
    public void FindAllOfTextWithoutCitationsIsEmpty()
    {
        Assert.Empty(Citations.FindAll("Ngày 19/10/2021, 24/24 giờ"));
        Assert.Empty(Citations.FindAll(null));
    }

    [Theory]
    [InlineData("STTTT-BCVT&CNTT", new[] { "STTTT", "BCVT", "CNTT" })]
    [InlineData("SCT-VP", new[] { "SCT", "VP" })]
    [InlineData("CT/TU", new[] { "CT", "TU" })]
    [InlineData("2020/NĐ-CP", new[] { "2020", "NĐ", "CP" })]
    [InlineData("SCT", new[] { "SCT" })]
    public void SymbolPartsSplitsAtDashSlashAndAmpersand(string symbol, string[] parts)
    {
        Assert.Equal(parts, Citations.SymbolParts(symbol));
    }

    [Theory]
    [InlineData("780/SCT-VP", "780/sct-vp")]
    [InlineData("780/SCT-VP ngày 07/05/2021", "780 / SCT-VP")]
    [InlineData("124/QĐ-UBND", "124/QD-UBND")]
    [InlineData("12/SKH&ĐT", "12/skh&dt")]
    [InlineData("Số: /SKHCN-VP", "/SKHCN-VP")]
    public void SameDocumentIgnoresCaseSpacesAndDStroke(string a, string b)
    {
        Assert.True(Citations.SameDocument(a, b));
        Assert.True(Citations.SameDocument(b, a));
    }

    [Theory]
    [InlineData("780/SCT-VP", "781/SCT-VP")]
    [InlineData("780/SCT-VP", "780/SCT-QLTM")]
    [InlineData("780/SCT-VP", "/SCT-VP")]
    public void SameDocumentTellsDifferentDocumentsApart(string a, string b)
    {
        Assert.False(Citations.SameDocument(a, b));
    }
}
