using System.Text;
using ClosedXML.Excel;
using ReportHub.Core.Issues;
using ReportHub.Core.Text;
using ReportHub.Corpus.Tests.Support;
using ReportHub.Testing.Documents;
using static ReportHub.Corpus.Tests.Corpus.ExpectedIssue;

namespace ReportHub.Corpus.Tests.Corpus;

/// <summary>
/// Reports as departments really send them: Word letters typed under Decree 30, Excel sheets with their letterheads,
/// CSVs as Excel and LibreOffice save them in each encoding, and the formats ReportHub refuses. Each file is built
/// the way its program writes it, and carries the unit and figures (or the rejection) it must give.
/// </summary>
public static class RealShapedCases
{
    /// <summary>The sentence every refusal ends with: what to save the file as.</summary>
    private static readonly string[] SaveAs = [".docx", ".xlsx"];

    /// <summary>Where a Word letter's issuing body stands: the top-left cell of its header table.</summary>
    private const string LetterheadCell = "Bảng tiêu đề công văn, dòng 1, cột 1";

    public static IEnumerable<CorpusCase> Build() => [.. WordLetters(), .. SheetHeaders(), .. LocaleCsvs(), .. RefusedFormats()];

    private static Figures Expect(Report report, string unit) =>
        new(report.Directives.Count, report.ExpectedQrCodes, report.ExpectedQrScans, unit);

    private static CorpusCase Accepted(string name, string fileName, Func<byte[]> bytes, Figures figures, params ExpectedIssue[] issues) =>
        new(name, fileName, bytes, Status.Accepted, issues) { Figures = figures };

    private static IEnumerable<CorpusCase> WordLetters()
    {
        // Seed 004 as typed in Word: header table, recipients as paragraphs in one cell, issuing unit merged down.
        yield return Accepted("word-seed-004", "2162-SCT-VP.docx", () => SeedLetters.Report2162().ToBytes(), new(3, 1, 541));

        var sonTinh = new WordLetter(UnitReports.SonTinh()) { SignerTitle = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], SignerName = "Trần Văn Lâm" };
        yield return Accepted("word-district-letterhead", "1983-UBND-VP.docx", sonTinh.ToDocx, Expect(sonTinh.Report, "51.527"));

        var health = new WordLetter(UnitReports.Health()) { TitleRowsInTables = true };
        yield return Accepted("word-title-rows-and-total-row", "3254-SYT-NVY.docx", health.ToDocx, Expect(health.Report, "51.SYT"));

        var finance = new WordLetter(UnitReports.Finance());
        yield return Accepted("word-letterhead-in-mixed-case", "3120-STC-VP.docx", finance.ToDocx, Expect(finance.Report, "51.STC"));

        var scienceReport = UnitReports.Science();
        scienceReport.Charset = LegacyCharset.Tcvn3;
        var science = new WordLetter(scienceReport);
        yield return Accepted("word-typed-in-tcvn3", "1187-SKHCN-VP.docx", science.ToDocx, Expect(scienceReport, "51.SKHCN"),
            Warning(IssueCodes.LegacyTextConverted, null));

        // A Word letter has no A1 cells: the sender is told the table, row and column instead.
        var badCount = SeedLetters.Directives(SeedLetters.Letter().Appendix("BIỂU MẪU BÁO CÁO TÌNH HÌNH TRIỂN KHAI TUYÊN TRUYỀN VÀ ỨNG DỤNG CÔNG NGHỆ TRONG PHÒNG, CHỐNG DỊCH COVID-19"));
        // The sender is told the report's own table number: the letterhead and signature tables are not counted.
        var qrTable = badCount.TableCount + 1 - 2;
        SeedLetters.Narratives(SeedLetters.QrCodes(badCount, codes: "mười hai"));
        yield return new CorpusCase("word-count-not-a-number", "2162-SCT-VP.docx", badCount.ToBytes, Status.Rejected,
            Error(IssueCodes.NumberInvalid, null) with { Location = $"Bảng {qrTable}, dòng 2, cột 3" });

        var wrongTotalReport = UnitReports.Health();
        wrongTotalReport.TotalRow = wrongTotalReport.TotalRow! with { Codes = 9L };
        var wrongTotal = new WordLetter(wrongTotalReport) { TitleRowsInTables = true };
        yield return new CorpusCase("word-total-row-disagrees", "3254-SYT-NVY.docx", wrongTotal.ToDocx, Status.Rejected,
            Error(IssueCodes.TotalMismatch, null) with { Location = wrongTotal.QrCell(wrongTotalReport.QrRows.Count, 3) });

        var strangerReport = Report.Seed();
        strangerReport.IssuingBody = ["UBND TỈNH QUẢNG NGÃI", "SỞ KHÔNG TỒN TẠI"];
        var stranger = new WordLetter(strangerReport);
        yield return new CorpusCase("word-unknown-issuer", "cong-van.docx", stranger.ToDocx, Status.Rejected,
            Error(IssueCodes.UnitUnknown, null) with { Location = LetterheadCell });

        yield return new CorpusCase("word-sent-as-another-unit", "2162-SCT-VP.docx", () => SeedLetters.Report2162().ToBytes(), Status.Rejected,
            Error(IssueCodes.UnitMismatch, null) with { Location = LetterheadCell }) { Unit = "51.SYT" };
    }

    private static IEnumerable<CorpusCase> SheetHeaders()
    {
        var province = UnitReports.Province();
        // Round 2021-10 expects departments and districts: the province reports for itself once an analyst adds it.
        yield return Accepted("xlsx-province-as-issuer", "5120-UBND-KGVX.xlsx", () => province.ToXlsx(Letterhead(province)), Expect(province, "51")) with { AddToRound = ["51"] };

        var health = UnitReports.Health();
        yield return Accepted("xlsx-department-letterhead", "3254-SYT-NVY.xlsx", () => health.ToXlsx(Letterhead(health)), Expect(health, "51.SYT"));

        var binhSon = UnitReports.BinhSonOneLine();
        yield return Accepted("xlsx-district-on-one-line", "2318-UBND-CNTT.xlsx", () => binhSon.ToXlsx(Letterhead(binhSon)), Expect(binhSon, "51.524"));

        // Typed in .VnTime throughout, capitals too: their accented letters are the lowercase codes, as in old letters.
        var tcvn3 = Report.District();
        tcvn3.IssuingBody = ["UBND TỈNH QUẢNG NGÃI", "UBND huyện Bình Sơn"];
        tcvn3.Charset = LegacyCharset.Tcvn3;
        yield return Accepted("xlsx-tcvn3-vntime-mixed-case-district", "2318-UBND-CNTT-vntime.xlsx", () => tcvn3.ToXlsx((book, sheet) =>
        {
            Letterhead(tcvn3)(book, sheet);
            foreach (var cell in sheet.CellsUsed())
            {
                cell.Style.Font.FontName = ".VnTime";
            }
        }), Expect(tcvn3, "51.524"), Warning(IssueCodes.LegacyTextConverted, null));

        var vni = UnitReports.Education();
        vni.Charset = LegacyCharset.Vni;
        yield return Accepted("xlsx-vni-times-letterhead", "2031-SGDDT-VP.xlsx", () => vni.ToXlsx(Letterhead(vni)), Expect(vni, "51.SGDDT"),
            Warning(IssueCodes.LegacyTextConverted, null));

        // Text pasted from a Mac or a PDF: every letter decomposed, the letterhead included.
        var nfd = UnitReports.Justice();
        yield return Accepted("xlsx-nfd-letterhead", "1422-STP-VP.xlsx", () => nfd.ToXlsx((book, sheet) =>
        {
            Letterhead(nfd)(book, sheet);
            foreach (var cell in sheet.CellsUsed().Where(c => c.DataType == XLDataType.Text))
            {
                cell.SetValue(cell.GetString().Normalize(NormalizationForm.FormD));
            }
        }), Expect(nfd, "51.STP"));
    }

    /// <summary>The national motto to the right of the issuing body, as Decree 30 lays out the first lines.</summary>
    private static Action<IXLWorkbook, IXLWorksheet> Letterhead(Report report) => (_, sheet) =>
    {
        string[] motto = [WordLetterBuilder.Motto, WordLetterBuilder.MottoLine2];
        for (var i = 0; i < motto.Length; i++)
        {
            var cell = sheet.Cell(report.Row + i, report.Column + 3);
            cell.SetValue(report.Text(motto[i]));
            cell.Style.Font.FontName = report.FontFor(motto[i]);
        }
    };

    private static IEnumerable<CorpusCase> LocaleCsvs()
    {
        // Excel with Vietnamese regional settings: ';' between fields, thousands grouped with dots.
        var excelVi = new LocaleCsv { Separator = ';', Bytes = CsvBytes.Utf8Bom };
        var education = UnitReports.Education();
        yield return Accepted("csv-excel-vi-utf8-bom", "2031-SGDDT-VP.csv", () => excelVi.Write(education), Expect(education, "51.SGDDT"));

        var sonTinh = UnitReports.SonTinh();
        yield return Accepted("csv-excel-vi-utf8-no-bom", "1983-UBND-VP.csv", () => (excelVi with { Bytes = CsvBytes.Utf8 }).Write(sonTinh), Expect(sonTinh, "51.527"));

        // Excel's "Unicode Text (*.txt)": tab-separated UTF-16 LE with a BOM, kept under the name Excel gave it.
        var binhSon = Report.District();
        yield return Accepted("excel-unicode-text", "2318-UBND-CNTT.txt", () => new LocaleCsv { Separator = '\t', Bytes = CsvBytes.Utf16LeBom }.Write(binhSon), Expect(binhSon, "51.524"));

        var province = UnitReports.Province();
        yield return Accepted("csv-utf16-le-semicolon", "5120-UBND-KGVX.csv", () => (excelVi with { Bytes = CsvBytes.Utf16LeBom }).Write(province), Expect(province, "51")) with { AddToRound = ["51"] };

        var finance = UnitReports.Finance();
        yield return Accepted("csv-utf16-be-semicolon", "3120-STC-VP.csv", () => (excelVi with { Bytes = CsvBytes.Utf16BeBom }).Write(finance), Expect(finance, "51.STC"));

        // Plain "CSV" on Vietnamese Windows: code page 1258, tones as combining bytes; "Số, ngày ban hành văn bản" keeps its comma.
        var justice = UnitReports.Justice();
        yield return Accepted("csv-excel-vi-windows-1258", "1422-STP-VP.csv", () => (excelVi with { Bytes = CsvBytes.Windows1258 }).Write(justice), Expect(justice, "51.STP"));

        var tcvn3 = UnitReports.SonTinh();
        yield return Accepted("csv-tcvn3-bytes", "1983-UBND-VP-vntime.csv", () => (excelVi with { Bytes = CsvBytes.Tcvn3 }).Write(tcvn3), Expect(tcvn3, "51.527"),
            Warning(IssueCodes.LegacyTextConverted, null));

        var vni = UnitReports.Science();
        yield return Accepted("csv-vni-bytes", "1187-SKHCN-VP-vni.csv", () => (excelVi with { Bytes = CsvBytes.Vni }).Write(vni), Expect(vni, "51.SKHCN"),
            Warning(IssueCodes.LegacyTextConverted, null));

        var seed = Report.Seed();
        yield return Accepted("csv-pipe-separated", "2162-SCT-VP.csv", () => new LocaleCsv { Separator = '|', Bytes = CsvBytes.Utf8, GroupThousands = false }.Write(seed), Expect(seed, "51.SCT"));

        // LibreOffice Calc: ',' and UTF-8 without BOM, LF line ends, every text cell quoted, prose with commas,
        // quotes and line breaks inside the quotes.
        var libre = UnitReports.Finance();
        yield return Accepted("csv-libreoffice-quoted-prose", "3120-STC-VP-libreoffice.csv",
            () => new LocaleCsv { Separator = ',', Bytes = CsvBytes.Utf8, LineEnd = "\n", QuoteAllText = true, GroupThousands = false }.Write(libre), Expect(libre, "51.STC"));

        var hinted = Report.District();
        yield return Accepted("csv-sep-line", "2318-UBND-CNTT-sep.csv", () => (excelVi with { Bytes = CsvBytes.Utf8, SeparatorLine = true }).Write(hinted), Expect(hinted, "51.524"));
    }

    private static IEnumerable<CorpusCase> RefusedFormats()
    {
        CorpusCase Refused(string name, string fileName, Func<byte[]> bytes) =>
            new(name, fileName, bytes, Status.Rejected, Error(IssueCodes.FileNotSpreadsheet, null) with { Mentions = SaveAs });

        yield return Refused("refused-word-97-2003-doc", "2162-SCT-VP.doc", () => CompoundFile.WordDocument(
            "UBND TỈNH QUẢNG NGÃI\rSỞ CÔNG THƯƠNG\rSố: 2162/SCT-VP\rQuảng Ngãi, ngày 27 tháng 10 năm 2021\rPHỤ LỤC\r"));
        yield return Refused("refused-libreoffice-odt", "2162-SCT-VP.odt", () => OpenDocument.Text(Report.Seed()));
        yield return Refused("refused-libreoffice-ods", "2162-SCT-VP.ods", () => OpenDocument.Spreadsheet(Report.Seed()));
        yield return Refused("refused-pdf", "2162-SCT-VP.pdf", () => Pdf.Page(["UBND TINH QUANG NGAI", "SO CONG THUONG", "So: 2162/SCT-VP", "PHU LUC"]));
        yield return Refused("refused-png-scan", "scan-cong-van-2162.png", () => Png.ScannedPage());
    }
}
