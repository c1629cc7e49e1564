using System.Text;
using ClosedXML.Excel;
using ReportHub.Core.Issues;
using ReportHub.Core.Text;
using ReportHub.Corpus.Tests.Support;
using static ReportHub.Corpus.Tests.Corpus.ExpectedIssue;

namespace ReportHub.Corpus.Tests.Corpus;

/// <summary>The corpus: every bad or odd file and its documented outcome.</summary>
public static class Cases
{
    private static readonly Figures Seed = new(3, 1, 541);

    public static IReadOnlyList<CorpusCase> All { get; } = Build();

    public static CorpusCase Get(string name) => All.Single(c => c.Name == name);

    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var c in All)
            {
                data.Add(c.Name);
            }
            return data;
        }
    }

    private static CorpusCase Xlsx(string name, Report report, string status, params ExpectedIssue[] issues) =>
        new(name, name + ".xlsx", () => report.ToXlsx(), status, issues);

    private static CorpusCase Csv(string name, Func<byte[]> bytes, string status = Status.Accepted, params ExpectedIssue[] issues) =>
        new(name, name + ".csv", bytes, status, issues) { Figures = Seed };

    private static Report With(Action<Report> change)
    {
        var report = Report.Seed();
        change(report);
        return report;
    }

    private static List<CorpusCase> Build()
    {
        var cases = new List<CorpusCase>();

        // ---- The reference: the seed report as typed, in the usual formats.
        cases.Add(Xlsx("seed-xlsx", Report.Seed(), Status.Accepted) with { Figures = Seed });
        cases.Add(Xlsx("offset-d10-nfd-text", With(r => { r.Row = 10; r.Column = 4; r.QrRows = [new("Sở Công Thương tỉnh Quảng Ngãi".Normalize(NormalizationForm.FormD), "01", 541L)]; }), Status.Accepted) with { Figures = Seed });
        // Columns are taken from the header row: with scans/codes swapped in the header, the values swap too.
        cases.Add(Xlsx("columns-reordered", With(r =>
        {
            r.Section2Headers = ["TT", "Đối tượng thống kê", "Tổng số lượt quét mã QR của các địa điểm", "Tổng số mã QR địa điểm đã tạo và quản lý", "Ghi chú"];
            r.QrRows = [new("Sở Công Thương tỉnh Quảng Ngãi", 541L, "01")];
        }), Status.Accepted) with { Figures = Seed });
        cases.Add(Xlsx("round-from-upload-hint", With(r => r.Request = null), Status.Accepted) with { Round = "2021-10", Figures = Seed });

        // ---- Structure.
        var noS1 = With(r => r.IncludeSection1 = false);
        cases.Add(Xlsx("missing-section-1", noS1, Status.Rejected, Error(IssueCodes.SectionMissing, noS1["s2"])));
        var noS2 = With(r => r.IncludeSection2 = false);
        cases.Add(Xlsx("missing-section-2", noS2, Status.Rejected, Error(IssueCodes.SectionMissing, noS2["s1"])));
        var noCitation = With(r => r.Section1Headers = ["STT", "Nội dung thực hiện", null, "Đơn vị ban hành", "Đối tượng tiếp nhận thông tin"]);
        cases.Add(Xlsx("missing-column-citation", noCitation, Status.Rejected, Error(IssueCodes.ColumnMissing, noCitation["s1.header"])));
        var noCodes = With(r => r.Section2Headers = ["TT", "Đối tượng thống kê", null, "Tổng số lượt quét mã QR của các địa điểm", "Ghi chú"]);
        cases.Add(Xlsx("missing-column-qr-codes", noCodes, Status.Rejected, Error(IssueCodes.ColumnMissing, noCodes["s2.header"])));
        var renamedEntity = With(r => r.Section2Headers = ["TT", "Tên cơ sở kinh doanh", "Tổng số mã QR địa điểm đã tạo và quản lý", "Tổng số lượt quét mã QR của các địa điểm", "Ghi chú"]);
        cases.Add(Xlsx("unrecognised-required-column", renamedEntity, Status.Rejected,
            Error(IssueCodes.ColumnMissing, renamedEntity["s2.header"]),
            Warning(IssueCodes.ColumnUnknown, Shift(renamedEntity["s2.header"], 1))));
        var extraColumn = With(r => r.Section2Headers = [.. Report.QrHeaders, "Người tổng hợp"]);
        cases.Add(Xlsx("unknown-extra-column", extraColumn, Status.Accepted,
            Warning(IssueCodes.ColumnUnknown, Shift(extraColumn["s2.header"], 5))) with { Figures = Seed });
        var empty = With(r => { r.Directives = []; r.QrRows = []; });
        cases.Add(Xlsx("appendix-without-data", empty, Status.Rejected, Error(IssueCodes.AppendixEmpty, empty["s1"])));

        // ---- Values.
        var words = With(r => r.QrRows = [new("Sở Công Thương tỉnh Quảng Ngãi", "mười hai", 541L)]);
        cases.Add(Xlsx("count-not-a-number", words, Status.Rejected, Error(IssueCodes.NumberInvalid, words["qr.0.codes"])));
        var negative = With(r => r.QrRows = [new("Sở Công Thương tỉnh Quảng Ngãi", "01", -5L)]);
        cases.Add(Xlsx("count-negative", negative, Status.Rejected, Error(IssueCodes.NumberNegative, negative["qr.0.scans"])));
        var negativeText = With(r => r.QrRows = [new("Sở Công Thương tỉnh Quảng Ngãi", "-3", 541L)]);
        cases.Add(Xlsx("count-negative-typed-as-text", negativeText, Status.Rejected, Error(IssueCodes.NumberNegative, negativeText["qr.0.codes"])));
        var fractional = With(r => r.QrRows = [new("Sở Công Thương tỉnh Quảng Ngãi", 2.5, 541L)]);
        cases.Add(Xlsx("count-fractional", fractional, Status.Rejected, Error(IssueCodes.NumberFractional, fractional["qr.0.codes"])));
        var scansOnly = With(r => r.QrRows = [new("Sở Công Thương tỉnh Quảng Ngãi", 0L, 541L)]);
        cases.Add(Xlsx("scans-without-qr-codes", scansOnly, Status.Accepted, Warning(IssueCodes.ScansWithoutCodes, scansOnly["qr.0.codes"])) with { Figures = new(3, 0, 541) });
        var badTotalCodes = Report.District();
        badTotalCodes.TotalRow = badTotalCodes.TotalRow! with { Codes = 999L };
        cases.Add(Xlsx("total-row-disagrees-codes", badTotalCodes, Status.Rejected, Error(IssueCodes.TotalMismatch, badTotalCodes["qr.total.codes"])));
        var badTotalScans = Report.District();
        badTotalScans.TotalRow = badTotalScans.TotalRow! with { Scans = "1.000.000" };
        cases.Add(Xlsx("total-row-disagrees-scans", badTotalScans, Status.Rejected, Error(IssueCodes.TotalMismatch, badTotalScans["qr.total.scans"])));
        var district = Report.District();
        cases.Add(Xlsx("district-total-row-agrees", district, Status.Accepted) with { Figures = new(1, district.ExpectedQrCodes, district.ExpectedQrScans, "51.524") });
        var badCitation = With(r => r.Directives[0] = r.Directives[0] with { Citation = "theo kế hoạch của Sở" });
        cases.Add(Xlsx("citation-unparseable", badCitation, Status.Accepted, Warning(IssueCodes.CitationInvalid, badCitation["dir.0.citation"])) with { Figures = Seed });
        var oldDate = With(r => r.Directives[1] = r.Directives[1] with { Citation = "1532/SCT-QLTM ngày 09/08/2012" });
        cases.Add(Xlsx("citation-date-too-early", oldDate, Status.Accepted, Warning(IssueCodes.DateImplausible, oldDate["dir.1.citation"])) with { Figures = Seed });
        var futureDate = With(r => r.Directives[2] = r.Directives[2] with { Citation = "1711/TB-SCT ngày 30/8/2029" });
        cases.Add(Xlsx("citation-date-in-the-future", futureDate, Status.Accepted, Warning(IssueCodes.DateImplausible, futureDate["dir.2.citation"])) with { Figures = Seed });
        var dupDirective = With(r => r.Directives.Add(r.Directives[0]));
        cases.Add(Xlsx("duplicate-directive-row", dupDirective, Status.Accepted, Warning(IssueCodes.DuplicateRow, dupDirective["dir.3.content"])) with { Figures = new(4, 1, 541) });
        var dupEntity = With(r => r.QrRows = [new("Sở Công Thương tỉnh Quảng Ngãi", "01", 541L), new("Sở Công Thương tỉnh Quảng Ngãi", 2L, 10L)]);
        cases.Add(Xlsx("duplicate-qr-row", dupEntity, Status.Accepted, Warning(IssueCodes.DuplicateRow, dupEntity["qr.1.entity"])) with { Figures = new(3, 3, 551) });

        // ---- Legacy encodings: the same figures as the Unicode twin.
        var tcvn3 = Report.District();
        tcvn3.Charset = LegacyCharset.Tcvn3;
        cases.Add(Xlsx("tcvn3-vntime-xlsx", tcvn3, Status.Accepted, Warning(IssueCodes.LegacyTextConverted, null)) with { Figures = new(1, district.ExpectedQrCodes, district.ExpectedQrScans, "51.524") });
        var vni = Report.District();
        vni.Charset = LegacyCharset.Vni;
        cases.Add(Xlsx("vni-times-xlsx", vni, Status.Accepted, Warning(IssueCodes.LegacyTextConverted, null)) with { Figures = new(1, district.ExpectedQrCodes, district.ExpectedQrScans, "51.524") });
        var tcvn3Csv = Report.Seed();
        tcvn3Csv.Charset = LegacyCharset.Tcvn3;
        cases.Add(new CorpusCase("tcvn3-csv-by-signature", "tcvn3-csv-by-signature.csv", () => tcvn3Csv.ToCsv(), Status.Accepted, Warning(IssueCodes.LegacyTextConverted, null)) { Figures = Seed });
        // Without a font, TCVN3 capitals arrive as lowercase codes: "huyện bình sơn" must still name the district.
        var tcvn3DistrictCsv = Report.District();
        tcvn3DistrictCsv.Charset = LegacyCharset.Tcvn3;
        cases.Add(new CorpusCase("tcvn3-csv-district-letterhead", "tcvn3-csv-district-letterhead.csv", () => tcvn3DistrictCsv.ToCsv(), Status.Accepted, Warning(IssueCodes.LegacyTextConverted, null))
        {
            Figures = new(1, district.ExpectedQrCodes, district.ExpectedQrScans, "51.524"),
        });

        // ---- CSV encodings and separators.
        cases.Add(Csv("csv-utf8-bom-comma", () => Report.Seed().ToCsv(Encoding.UTF8, ',', bom: true)));
        cases.Add(Csv("csv-utf8-no-bom-comma", () => Report.Seed().ToCsv(Encoding.UTF8, ',', bom: false)));
        cases.Add(Csv("csv-utf8-semicolon", () => Report.Seed().ToCsv(Encoding.UTF8, ';', bom: true)));
        cases.Add(Csv("csv-utf8-no-bom-tab", () => Report.Seed().ToCsv(Encoding.UTF8, '\t', bom: false)));
        cases.Add(Csv("csv-utf16le-tab", () => Report.Seed().ToCsv(Encoding.Unicode, '\t', bom: true)));
        cases.Add(Csv("csv-utf16le-comma", () => Report.Seed().ToCsv(Encoding.Unicode, ',', bom: true)));
        cases.Add(Csv("csv-utf16be-semicolon", () => Report.Seed().ToCsv(Encoding.BigEndianUnicode, ';', bom: true)));
        cases.Add(Csv("csv-windows-1258-comma", () => Report.Seed().ToCsv(Writers.StrictWindows1258, ',', bom: false)));
        cases.Add(Csv("csv-windows-1258-semicolon", () => Report.Seed().ToCsv(Writers.StrictWindows1258, ';', bom: false)));
        cases.Add(Csv("csv-offset-and-nfd", () => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(With(r => { r.Row = 3; r.Column = 2; }).ToCsv(Encoding.UTF8, ',', bom: false)).Normalize(NormalizationForm.FormD))));
        var csvBadTotal = Report.District();
        csvBadTotal.TotalRow = csvBadTotal.TotalRow! with { Codes = 1L };
        cases.Add(new CorpusCase("csv-total-row-disagrees", "csv-total-row-disagrees.csv", () => csvBadTotal.ToCsv(), Status.Rejected,
            Error(IssueCodes.TotalMismatch, csvBadTotal["qr.total.codes"])));

        // ---- .xls (BIFF8, written by LibreOffice from samples/reports/sct-2162-seed004.xlsx).
        cases.Add(new CorpusCase("xls-seed", "sct-2162-seed004.xls", () => File.ReadAllBytes(RepoPaths.Fixture("sct-2162-seed004.xls")), Status.Accepted) { Figures = Seed });
        cases.Add(new CorpusCase("xls-without-appendix", "vietnamese.xls", () => File.ReadAllBytes(RepoPaths.Fixture("vietnamese.xls")), Status.Rejected,
            new ExpectedIssue(IssueCodes.SheetNotFound, null) { CheckCell = false }));

        // ---- xlsx package variants.
        cases.Add(new CorpusCase("xlsx-shared-strings", "xlsx-shared-strings.xlsx", () => Writers.SpreadsheetMl(Report.Seed(), inlineStrings: false), Status.Accepted) { Figures = Seed });
        cases.Add(new CorpusCase("xlsx-inline-strings", "xlsx-inline-strings.xlsx", () => Writers.SpreadsheetMl(Report.Seed(), inlineStrings: true), Status.Accepted) { Figures = Seed });
        var formulas = Report.District();
        cases.Add(new CorpusCase("xlsx-formulas-with-cached-values", "xlsx-formulas-with-cached-values.xlsx", () => Writers.SpreadsheetMl(formulas, inlineStrings: false, FormulaTotals(formulas, wrongCodes: false)), Status.Accepted)
        {
            Figures = new(1, formulas.ExpectedQrCodes, formulas.ExpectedQrScans, "51.524"),
        });
        var formulasWrong = Report.District();
        cases.Add(new CorpusCase("xlsx-formula-cached-total-disagrees", "xlsx-formula-cached-total-disagrees.xlsx", () => Writers.SpreadsheetMl(formulasWrong, inlineStrings: true, FormulaTotals(formulasWrong, wrongCodes: true)), Status.Rejected,
            Error(IssueCodes.TotalMismatch, formulasWrong["qr.total.codes"])));
        var merged = Report.Seed();
        cases.Add(Xlsx("xlsx-merged-cells", merged, Status.Accepted) with
        {
            Bytes = () => merged.ToXlsx((_, sheet) =>
            {
                // The title across the table, and one issuing unit for all three directives.
                var title = merged["appendix"];
                sheet.Range(title, Shift(title, 4)).Merge();
                sheet.Cell(merged["dir.1.issuing"]).Clear();
                sheet.Cell(merged["dir.2.issuing"]).Clear();
                sheet.Range(merged["dir.0.issuing"], merged["dir.2.issuing"]).Merge();
                sheet.Range(merged["s2"], Shift(merged["s2"], 4)).Merge();
            }),
            Figures = Seed,
        });
        var several = Report.Seed();
        cases.Add(Xlsx("xlsx-several-sheets", several, Status.Accepted) with
        {
            Bytes = () => several.ToXlsx((book, _) =>
            {
                var notes = book.Worksheets.Add("Hướng dẫn", 1);
                notes.Cell("A1").Value = "Hướng dẫn điền biểu mẫu: ghi số liệu vào Phụ lục, không sửa tiêu đề cột.";
                notes.Cell("A2").Value = 2021;
                var other = book.Worksheets.Add("Số liệu khác");
                other.Cell("B2").Value = "Đơn vị";
                other.Cell("C2").Value = "Số lượng";
                other.Cell("B3").Value = "Xã Bình Dương";
                other.Cell("C3").Value = 12;
            }),
            Figures = Seed,
        });
        var hidden = Report.Seed();
        cases.Add(Xlsx("xlsx-appendix-on-hidden-sheet", hidden, Status.Accepted) with
        {
            Bytes = () => hidden.ToXlsx((book, sheet) =>
            {
                var cover = book.Worksheets.Add("Bìa", 1);
                cover.Cell("A1").Value = "BÁO CÁO TÌNH HÌNH TRIỂN KHAI ỨNG DỤNG CÔNG NGHỆ";
                cover.Cell("A2").Value = "Sở Công Thương tỉnh Quảng Ngãi";
                sheet.Visibility = XLWorksheetVisibility.Hidden;
            }),
            Figures = Seed,
        });
        cases.Add(new CorpusCase("xlsx-with-dtd-entities", "xxe.xlsx", () => Writers.Package(
            $"""<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE worksheet [<!ENTITY x "Sở Công Thương">]><worksheet xmlns="{Writers.MainNs}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row></sheetData></worksheet>"""),
            Status.Rejected, Error(IssueCodes.FileUnsafeXml, null)));
        cases.Add(new CorpusCase("xlsx-truncated", "xlsx-truncated.xlsx", () => Report.Seed().ToXlsx()[..1500], Status.Rejected, Error(IssueCodes.FileCorrupt, null)));

        // ---- Files that are not reports.
        cases.Add(new CorpusCase("encrypted-xlsx", "mat-khau.xlsx", () => Writers.CompoundFile("Root Entry", "EncryptionInfo", "EncryptedPackage"), Status.Rejected, Error(IssueCodes.FileEncrypted, null)));
        cases.Add(new CorpusCase("pdf-renamed-xlsx", "bao-cao.xlsx", () => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"), Status.Rejected, Error(IssueCodes.FileNotSpreadsheet, null)));
        cases.Add(new CorpusCase("png-scan", "scan.xls", () => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1], Status.Rejected, Error(IssueCodes.FileNotSpreadsheet, null)));
        cases.Add(new CorpusCase("word-document", "bao-cao.xls", () => Writers.CompoundFile("Root Entry", "WordDocument", "1Table"), Status.Rejected, Error(IssueCodes.FileNotSpreadsheet, null)));
        cases.Add(new CorpusCase("zip-without-workbook", "bao-cao.xlsx", () => Writers.ZipOf("readme.txt", "Báo cáo đính kèm"), Status.Rejected, Error(IssueCodes.FileNotSpreadsheet, null)));
        cases.Add(new CorpusCase("prose-text-file", "ghi-chu.csv", () => Encoding.UTF8.GetBytes("Kính gửi Sở Thông tin và Truyền thông.\r\nĐơn vị xin gửi báo cáo qua đường công văn.\r\n"), Status.Rejected,
            new ExpectedIssue(IssueCodes.SheetNotFound, null) { CheckCell = false }));
        cases.Add(new CorpusCase("empty-file", "rong.xlsx", () => [], Status.Rejected, Error(IssueCodes.FileEmpty, null)));
        cases.Add(new CorpusCase("whitespace-csv", "rong.csv", () => [0xEF, 0xBB, 0xBF, 0x20, 0x0D, 0x0A, 0x09, 0x0D, 0x0A], Status.Rejected, Error(IssueCodes.FileEmpty, null)));
        // What Excel writes for a blank sheet whose cells were formatted: separators only.
        cases.Add(new CorpusCase("separators-only-csv", "rong.csv", () => [0xEF, 0xBB, 0xBF, 0x2C, 0x2C, 0x0D, 0x0A, 0x2C, 0x2C, 0x0D, 0x0A], Status.Rejected, Error(IssueCodes.FileEmpty, null)));
        cases.Add(new CorpusCase("over-size-limit", "lon.xlsx", () => Report.Seed().ToXlsx(), Status.Rejected, Error(IssueCodes.FileTooLarge, null)) { MaxFileBytes = 4096 });
        cases.Add(new CorpusCase("zip-bomb", "bom.xlsx", Writers.ZipBomb, Status.Rejected, Error(IssueCodes.FileZipBomb, null)));
        cases.Add(new CorpusCase("xlsx-over-row-limit", "nhieu-dong.xlsx", () => Report.Seed().ToXlsx(), Status.Rejected, Error(IssueCodes.SheetTooManyRows, null)) { MaxRows = 20 });
        cases.Add(new CorpusCase("csv-over-row-limit", "nhieu-dong.csv", () => Report.Seed().ToCsv(), Status.Rejected, Error(IssueCodes.SheetTooManyRows, null)) { MaxRows = 20 });

        // ---- Whose report, which round.
        var stranger = With(r => { r.IssuingBody = ["CÔNG TY TNHH THƯƠNG MẠI ABC"]; r.NumberLine = "Số: 12/CV-ABC"; });
        // Whose report or which round: the message points at the header line that says it.
        cases.Add(Xlsx("unknown-unit", stranger, Status.Rejected, Error(IssueCodes.UnitUnknown, stranger["issuingBody"])));
        // An issuer the registry lacks is not filed under the province above it, nor under the unit chosen when sending.
        var unknownUnderProvince = With(r => r.IssuingBody = ["UBND TỈNH QUẢNG NGÃI", "SỞ KHÔNG TỒN TẠI"]);
        cases.Add(Xlsx("unknown-issuer-under-province", unknownUnderProvince, Status.Rejected, Error(IssueCodes.UnitUnknown, unknownUnderProvince["issuingBody"])));
        cases.Add(Xlsx("unknown-issuer-with-unit-hint", unknownUnderProvince, Status.Rejected, Error(IssueCodes.UnitUnknown, unknownUnderProvince["issuingBody"])) with { Unit = "51.SCT" });
        // A district typed in TCVN3 with mixed case under the province line is the district's report.
        var tcvn3MixedDistrict = Report.District();
        tcvn3MixedDistrict.IssuingBody = ["UBND TỈNH QUẢNG NGÃI", "UBND huyện Bình Sơn"];
        tcvn3MixedDistrict.Charset = LegacyCharset.Tcvn3;
        cases.Add(Xlsx("tcvn3-mixed-case-district-under-province", tcvn3MixedDistrict, Status.Accepted, Warning(IssueCodes.LegacyTextConverted, null))
            with { Figures = new(1, tcvn3MixedDistrict.ExpectedQrCodes, tcvn3MixedDistrict.ExpectedQrScans, "51.524") });
        cases.Add(Xlsx("unknown-unit-code-in-upload", Report.Seed(), Status.Rejected, Error(IssueCodes.UnitUnresolved, null)) with { Unit = "51.XYZ" });
        var otherRequest = With(r => r.Request = "Theo Công văn số 999/STTTT-VP ngày 01/02/2022 của Sở Thông tin và Truyền thông về việc báo cáo.");
        cases.Add(Xlsx("unknown-round-cited", otherRequest, Status.Rejected, Error(IssueCodes.RoundUnresolved, otherRequest["request"])));
        cases.Add(Xlsx("unknown-round-code-in-upload", With(r => r.Request = null), Status.Rejected, Error(IssueCodes.RoundUnresolved, null)) with { Round = "2099-01" });
        cases.Add(Xlsx("no-round-anywhere", With(r => r.Request = null), Status.Rejected, Error(IssueCodes.RoundUnresolved, null)));
        var seed = Report.Seed();
        cases.Add(Xlsx("unit-mismatch", seed, Status.Rejected, Error(IssueCodes.UnitMismatch, seed["issuingBody"])) with { Unit = "51.SYT" });
        cases.Add(Xlsx("unit-hint-agrees", Report.Seed(), Status.Accepted) with { Unit = "51.SCT", Figures = Seed });
        cases.Add(Xlsx("round-closed", Report.Seed(), Status.Rejected, Error(IssueCodes.RoundClosed, null)) with { CloseRound = true });

        cases.AddRange(RealShapedCases.Build());
        return cases;
    }

    /// <summary>The total row as SUM formulas with cached values (codes optionally cached wrong), and a codes cell computed by formula.</summary>
    private static Dictionary<string, string> FormulaTotals(Report report, bool wrongCodes)
    {
        report.Layout();
        var codesTotal = report["qr.total.codes"];
        var scansTotal = report["qr.total.scans"];
        var codes = report.ExpectedQrCodes;
        var scans = report.ExpectedQrScans;
        var first = report["qr.0.codes"];
        var lastIndex = report.QrRows.Count - 1;
        var firstCodes = report.QrRows[0].Codes;
        return new Dictionary<string, string>
        {
            [first] = $"<c r=\"{first}\"><f>5+{Convert.ToInt64(firstCodes, System.Globalization.CultureInfo.InvariantCulture) - 5}</f><v>{firstCodes}</v></c>",
            [codesTotal] = $"<c r=\"{codesTotal}\"><f>SUM({first}:{report[$"qr.{lastIndex}.codes"]})</f><v>{(wrongCodes ? codes + 7 : codes)}</v></c>",
            [scansTotal] = $"<c r=\"{scansTotal}\"><f>SUM({report["qr.0.scans"]}:{report[$"qr.{lastIndex}.scans"]})</f><v>{scans}</v></c>",
        };
    }

    /// <summary>The address <paramref name="columns"/> to the right.</summary>
    public static string Shift(string address, int columns)
    {
        var (row, column) = ReportHub.Core.Grid.A1.Parse(address);
        return ReportHub.Core.Grid.A1.Format(row, column + columns);
    }
}
