namespace ReportHub.SampleGen.OnlineServices;

/// <summary>The fixed wording of the online public services form (dvc-online-2025) and of request 1234/SKHCN-CĐS.</summary>
public static class ServiceText
{
    public const string Round = "2025-Q3";
    public const string Template = "dvc-online-2025";
    public const string Request = "Công văn số 1234/SKHCN-CĐS ngày 01/10/2025 của Sở Khoa học và Công nghệ";
    public const string Subject = "V/v báo cáo tình hình cung cấp dịch vụ công trực tuyến quý III năm 2025";
    public const string Addressee = "Kính gửi: Sở Khoa học và Công nghệ tỉnh Quảng Ngãi";
    public const string Title = "BIỂU MẪU BÁO CÁO TÌNH HÌNH CUNG CẤP DỊCH VỤ CÔNG TRỰC TUYẾN";
    public const string Period = "(Số liệu từ ngày 01/7/2025 đến ngày 30/9/2025)";

    public static readonly IReadOnlyList<string> Headings =
    [
        "1. Công tác chỉ đạo, triển khai cung cấp dịch vụ công trực tuyến",
        "2. Kết quả cung cấp dịch vụ công trực tuyến và tiếp nhận, giải quyết hồ sơ",
        "3. Công tác kiểm tra, rà soát, đánh giá chất lượng dịch vụ công trực tuyến",
        "4. Khó khăn, vướng mắc và nguyên nhân",
        "5. Kiến nghị, đề xuất",
    ];

    public static readonly IReadOnlyList<string> DirectiveHeaders =
        ["STT", "Nội dung thực hiện", "Số, ngày ban hành văn bản", "Đơn vị ban hành", "Đối tượng tiếp nhận thông tin"];

    public static string Header(ServiceColumn column) => column switch
    {
        ServiceColumn.Ordinal => "STT",
        ServiceColumn.Entity => "Cơ quan, đơn vị",
        ServiceColumn.Procedures => "Số thủ tục hành chính đang áp dụng",
        ServiceColumn.FullOnline => "Số thủ tục cung cấp dịch vụ công trực tuyến toàn trình",
        ServiceColumn.Received => "Số hồ sơ tiếp nhận",
        ServiceColumn.ReceivedOnline => "Số hồ sơ tiếp nhận trực tuyến",
        ServiceColumn.Resolved => "Số hồ sơ đã giải quyết",
        ServiceColumn.ResolvedOnTime => "Số hồ sơ giải quyết đúng hạn",
        ServiceColumn.Note => "Ghi chú",
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };

    /// <summary>The sentence that ties a report to round 2025-Q3 by the request it answers.</summary>
    public static string Theo(string reporter) =>
        $"Thực hiện {Request} về việc báo cáo tình hình cung cấp dịch vụ công trực tuyến quý III năm 2025; {reporter} báo cáo kết quả theo Phụ lục đính kèm Công văn này.";

    public static IReadOnlyList<string> Body(string reporter) =>
        [Theo(reporter), "Kính đề nghị Sở Khoa học và Công nghệ tổng hợp, báo cáo Ủy ban nhân dân tỉnh./."];

    public static readonly IReadOnlyList<string> Distribution = ["- Như trên;", "- Giám đốc Sở (b/c);", "- Lưu: VT, VP."];
}
