using System.Globalization;
using System.Text;
using ReportHub.Core.Parsing;
using ReportHub.Core.Text;

namespace ReportHub.Testing.Appendix;

public sealed record Directive(string Content, string Citation, string IssuingUnit = "Sở Công Thương tỉnh Quảng Ngãi", string Recipients = "Công chức, viên chức, người lao động thuộc Sở");

/// <summary>A section-2 row. Codes and Scans are a number (long/double) or text exactly as typed ("01", "1.234", "abc").</summary>
public sealed record Qr(string Entity, object? Codes, object? Scans, string? Note = null);

/// <summary>
/// Seed 004's report (Sở Công Thương, 2162/SCT-VP answering 1406/STTTT-BCVT&amp;CNTT) laid out as a grid, with knobs
/// to break it. <see cref="Layout"/> gives rows of cells (null is blank) starting at (<see cref="Row"/>, <see cref="Column"/>),
/// and records the absolute A1 address of marked cells in <see cref="Cells"/>.
/// </summary>
public sealed class Report
{
    public const string RequestLine = "Theo Công văn số 1406/STTTT-BCVT&CNTT ngày 26/10/2021 của Sở Thông tin và Truyền thông về việc báo cáo tình hình triển khai ứng dụng các giải pháp công nghệ trong phòng, chống dịch Covid-19.";

    public static readonly string[] DirectiveHeaders = ["STT", "Nội dung thực hiện", "Số, ngày ban hành văn bản", "Đơn vị ban hành", "Đối tượng tiếp nhận thông tin"];
    public static readonly string[] QrHeaders = ["TT", "Đối tượng thống kê", "Tổng số mã QR địa điểm đã tạo và quản lý", "Tổng số lượt quét mã QR của các địa điểm", "Ghi chú"];

    public int Row { get; set; } = 1;
    public int Column { get; set; } = 1;

    public List<string> IssuingBody { get; set; } = ["UBND TỈNH QUẢNG NGÃI", "SỞ CÔNG THƯƠNG"];
    public string? NumberLine { get; set; } = "Số: 2162/SCT-VP";
    public string? PlaceDateLine { get; set; } = "Quảng Ngãi, ngày 27 tháng 10 năm 2021";
    public string? Request { get; set; } = RequestLine;

    public bool IncludeSection1 { get; set; } = true;
    public bool IncludeSection2 { get; set; } = true;
    public string Section1Heading { get; set; } = "1. Công tác chỉ đạo, triển khai và tuyên truyền";
    public string Section2Heading { get; set; } = "2. Kết quả tạo, quản lý mã QR địa điểm và quét mã QR tại các địa điểm";
    public string?[] Section1Headers { get; set; } = DirectiveHeaders;
    public string?[] Section2Headers { get; set; } = QrHeaders;

    public List<Directive> Directives { get; set; } =
    [
        new("Về việc triển khai, sử dụng các biện pháp, giải pháp công nghệ phục vụ công tác phòng, chống dịch Covid-19 trong tình hình mới", "780/SCT-VP ngày 07/05/2021"),
        new("Triển khai văn bản hướng dẫn phòng chống Covid-19 tại chợ", "1532/SCT-QLTM ngày 09/08/2021", Recipients: "- UBND các huyện, thị xã, thành phố. - Chợ Đầu mối Nông sản Quảng Ngãi."),
        new("Triển khai Công văn số 1088/STTTT-CNTT ngày 26/8/2021 của Sở Thông tin và Truyền thông", "1711/TB-SCT ngày 30/8/2021"),
    ];

    public List<Qr> QrRows { get; set; } = [new("Sở Công Thương tỉnh Quảng Ngãi", "01", 541L)];

    /// <summary>A final total row ("Tổng cộng", codes, scans) under the section-2 data rows.</summary>
    public Qr? TotalRow { get; set; }

    /// <summary>Text cells written in TCVN3 or VNI (with the matching font in xlsx).</summary>
    public LegacyCharset Charset { get; set; } = LegacyCharset.Unicode;

    public Dictionary<string, string> Cells { get; } = [];

    public static Report Seed() => new();

    /// <summary>Bình Sơn (51.524): communes with a total row; figures as text with dot thousands.</summary>
    public static Report District(params string[] communes)
    {
        var report = new Report
        {
            IssuingBody = ["ỦY BAN NHÂN DÂN", "HUYỆN BÌNH SƠN"],
            NumberLine = "Số: 2318/UBND-CNTT",
            PlaceDateLine = "Bình Sơn, ngày 27 tháng 10 năm 2021",
            Directives = [new("Triển khai ứng dụng PC-Covid và quét mã QR tại các địa điểm công cộng", "1450/UBND-CNTT ngày 12/08/2021", "UBND huyện Bình Sơn", "- UBND các xã, thị trấn")],
            QrRows = [],
        };
        if (communes.Length == 0)
        {
            communes = ["Xã Bình Thạnh", "Xã Bình Chánh", "Xã Bình Dương"];
        }
        long codes = 0, scans = 0;
        for (var i = 0; i < communes.Length; i++)
        {
            long c = 10 + i * 7, s = 1234 + i * 1111;
            codes += c;
            scans += s;
            report.QrRows.Add(new Qr(communes[i], c, s.ToString("#,##0", Dots)));
        }
        report.TotalRow = new Qr("Tổng cộng", codes, scans.ToString("#,##0", Dots));
        return report;
    }

    public static readonly NumberFormatInfo Dots = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = "," };

    public List<object?[]> Layout()
    {
        Cells.Clear();
        var rows = new List<object?[]>();
        void Line(params object?[] cells) => rows.Add(cells);
        void Mark(string name, int column) => Cells[name] = A1(Row + rows.Count - 1, Column + column);

        // Messages about whose report it is point at the issuer's line: the lowest body of the block, not the one above.
        var bodies = HeaderLines.JoinBodies(IssuingBody);
        var issuerLine = bodies.Count > 0 ? bodies[^1].FirstLine : -1;
        for (var i = 0; i < IssuingBody.Count; i++)
        {
            Line(IssuingBody[i]);
            if (i == issuerLine)
            {
                Mark("issuingBody", 0);
            }
        }
        Line();
        if (NumberLine is not null)
        {
            Line(NumberLine);
        }
        if (PlaceDateLine is not null)
        {
            Line(PlaceDateLine);
        }
        Line("V/v báo cáo tình hình triển khai ứng dụng các giải pháp công nghệ trong phòng, chống dịch Covid-19");
        Line("Kính gửi: Sở Thông tin và Truyền thông tỉnh Quảng Ngãi");
        if (Request is not null)
        {
            Line(Request);
            Mark("request", 0);
        }
        Line(null, null, null, "KT. GIÁM ĐỐC");
        Line(null, null, null, "PHÓ GIÁM ĐỐC");
        Line(null, null, null, "Nguyễn Đức Huy");
        Line();
        Line("PHỤ LỤC");
        Mark("appendix", 0);
        Line("BIỂU MẪU BÁO CÁO TÌNH HÌNH TRIỂN KHAI TUYÊN TRUYỀN VÀ ỨNG DỤNG CÔNG NGHỆ TRONG PHÒNG, CHỐNG DỊCH COVID-19");
        Line();
        if (IncludeSection1)
        {
            Line(Section1Heading);
            Mark("s1", 0);
            Line(Section1Headers.Cast<object?>().ToArray());
            Mark("s1.header", 0);
            for (var i = 0; i < Directives.Count; i++)
            {
                var d = Directives[i];
                Line((long)(i + 1), d.Content, d.Citation, d.IssuingUnit, d.Recipients);
                Mark($"dir.{i}.content", 1);
                Mark($"dir.{i}.citation", 2);
                Mark($"dir.{i}.issuing", 3);
            }
            Line();
        }
        if (IncludeSection2)
        {
            Line(Section2Heading);
            Mark("s2", 0);
            Line(Section2Headers.Cast<object?>().ToArray());
            Mark("s2.header", 0);
            for (var i = 0; i < QrRows.Count; i++)
            {
                var q = QrRows[i];
                Line((long)(i + 1), q.Entity, q.Codes, q.Scans, q.Note);
                Mark($"qr.{i}.entity", 1);
                Mark($"qr.{i}.codes", 2);
                Mark($"qr.{i}.scans", 3);
            }
            if (TotalRow is { } total)
            {
                Line(null, total.Entity, total.Codes, total.Scans, total.Note);
                Mark("qr.total.codes", 2);
                Mark("qr.total.scans", 3);
            }
            Line();
        }
        Line("3. Công tác kiểm tra, giám sát triển khai");
        Line("- Công chức, viên chức, người lao động tại Sở đã thực hiện nghiêm các quy định về phòng chống dịch.");
        Line("4. Một số kết quả triển khai, kinh nghiệm.");
        Line("- Cập nhật Bộ giải pháp và các thông tin cần thiết trên Cổng Thông tin điện tử của Sở.");
        Line("5. Kiến nghị, đề xuất.");
        Line("- Không có");
        return rows;
    }

    /// <summary>The address of a marked cell; call after a writer (which runs <see cref="Layout"/>) or Layout itself.</summary>
    public string this[string mark]
    {
        get
        {
            if (Cells.Count == 0)
            {
                Layout();
            }
            return Cells[mark];
        }
    }

    public string Text(string text) => Charset == LegacyCharset.Unicode ? text : LegacyText.FromUnicode(text, Charset);

    public string FontName => Charset switch
    {
        LegacyCharset.Tcvn3 => ".VnTime",
        LegacyCharset.Vni => "VNI-Times",
        _ => "Times New Roman",
    };

    /// <summary>
    /// TCVN3 has no codes for most capitals: headings in capitals are typed with the ".VnTimeH" font, which draws the
    /// lowercase codes as capitals. That is how real TCVN3 letterheads are written.
    /// </summary>
    public string FontFor(string? text) =>
        Charset == LegacyCharset.Tcvn3 && text is not null && text.Any(char.IsLetter) && text == text.ToUpperInvariant() ? ".VnTimeH" : FontName;

    public byte[] ToXlsx(Action<ClosedXML.Excel.IXLWorkbook, ClosedXML.Excel.IXLWorksheet>? tweak = null, string sheetName = "Phụ lục") =>
        Writers.Xlsx(this, sheetName, tweak);

    public byte[] ToCsv(Encoding? encoding = null, char separator = ',', bool bom = true) => Writers.Csv(this, encoding, separator, bom);

    public static string A1(int row, int column) => ReportHub.Core.Grid.A1.Format(row, column);

    public long ExpectedQrCodes => QrRows.Sum(r => ToNumber(r.Codes));

    public long ExpectedQrScans => QrRows.Sum(r => ToNumber(r.Scans));

    private static long ToNumber(object? value) => value switch
    {
        null => 0,
        long l => l,
        int i => i,
        double d => (long)d,
        string s => long.Parse(s.Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture),
        _ => throw new ArgumentException(value.ToString()),
    };
}
