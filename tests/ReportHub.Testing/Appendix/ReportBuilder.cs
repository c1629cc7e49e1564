using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using ReportHub.Core.Text;

namespace ReportHub.Testing.Appendix;

public sealed record DirectiveSpec(string Content, string Citation, string IssuingUnit, string Recipients);

/// <summary>A section-2 row; Codes and Scans are a number (long) or text as typed ("01", "1.234").</summary>
public sealed record QrSpec(string Entity, object Codes, object Scans, string? Note = null);

/// <summary>
/// Seed 004's report (Sở Công Thương, 2162/SCT-VP answering 1406/STTTT-BCVT&amp;CNTT) typed by hand into a grid at any
/// offset, with knobs to change it, written as xlsx (ClosedXML) or CSV.
/// </summary>
public sealed class ReportBuilder
{
    public const string RequestLine =
        "Theo Công văn số 1406/STTTT-BCVT&CNTT ngày 26/10/2021 của Sở Thông tin và Truyền thông về việc báo cáo tình hình triển khai ứng dụng các giải pháp công nghệ trong phòng, chống dịch Covid-19; Sở Công Thương báo cáo tình hình triển khai tuyên truyền và ứng dụng các giải pháp công nghệ trong công tác phòng, chống dịch Covid-19 tại Sở và trong các hoạt động chuyên môn của Sở theo Phụ lục đính kèm Công văn này.";

    public int Row { get; set; } = 1;
    public int Column { get; set; } = 1;

    public bool IncludeHeader { get; set; } = true;
    public List<string> IssuingBody { get; set; } = ["UBND TỈNH QUẢNG NGÃI", "SỞ CÔNG THƯƠNG"];
    public string NumberLine { get; set; } = "Số: 2162/SCT-VP";
    public string PlaceDateLine { get; set; } = "Quảng Ngãi, ngày 27 tháng 10 năm 2021";
    public string? Request { get; set; } = RequestLine;
    public List<string> Signer { get; set; } = ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "Nguyễn Đức Huy"];

    public bool IncludeSection1 { get; set; } = true;
    public bool IncludeSection2 { get; set; } = true;

    public List<DirectiveSpec> Directives { get; set; } =
    [
        new("Về việc triển khai, sử dụng các biện pháp, giải pháp công nghệ phục vụ công tác phòng, chống dịch Covid-19 trong tình hình mới",
            "780/SCT-VP ngày 07/05/2021", "Sở Công Thương tỉnh Quảng Ngãi", "Công chức, viên chức, người lao động thuộc Sở"),
        new("Triển khai văn bản hướng dẫn phòng chống Covid-19 tại chợ",
            "1532/SCT-QLTM ngày 09/08/2021", "Sở Công Thương tỉnh Quảng Ngãi",
            "- UBND các huyện, thị xã, thành phố. - Chợ Đầu mối Nông sản Quảng Ngãi. - Các chợ hạng 1 trên địa bàn tỉnh Quảng Ngãi."),
        new("Triển khai Công văn số 1088/STTTT-CNTT ngày 26/8/2021 của Sở Thông tin và Truyền thông; Công văn số 780/SCT-VP ngày 07/5/2021 của Giám đốc Sở về việc triển khai áp dụng các giải pháp công nghệ trong phòng, chống dịch Covid-19.",
            "1711/TB-SCT ngày 30/8/2021", "Sở Công Thương tỉnh Quảng Ngãi",
            "- Công chức, viên chức, người lao động thuộc Sở. - Văn phòng UBND tỉnh (báo cáo)."),
    ];

    public List<QrSpec> QrRows { get; set; } = [new("Sở Công Thương tỉnh Quảng Ngãi", "01", 541L)];

    /// <summary>A final total row ("Tổng cộng", codes, scans) under the section-2 data rows.</summary>
    public QrSpec? TotalRow { get; set; }

    /// <summary>Write every text cell in TCVN3 with the .VnTime font (xlsx) or as TCVN3 code points (CSV).</summary>
    public LegacyCharset Charset { get; set; } = LegacyCharset.Unicode;

    public static ReportBuilder Seed() => new();

    /// <summary>A district (Bình Sơn) report whose section 2 lists communes with figures typed as text and a total row.</summary>
    public static ReportBuilder District(int communes = 4)
    {
        var builder = new ReportBuilder
        {
            IssuingBody = ["ỦY BAN NHÂN DÂN", "HUYỆN BÌNH SƠN"],
            NumberLine = "Số: 2318/UBND-CNTT",
            PlaceDateLine = "Bình Sơn, ngày 27 tháng 10 năm 2021",
            Signer = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Nguyễn Văn An"],
            QrRows = [],
        };
        string[] names = ["UBND xã Bình Thạnh", "UBND xã Bình Chánh", "UBND xã Bình Dương", "UBND thị trấn Châu Ổ", "UBND xã Bình Nguyên", "UBND xã Bình Trung"];
        long codes = 0;
        long scans = 0;
        for (var i = 0; i < communes; i++)
        {
            var c = 10 + i * 7;
            var s = 1234 + i * 1111;
            codes += c;
            scans += s;
            builder.QrRows.Add(new QrSpec(names[i % names.Length], c.ToString(CultureInfo.InvariantCulture), s.ToString("#,##0", Dots)));
        }
        builder.TotalRow = new QrSpec("Tổng cộng", codes.ToString(CultureInfo.InvariantCulture), scans.ToString("#,##0", Dots));
        return builder;
    }

    private static readonly NumberFormatInfo Dots = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = "," };

    public long ExpectedQrCodes => QrRows.Sum(r => ToNumber(r.Codes));
    public long ExpectedQrScans => QrRows.Sum(r => ToNumber(r.Scans));

    private static long ToNumber(object value) => value switch
    {
        long l => l,
        int i => i,
        string s => long.Parse(s.Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture),
        _ => throw new ArgumentException(value.ToString()),
    };

    /// <summary>Absolute A1 addresses of marked cells after the last Layout(): "qr.0.codes", "qr.total.codes", "s1.header", "s2.header".</summary>
    public Dictionary<string, string> Cells { get; } = [];

    /// <summary>The report as rows of cells (relative to A1 at the offset; null is blank).</summary>
    public List<object?[]> Layout()
    {
        Cells.Clear();
        var rows = new List<object?[]>();
        void Line(params object?[] cells) => rows.Add(cells);
        void Mark(string name, int column) => Cells[name] = A1(Row + rows.Count - 1, Column + column);

        if (IncludeHeader)
        {
            foreach (var line in IssuingBody)
            {
                Line(line);
            }
            Line();
            Line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            Line("Độc lập – Tự do – Hạnh phúc");
            Line();
            Line(NumberLine);
            Line();
            Line(PlaceDateLine);
            Line();
            Line("V/v báo cáo tình hình triển khai ứng dụng các giải pháp công nghệ trong phòng, chống dịch Covid-19");
            Line();
            Line("Kính gửi: Sở Thông tin và Truyền thông tỉnh Quảng Ngãi");
            Line();
            if (Request is not null)
            {
                Line(Request);
                Line();
            }
            Line("Kính đề nghị Sở Thông tin và Truyền thông tổng hợp./.");
            Line();
            Line("Nơi nhận:");
            Line("- Như trên;");
            Line("- GD Sở, các PGD Sở;");
            Line("- Lưu: VT, VP.");
            Line();
            foreach (var line in Signer)
            {
                Line(line.Length == 0 ? null : line);
            }
            Line();
        }
        Line("PHỤ LỤC");
        Line("BIỂU MẪU BÁO CÁO TÌNH HÌNH TRIỂN KHAI TUYÊN TRUYỀN VÀ ỨNG DỤNG CÔNG NGHỆ TRONG PHÒNG, CHỐNG DỊCH COVID-19");
        Line();
        if (IncludeSection1)
        {
            Line("1. Công tác chỉ đạo, triển khai và tuyên truyền");
            Line("STT", "Nội dung thực hiện", "Số, ngày ban hành văn bản", "Đơn vị ban hành", "Đối tượng tiếp nhận thông tin");
            Mark("s1.header", 0);
            for (var i = 0; i < Directives.Count; i++)
            {
                var d = Directives[i];
                Line((long)(i + 1), d.Content, d.Citation, d.IssuingUnit, d.Recipients);
                Mark($"dir.{i}.citation", 2);
                Mark($"dir.{i}.content", 1);
            }
            Line();
        }
        if (IncludeSection2)
        {
            Line("2. Kết quả tạo, quản lý mã QR địa điểm và quét mã QR tại các địa điểm");
            Line("TT", "Đối tượng thống kê", "Tổng số mã QR địa điểm đã tạo và quản lý", "Tổng số lượt quét mã QR của các địa điểm", "Ghi chú");
            Mark("s2.header", 0);
            for (var i = 0; i < QrRows.Count; i++)
            {
                var q = QrRows[i];
                Line((long)(i + 1), q.Entity, q.Codes, q.Scans, q.Note);
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
        Line("- Công chức, viên chức, người lao động tại Sở đã thực hiện nghiêm các quy định về phòng chống dịch trong việc cài đặt các ứng dụng phát hiện tiếp xúc gần PC-COVID (Bluezone cũ); ứng dụng khai báo y tế tự nguyện (Ncovi), luôn bật trong suốt quá trình làm việc và khi tới nơi công cộng.");
        Line("- Chấp hành nghiêm túc các yêu cầu khai báo y tế điện tử trên các ứng dụng (Bluezone và NCOVI), thực hiện việc quét mã QR Code khi ra vào cơ quan và các địa điểm công cộng.");
        Line("- Báo cáo việc cài đặt và sử dụng ứng dụng Bluezone để phòng, chống dịch Covid-19 gửi Sở Thông tin và Truyền thông tại Công văn số 1521/SCT-VP ngày 20/08/2020 của Sở Công Thương.");
        Line();
        Line("4. Một số kết quả triển khai, kinh nghiệm.");
        Line("- Sở Công Thương đã triển khai tuyên truyền, hướng dẫn đến toàn bộ công chức, viên chức và người lao động tại Sở “Tài liệu giới thiệu Bộ giải pháp công nghệ phòng, chống dịch Covid-19 trong tình hình mới” do Bộ Thông tin và Truyền thông phát hành, kết hợp với việc cài đặt ứng dụng PC-Covid (Bluezone cũ), khai báo y tế điện tử trên các ứng dụng phòng chống dịch.");
        Line("- Cập nhật Bộ giải pháp và các thông tin cần thiết, liên quan trong công tác phòng, chống dịch bệnh Covid-19, banner tuyên truyền trên Cổng Thông tin điện tử của Sở.");
        Line("- Chủ động triển khai, hướng dẫn phòng chống dịch Covid-19 tại chợ trên địa bàn tỉnh Quảng Ngãi bằng các biện pháp công nghệ, cài đặt các ứng dụng phòng chống dịch covid-19; triển khai bản đồ an toàn covid tại các khu công nghiệp, cụm công nghiệp trên địa bàn tỉnh Quảng Ngãi.");
        Line();
        Line("5. Kiến nghị, đề xuất.");
        Line("- Không có");
        return rows;
    }

    private string Text(string text) => Charset == LegacyCharset.Unicode ? text : LegacyText.FromUnicode(text, Charset);

    public byte[] ToXlsx()
    {
        var rows = Layout();
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Phụ lục");
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                if (rows[r][c] is not { } value)
                {
                    continue;
                }
                var cell = sheet.Cell(Row + r, Column + c);
                if (value is string s)
                {
                    // Typed text stays text: "01" and "1.234" as the user typed them ('01).
                    cell.DataType = XLDataType.Text;
                    cell.SetValue(Text(s));
                    cell.DataType = XLDataType.Text;
                }
                else
                {
                    cell.SetValue(Convert.ToDouble(value, CultureInfo.InvariantCulture));
                }
                // TCVN3 has no codes for capitals with a tone mark: headings were typed in the ".VnTimeH" capitals font.
                var upper = value is string u && u.Any(char.IsLetter) && u == u.ToUpperInvariant();
                cell.Style.Font.FontName = Charset switch
                {
                    LegacyCharset.Tcvn3 => upper ? ".VnTimeH" : ".VnTime",
                    LegacyCharset.Vni => "VNI-Times",
                    _ => "Times New Roman",
                };
            }
        }
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return buffer.ToArray();
    }

    /// <summary>As Excel's "Save as CSV UTF-8": BOM, comma, CRLF; the offset kept as blank rows and columns.</summary>
    public byte[] ToCsv(Encoding? encoding = null)
    {
        var rows = Layout();
        var width = Column - 1 + rows.Max(r => r.Length);
        var text = new StringBuilder();
        for (var r = 1; r < Row; r++)
        {
            text.Append(new string(',', width - 1)).Append("\r\n");
        }
        foreach (var row in rows)
        {
            var fields = new string[width];
            for (var c = 0; c < width; c++)
            {
                var i = c - (Column - 1);
                fields[c] = i >= 0 && i < row.Length && row[i] is { } v
                    ? Quote(v is string s ? Text(s) : Convert.ToString(v, CultureInfo.InvariantCulture)!)
                    : "";
            }
            text.Append(string.Join(',', fields)).Append("\r\n");
        }
        var enc = encoding ?? new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return [.. enc.GetPreamble(), .. enc.GetBytes(text.ToString())];
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    public static string A1(int row, int column) => ReportHub.Core.Grid.A1.Format(row, column);
}
