namespace ReportHub.SampleGen.Reports;

/// <summary>Building blocks shared by the sample reports: the fixed wording of the form and the request.</summary>
public static class Std
{
    public const string Motto1 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public const string Motto2 = "Độc lập - Tự do - Hạnh phúc";
    public const string Vv = "V/v báo cáo tình hình triển khai ứng dụng các giải pháp công nghệ trong phòng, chống dịch Covid-19";
    public const string KinhGui = "Kính gửi: Sở Thông tin và Truyền thông tỉnh Quảng Ngãi";
    public const string Request = "Công văn số 1406/STTTT-BCVT&CNTT ngày 26/10/2021";
    public const string PhuLuc = "PHỤ LỤC";
    public const string Title = "BIỂU MẪU BÁO CÁO TÌNH HÌNH TRIỂN KHAI TUYÊN TRUYỀN VÀ ỨNG DỤNG CÔNG NGHỆ TRONG PHÒNG, CHỐNG DỊCH COVID-19";
    public const string NoneLine = "- Không có";

    public static readonly IReadOnlyList<string> AppendixTitle = [PhuLuc, Title];

    public static HeaderRow L(string text, bool bold = false) => new([(0, text)], bold);

    /// <summary>Two texts on one row, the second further right (name block left, motto or date right).</summary>
    public static HeaderRow L2(string left, int rightCol, string right, bool bold = false) => new([(0, left), (rightCol, right)], bold);

    public static HeaderRow Blank => HeaderRow.Blank;

    /// <summary>The sentence that ties a report to round 2021-10.</summary>
    public static string Theo(string reporter, string request = Request) =>
        $"Theo {request} của Sở Thông tin và Truyền thông về việc báo cáo tình hình triển khai ứng dụng các giải pháp công nghệ trong phòng, chống dịch Covid-19; {reporter} báo cáo kết quả triển khai theo Phụ lục đính kèm Công văn này.";

    public static IReadOnlyList<HeaderRow> Signer(string role1, string role2, string name) =>
        [L(role1, bold: true), L(role2, bold: true), Blank, Blank, L(name, bold: true)];

    public static TextValue T(string text) => new(text);

    public static DateValue D(int year, int month, int day) => new(new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified));

    public static string Lines(params string[] lines) => string.Join('\n', lines);

    public static Qty Th(long value) => new(value, QtyStyle.Thousands);

    /// <summary>The usual printed letterhead: issuing body left, national motto right, number and date on one row.</summary>
    public static List<HeaderRow> TwoColumnHeader(string upper, string body, string so, string date, string theo, int rightCol = 3) =>
    [
        L2(upper, rightCol, Motto1, bold: true),
        L2(body, rightCol, Motto2, bold: true),
        Blank,
        L2(so, rightCol, date),
        L(Vv),
        Blank,
        L(KinhGui),
        Blank,
        L(theo),
        L("Kính đề nghị Sở Thông tin và Truyền thông tổng hợp./."),
        Blank,
        L("Nơi nhận:"),
        L("- Như trên;"),
        L("- Lưu: VT, VP."),
    ];

    /// <summary>Letterhead as pasted from a text copy: one line per row in the first column.</summary>
    public static List<HeaderRow> LinearHeader(string upper, string body, string so, string date, string theo) =>
    [
        L(upper, bold: true),
        L(body, bold: true),
        L(Motto1, bold: true),
        L(Motto2, bold: true),
        L(so),
        L(date),
        L(Vv),
        L(KinhGui),
        L(theo),
        L("Nơi nhận:"),
        L("- Như trên;"),
        L("- Lưu: VT, VP."),
    ];
}
