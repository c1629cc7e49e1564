using static ReportHub.SampleGen.Reports.Std;

namespace ReportHub.SampleGen.OnlineServices;

/// <summary>
/// Invented answers of seven departments to request 1234/SKHCN-CĐS (round 2025-Q3). Document numbers, names and
/// figures are made up. Sở Khoa học và Công nghệ is small and fully online, Sở Tư pháp is large with a low online
/// share, so the mean of the units' rates is far from the province's rate (the ratio of the sums).
/// </summary>
public static class Reports2025Q3
{
    private const string Upper = "UBND TỈNH QUẢNG NGÃI";

    public static IReadOnlyList<ServiceReport> All() => [Skhcn(), Stp(), Syt(), Snv(), Stc(), Sct(), Vpubnd()];

    private static Letter Letter(string body, string number, string date, string reporter, string signerName,
        string role1 = "KT. GIÁM ĐỐC", string role2 = "PHÓ GIÁM ĐỐC") =>
        new([Upper, body], number, $"Quảng Ngãi, ngày {date}", [ServiceText.Subject], ServiceText.Addressee,
            ServiceText.Body(reporter), [role1, role2], signerName, ServiceText.Distribution);

    private static ServiceReport Skhcn()
    {
        // The requesting department reports on itself in a BÁO CÁO (no V/v, no Kính gửi), as an internal report.
        var letter = Letter("SỞ KHOA HỌC VÀ CÔNG NGHỆ", "412/BC-SKHCN", "06 tháng 10 năm 2025", "Sở Khoa học và Công nghệ", "Nguyễn Văn Hòa") with
        {
            Subject = ["BÁO CÁO", "Tình hình cung cấp dịch vụ công trực tuyến quý III năm 2025 của Sở Khoa học và Công nghệ"],
            Addressee = null,
            Body = [$"Thực hiện {ServiceText.Request} về việc báo cáo tình hình cung cấp dịch vụ công trực tuyến quý III năm 2025; Văn phòng Sở tổng hợp kết quả của Sở theo Phụ lục kèm theo Báo cáo này."],
            Distribution = ["- Giám đốc, các Phó Giám đốc Sở;", "- Phòng Chuyển đổi số;", "- Lưu: VT, VP."],
        };
        return new(
            "skhcn-412.xlsx", "51.SKHCN", ServiceFormat.Xlsx,
            "BÁO CÁO form (no V/v, no Kính gửi); letterhead two-column in A1:D12, appendix starts at D15; title merged; signer after section 5; 100% received online (small unit)",
            letter,
            [
                new("Kế hoạch cung cấp dịch vụ công trực tuyến toàn trình năm 2025 của Sở", T("95/KH-SKHCN ngày 14/7/2025"), "Sở Khoa học và Công nghệ",
                    Lines("- Các phòng, đơn vị thuộc Sở;", "- Bộ phận một cửa của Sở.")),
                new("Rà soát, tái cấu trúc quy trình thủ tục hành chính lĩnh vực viễn thông, tần số vô tuyến điện sau khi hợp nhất",
                    T("1528/SKHCN-VP ngày 05/8/2025"), "Sở Khoa học và Công nghệ", "Phòng Bưu chính, Viễn thông"),
                new("Hướng dẫn tổ chức, doanh nghiệp nộp hồ sơ trên Cổng dịch vụ công quốc gia", D(2025, 9, 12), "Văn phòng Sở",
                    "Tổ chức, doanh nghiệp khoa học và công nghệ"),
            ],
            [
                new("Phòng Quản lý công nghệ và Chuyển đổi số", 48, 44, 62, 62, 60, 60),
                new("Chi cục Tiêu chuẩn Đo lường Chất lượng", 31, 29, 53, 53, 53, 52),
                new("Phòng Bưu chính, Viễn thông", 27, 25, 31, 31, 29, 29, "Tiếp nhận từ Sở TT&TT"),
            ],
            ["- Văn phòng Sở rà soát hằng tháng hồ sơ trễ hạn trên Hệ thống thông tin giải quyết thủ tục hành chính tỉnh."],
            ["- Một số thủ tục lĩnh vực viễn thông tiếp nhận từ Sở Thông tin và Truyền thông chưa được cấu hình lại quy trình điện tử."],
            ["Không có."],
            new ServiceLayout { AppendixRow = 15, AppendixCol = 4, MergeTitle = true, SignerAtBottom = true, RightCol = 3 });
    }

    private static ServiceReport Stp() => new(
        "stp-2876.csv", "51.STP", ServiceFormat.CsvSemicolon,
        "CSV UTF-8 with BOM, `;` as Excel writes with Vietnamese regional settings; figures #,##0 so the CSV holds 6.215; linear letterhead; large unit with a low online share",
        Letter("SỞ TƯ PHÁP", "2876/STP-VP", "07 tháng 10 năm 2025", "Sở Tư pháp", "Phạm Thị Thu Hà"),
        [
            new("Đẩy mạnh tiếp nhận hồ sơ cấp Phiếu lý lịch tư pháp trực tuyến qua ứng dụng VNeID", T("1902/STP-HCTP ngày 21/7/2025"), "Sở Tư pháp",
                Lines("- Phòng Hành chính tư pháp;", "- Bộ phận một cửa của Sở.")),
            new("Triển khai thủ tục công chứng điện tử tại các tổ chức hành nghề công chứng", T("2210/STP-BTTP ngày 25/8/2025"), "Sở Tư pháp",
                "Các tổ chức hành nghề công chứng trên địa bàn tỉnh"),
            new("Tuyên truyền nộp hồ sơ trực tuyến trên Trang thông tin điện tử của Sở", T("Thường xuyên"), "Văn phòng Sở", "Người dân, doanh nghiệp"),
            new("Kiểm tra việc số hóa kết quả giải quyết thủ tục hành chính", T("2540/STP-VP ngày 22/9/2025"), "Sở Tư pháp", "Các phòng, đơn vị thuộc Sở"),
        ],
        [
            new("Phòng Hành chính tư pháp (lý lịch tư pháp, quốc tịch)", 38, 22, 6215, 1240, 6088, 5967),
            new("Phòng Bổ trợ tư pháp (công chứng, luật sư, đấu giá)", 52, 18, 2874, 402, 2861, 2799, "Công chứng chủ yếu nộp trực tiếp"),
            new("Trung tâm Trợ giúp pháp lý nhà nước", 9, 4, 751, 33, 744, 744),
        ],
        ["- Sở kiểm tra đột xuất 02 tổ chức hành nghề công chứng về việc tiếp nhận hồ sơ trực tuyến."],
        [
            "- Phần lớn người yêu cầu công chứng, cấp Phiếu lý lịch tư pháp là người cao tuổi, chưa quen nộp hồ sơ trực tuyến.",
            "- Việc thanh toán phí trực tuyến còn lỗi khi kết nối với một số ngân hàng.",
        ],
        ["- Đề nghị Sở Khoa học và Công nghệ hỗ trợ kết nối thanh toán trực tuyến với Hệ thống thông tin giải quyết thủ tục hành chính tỉnh."],
        new ServiceLayout { Header = HeaderStyle.Linear, Figures = QtyStyle.Thousands });

    private static ServiceReport Syt() => new(
        "syt-4105.xlsx", "51.SYT", ServiceFormat.Xlsx,
        "everything shifted to column C and row 3; two blank rows between parts; section-2 headers in variant wording (Số TTHC đang áp dụng, DVCTT toàn trình); total row \"Tổng cộng\"",
        Letter("SỞ Y TẾ", "4105/SYT-VP", "08 tháng 10 năm 2025", "Sở Y tế", "Trần Thị Mỹ Hạnh"),
        [
            new("Cung cấp dịch vụ công trực tuyến toàn trình lĩnh vực dược, khám bệnh, chữa bệnh", T("3120/SYT-VP ngày 18/7/2025"), "Sở Y tế",
                Lines("- Phòng Nghiệp vụ Dược;", "- Phòng Quản lý hành nghề y;", "- Trung tâm Giám định y khoa.")),
            new("Hướng dẫn nộp hồ sơ cấp chứng chỉ hành nghề qua Cổng dịch vụ công quốc gia", D(2025, 8, 14), "Phòng Quản lý hành nghề y",
                "Người hành nghề khám bệnh, chữa bệnh"),
        ],
        [
            new("Sở Y tế (Bộ phận một cửa)", 142, 118, 1386, 1102, 1351, 1339),
            new("Phòng Nghiệp vụ Dược", 27, 24, 612, 588, 604, 604),
            new("Trung tâm Giám định y khoa", 6, 2, 418, 57, 405, 371, "Hồ sơ giám định cần khám trực tiếp"),
        ],
        ["- Phòng Quản lý hành nghề y kiểm tra hằng tuần hồ sơ sắp đến hạn trên hệ thống."],
        ["- Hồ sơ giám định y khoa phải khám trực tiếp nên tỷ lệ nộp trực tuyến thấp; 34 hồ sơ trễ hạn do chờ hội đồng giám định."],
        ["- Đề nghị nâng cấp đường truyền tại Bộ phận một cửa của Sở Y tế."],
        new ServiceLayout
        {
            HeaderRow = 3,
            HeaderCol = 3,
            GapRows = 2,
            TotalLabel = "Tổng cộng",
            Headers = new Dictionary<ServiceColumn, string>
            {
                [ServiceColumn.Procedures] = "Số TTHC đang áp dụng",
                [ServiceColumn.FullOnline] = "Số TTHC cung cấp DVCTT toàn trình",
                [ServiceColumn.Entity] = "Tên đơn vị",
            },
        });

    private static ServiceReport Snv() => new(
        "snv-3318.xlsx", "51.SNV", ServiceFormat.Xlsx,
        "section-2 columns reordered (dossiers before procedures, Ghi chú second, on-time before resolved); headers \"Trong đó tiếp nhận trực tuyến\" / \"Trong đó đúng hạn\"; figures #,##0; Sở Nội vụ after taking over labour and war veterans' affairs",
        Letter("SỞ NỘI VỤ", "3318/SNV-VP", "08 tháng 10 năm 2025", "Sở Nội vụ", "Võ Minh Tuấn"),
        [
            new("Chuyển giao, cấu hình lại quy trình điện tử thủ tục hành chính lĩnh vực lao động, người có công sau sắp xếp",
                T("1877/SNV-VP ngày 10/7/2025"), "Sở Nội vụ", Lines("- Các phòng chuyên môn thuộc Sở;", "- Trung tâm Dịch vụ việc làm.")),
            new("Tiếp nhận hồ sơ hưởng trợ cấp thất nghiệp trực tuyến", T("2204/SNV-VL ngày 11/8/2025"), "Sở Nội vụ", "Trung tâm Dịch vụ việc làm"),
            new("Số hóa hồ sơ người có công đang quản lý", T("2591/SNV-NCC ngày 16/9/2025"), "Sở Nội vụ", "Phòng Người có công"),
        ],
        [
            new("Lĩnh vực nội vụ", 64, 51, 538, 421, 529, 522),
            new("Lĩnh vực lao động, việc làm, bảo hiểm thất nghiệp", 58, 36, 4127, 2368, 4095, 4061, "Tiếp nhận từ Sở LĐ-TB&XH"),
            new("Lĩnh vực người có công", 31, 12, 1263, 214, 1240, 1175, "Tiếp nhận từ Sở LĐ-TB&XH"),
        ],
        ["- Sở tổ chức 02 đợt kiểm tra việc tiếp nhận hồ sơ trực tuyến tại Trung tâm Dịch vụ việc làm."],
        ["- Hồ sơ người có công phần lớn là hồ sơ giấy lưu trữ lâu năm, việc số hóa mất nhiều thời gian."],
        ["Không có."],
        new ServiceLayout
        {
            Order =
            [
                ServiceColumn.Ordinal, ServiceColumn.Note, ServiceColumn.Entity, ServiceColumn.Received, ServiceColumn.ReceivedOnline,
                ServiceColumn.ResolvedOnTime, ServiceColumn.Resolved, ServiceColumn.Procedures, ServiceColumn.FullOnline,
            ],
            Headers = new Dictionary<ServiceColumn, string>
            {
                [ServiceColumn.ReceivedOnline] = "Trong đó tiếp nhận trực tuyến",
                [ServiceColumn.ResolvedOnTime] = "Trong đó đúng hạn",
            },
            Figures = QtyStyle.Thousands,
        });

    private static ServiceReport Stc() => new(
        "stc-2954.xlsx", "51.STC", ServiceFormat.Xlsx,
        "figures typed as text with dot thousands (\"3.485\"); linear letterhead starting at B2; no blank rows between parts; Sở Tài chính after taking over planning and investment",
        Letter("SỞ TÀI CHÍNH", "2954/STC-VP", "09 tháng 10 năm 2025", "Sở Tài chính", "Lê Quang Vinh"),
        [
            new("Triển khai đăng ký doanh nghiệp qua mạng điện tử sau khi hợp nhất Sở Kế hoạch và Đầu tư", T("2011/STC-ĐKKD ngày 03/7/2025"), "Sở Tài chính",
                "Phòng Đăng ký kinh doanh"),
            new("Công khai quy trình nội bộ giải quyết thủ tục hành chính lĩnh vực đầu tư", T("2436/STC-VP ngày 19/8/2025"), "Sở Tài chính",
                Lines("- Phòng Đầu tư;", "- Bộ phận một cửa.")),
        ],
        [
            new("Phòng Đăng ký kinh doanh", 112, 104, 3485, 3297, 3462, 3458),
            new("Phòng Quản lý ngân sách, giá, công sản", 41, 30, 276, 198, 271, 266),
            new("Phòng Đầu tư", 38, 21, 94, 57, 90, 83),
        ],
        ["- Văn phòng Sở theo dõi hằng ngày hồ sơ đến hạn, nhắc các phòng giải quyết đúng hạn."],
        ["- Một số hồ sơ dự án đầu tư phải lấy ý kiến nhiều cơ quan nên quá hạn."],
        ["- Đề nghị kết nối Hệ thống thông tin giải quyết thủ tục hành chính tỉnh với Hệ thống thông tin quốc gia về đăng ký doanh nghiệp."],
        new ServiceLayout { Header = HeaderStyle.Linear, HeaderRow = 2, HeaderCol = 2, GapRows = 0, Figures = QtyStyle.TextDots });

    private static ServiceReport Sct() => new(
        "sct-3047.xlsx", "51.SCT", ServiceFormat.Xlsx,
        "letterhead two-column with the motto at column F; empty Ghi chú; total row \"Cộng\" with #,##0 figures; merged title",
        Letter("SỞ CÔNG THƯƠNG", "3047/SCT-VP", "07 tháng 10 năm 2025", "Sở Công Thương", "Nguyễn Đức Huy"),
        [
            new("Cung cấp dịch vụ công trực tuyến toàn trình lĩnh vực thương mại, xuất nhập khẩu", T("1715/SCT-VP ngày 08/7/2025"), "Sở Công Thương",
                Lines("- Phòng Quản lý thương mại;", "- Bộ phận một cửa.")),
            new("Hướng dẫn doanh nghiệp nộp hồ sơ cấp giấy chứng nhận xuất xứ hàng hóa điện tử", T("2098/SCT-QLTM ngày 20/8/2025"), "Sở Công Thương",
                "Doanh nghiệp xuất khẩu trên địa bàn tỉnh"),
        ],
        [
            new("Lĩnh vực thương mại, xuất nhập khẩu", 73, 66, 1254, 1198, 1240, 1238),
            new("Lĩnh vực công nghiệp, năng lượng, an toàn thực phẩm", 45, 31, 400, 290, 400, 395),
        ],
        ["- Không có."],
        ["- Một số doanh nghiệp nhỏ chưa có chữ ký số nên còn nộp hồ sơ trực tiếp."],
        ["- Đề nghị hỗ trợ chữ ký số cho doanh nghiệp nhỏ và vừa."],
        new ServiceLayout { RightCol = 5, MergeTitle = true, TotalLabel = "Cộng", Figures = QtyStyle.Thousands });

    private static ServiceReport Vpubnd() => new(
        "vpubnd-2241.docx", "51.VPUBND", ServiceFormat.Docx,
        "Word letter (Decree 30): header in a borderless table, signer block table, appendix as Word tables whose figures are text; symbol VP-HCTC; Văn phòng after taking over foreign affairs",
        Letter("VĂN PHÒNG", "2241/VP-HCTC", "09 tháng 10 năm 2025", "Văn phòng UBND tỉnh", "Huỳnh Văn Bình", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"),
        [
            new("Cung cấp dịch vụ công trực tuyến lĩnh vực ngoại vụ sau khi tiếp nhận từ Sở Ngoại vụ", T("1390/VP-HCTC ngày 04/7/2025"), "Văn phòng UBND tỉnh",
                "Phòng Ngoại vụ"),
            new("Số hóa kết quả giải quyết thủ tục hành chính tại Trung tâm Phục vụ hành chính công", T("1966/VP-TTPVHCC ngày 27/8/2025"), "Văn phòng UBND tỉnh",
                "Trung tâm Phục vụ hành chính công tỉnh"),
        ],
        [
            new("Lĩnh vực ngoại vụ", 14, 9, 187, 121, 183, 183, "Tiếp nhận từ Sở Ngoại vụ"),
            new("Lĩnh vực hành chính, văn thư, lưu trữ", 8, 6, 62, 58, 62, 61),
        ],
        ["- Trung tâm Phục vụ hành chính công tỉnh kiểm tra việc số hóa hồ sơ hằng tháng."],
        ["Không có."],
        ["Không có."],
        new ServiceLayout());
}
