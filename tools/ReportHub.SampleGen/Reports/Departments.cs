using static ReportHub.SampleGen.Reports.Std;

namespace ReportHub.SampleGen.Reports;

/// <summary>Provincial departments: each reports itself and one or two affiliated centres in section 2.</summary>
public static class Departments
{
    public static IEnumerable<ReportSpec> All() => [Skhcn(), Syt(), Sgddt(), Stp(), Snv(), Vpubnd(), Stc()];

    private static ReportSpec Skhcn()
    {
        // Letterhead in A1:E8, appendix placed at D10 as if pasted into a second block of the sheet.
        var header = TwoColumnHeader("UBND TỈNH QUẢNG NGÃI", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Số: 1187/SKHCN-VP",
            "Quảng Ngãi, ngày 28 tháng 10 năm 2021", Theo("Sở Khoa học và Công nghệ"), rightCol: 4);
        header.RemoveRange(9, 5); // no "Kính đề nghị"/"Nơi nhận" here: the letter ends at row 9
        return new(
            "skhcn-1187.xlsx", "51.SKHCN", OutputFormat.Xlsx,
            "letterhead two-column in A1:E9, appendix starts at D10; title merged; table-1 header in UPPER CASE; signer after section 5; one citation is a date cell; total row \"Cộng\"",
            header,
            Signer("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Lê Văn Thắng"),
            AppendixTitle,
            [
                new("Triển khai, sử dụng các biện pháp, giải pháp công nghệ phục vụ công tác phòng, chống dịch Covid-19 trong tình hình mới",
                    T("812/SKHCN-VP ngày 07/7/2021"), "Sở Khoa học và Công nghệ",
                    Lines("- Các phòng, đơn vị thuộc Sở;", "- Công chức, viên chức, người lao động.")),
                new("Tuyên truyền cài đặt, sử dụng ứng dụng PC-Covid và quét mã QR khi ra, vào trụ sở cơ quan",
                    T("1015/SKHCN-VP ngày 16/9/2021"), "Sở Khoa học và Công nghệ", "Công chức, viên chức, người lao động thuộc Sở"),
                new("Đăng tải Bộ giải pháp công nghệ phòng, chống dịch Covid-19 trên Trang thông tin điện tử của Sở",
                    D(2021, 10, 12), "Văn phòng Sở", "Tổ chức, cá nhân truy cập Trang thông tin điện tử của Sở"),
                new("Hướng dẫn các doanh nghiệp, tổ chức khoa học và công nghệ tạo và quản lý mã QR địa điểm",
                    T("1120/SKHCN-QLCN ngày 11/10/2021"), "Sở Khoa học và Công nghệ",
                    Lines("- Các doanh nghiệp khoa học và công nghệ trên địa bàn tỉnh;", "- Các tổ chức khoa học và công nghệ công lập.")),
            ],
            [
                new("Sở Khoa học và Công nghệ tỉnh Quảng Ngãi", 1, Th(1236), "Mã QR tại cổng chính"),
                new("Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng", 1, 412),
                new("Trung tâm Ứng dụng và Dịch vụ khoa học và công nghệ", 1, 287),
            ],
            [
                "- Văn phòng Sở phân công bộ phận thường trực kiểm tra việc quét mã QR của người ra, vào trụ sở cơ quan.",
                "- Hằng tuần kiểm tra việc cài đặt, sử dụng ứng dụng PC-Covid của công chức, viên chức, người lao động.",
            ],
            [
                "- 100% công chức, viên chức, người lao động của Sở đã cài đặt ứng dụng PC-Covid.",
                "- Việc quét mã QR khi ra, vào cơ quan được duy trì thường xuyên, hỗ trợ tốt công tác truy vết khi cần thiết.",
            ],
            ["- Đề nghị Sở Thông tin và Truyền thông tổ chức tập huấn cho bộ phận văn thư, bảo vệ về quản lý mã QR địa điểm trên nền tảng PC-Covid."],
            new Layout
            {
                AppendixRow = 10,
                AppendixCol = 4,
                MergeTitle = true,
                SignerAtBottom = true,
                S1Headers = ["STT", "NỘI DUNG THỰC HIỆN", "SỐ, NGÀY BAN HÀNH VĂN BẢN", "ĐƠN VỊ BAN HÀNH", "ĐỐI TƯỢNG TIẾP NHẬN THÔNG TIN"],
                TotalLabel = "Cộng",
                TotalStyle = QtyStyle.Thousands,
            });
    }

    private static ReportSpec Syt() => new(
        "syt-3254.xlsx", "51.SYT", OutputFormat.Xlsx,
        "everything shifted to column B; two blank rows between parts; merged title; two citations are bare date cells; total row \"Tổng cộng\"",
        TwoColumnHeader("UBND TỈNH QUẢNG NGÃI", "SỞ Y TẾ", "Số: 3254/SYT-NVY", "Quảng Ngãi, ngày 28 tháng 10 năm 2021", Theo("Sở Y tế")),
        Signer("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Thị Mỹ Hạnh"),
        AppendixTitle,
        [
            new("Hướng dẫn quản lý người ra, vào cơ sở khám bệnh, chữa bệnh bằng mã QR và khai báo y tế điện tử",
                T("2456/SYT-NVY ngày 15/9/2021"), "Sở Y tế",
                Lines("- Các bệnh viện tuyến tỉnh;", "- Trung tâm Y tế các huyện, thị xã, thành phố;", "- Các phòng khám đa khoa tư nhân.")),
            new("Triển khai nền tảng quản lý tiêm chủng Covid-19 và cấp chứng nhận tiêm chủng điện tử",
                T("2710/SYT-NVY ngày 05/10/2021"), "Sở Y tế",
                Lines("- Trung tâm Kiểm soát bệnh tật tỉnh;", "- Các điểm tiêm chủng trên địa bàn tỉnh.")),
            new("Tin bài hướng dẫn cài đặt ứng dụng PC-Covid, Sổ sức khỏe điện tử trên Cổng thông tin điện tử Sở Y tế",
                D(2021, 10, 8), "Sở Y tế", "Người dân trên địa bàn tỉnh"),
            new("Yêu cầu người đến khám bệnh, người nhà người bệnh quét mã QR hoặc khai báo y tế trước khi vào bệnh viện",
                T("1894/BVĐK-KHTH ngày 18/10/2021"), "Bệnh viện Đa khoa tỉnh Quảng Ngãi",
                Lines("- Các khoa, phòng thuộc Bệnh viện;", "- Người bệnh, người nhà người bệnh.")),
            new("Phát tờ rơi, pano tuyên truyền về quét mã QR tại các cơ sở y tế",
                D(2021, 10, 20), "Trung tâm Kiểm soát bệnh tật tỉnh", "Người dân đến giao dịch tại các cơ sở y tế"),
        ],
        [
            new("Sở Y tế tỉnh Quảng Ngãi", 1, 2845),
            new("Trung tâm Kiểm soát bệnh tật tỉnh", 2, 6120, "Trụ sở chính và điểm tiêm chủng"),
            new("Bệnh viện Đa khoa tỉnh Quảng Ngãi", 6, 38450, "Các cổng khu khám bệnh, khu điều trị"),
        ],
        [
            "- Phòng Nghiệp vụ Y kiểm tra đột xuất việc quét mã QR tại các bệnh viện tuyến tỉnh, trung tâm y tế tuyến huyện.",
            "- Các đơn vị tự kiểm tra hằng ngày, báo cáo kết quả về Sở Y tế vào thứ Sáu hằng tuần.",
        ],
        [
            "- Việc quét mã QR tại cổng bệnh viện giúp rút ngắn thời gian khai báo y tế, giảm ùn tắc tại khu vực tiếp đón.",
            "- Kinh nghiệm: bố trí nhân viên hướng dẫn người cao tuổi khai báo y tế tại chỗ đối với người không có điện thoại thông minh.",
        ],
        [
            "- Đề nghị Sở Thông tin và Truyền thông phối hợp với các doanh nghiệp viễn thông hỗ trợ đường truyền tại các điểm tiêm chủng.",
            "- Đề nghị hỗ trợ thiết bị đọc mã QR cho Bệnh viện Đa khoa tỉnh.",
        ],
        new Layout { HeaderCol = 2, GapRows = 2, MergeTitle = true, TotalLabel = "Tổng cộng" });

    private static ReportSpec Sgddt() => new(
        "sgddt-2031.xlsx", "51.SGDDT", OutputFormat.Xlsx,
        "symbol SGDĐT-VP; section-2 columns reordered (Ghi chú first, scans before codes); table headers with trailing colons and double spaces; a citation dated \"ngày 05 tháng 10 năm 2021\"; no total row",
        LinearHeader("UBND TỈNH QUẢNG NGÃI", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 2031/SGDĐT-VP", "Quảng Ngãi, ngày 29 tháng 10 năm 2021", Theo("Sở Giáo dục và Đào tạo")),
        Signer("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Đặng Ngọc Dũng"),
        AppendixTitle,
        [
            new("Tăng cường ứng dụng công nghệ thông tin trong phòng, chống dịch Covid-19 tại các cơ sở giáo dục",
                T("1486/SGDĐT-VP ngày 10/8/2021"), "Sở Giáo dục và Đào tạo",
                Lines("- Phòng GDĐT các huyện, thị xã, thành phố;", "- Các trường THPT, trường PTDTNT tỉnh;", "- Trung tâm GDNN-GDTX các huyện.")),
            new("Hướng dẫn tạo mã QR địa điểm, kiểm soát người ra, vào trường học khi học sinh đi học trực tiếp trở lại",
                T("1702/SGDĐT-CTTT ngày 06/9/2021"), "Sở Giáo dục và Đào tạo", "Các đơn vị, trường học trực thuộc"),
            new("Triển khai ứng dụng PC-Covid cho cán bộ, giáo viên, nhân viên và học sinh từ 16 tuổi trở lên",
                T("1938/SGDĐT-VP ngày 05 tháng 10 năm 2021"), "Sở Giáo dục và Đào tạo",
                Lines("- Cán bộ, giáo viên, nhân viên ngành giáo dục;", "- Học sinh THPT.")),
            new("Tổ chức dạy học trực tuyến và phòng, chống dịch khi học sinh đi học trực tiếp",
                T("1955/SGDĐT-GDTrH ngày 08/10/2021"), "Sở Giáo dục và Đào tạo", "Các trường THPT, trung tâm GDNN-GDTX"),
            new("Tuyên truyền trên Cổng thông tin điện tử ngành và nhóm Zalo phụ huynh học sinh",
                T("Thường xuyên"), "Văn phòng Sở", "Phụ huynh, học sinh"),
            new("Báo cáo nhanh tình hình cài đặt PC-Covid của các đơn vị trực thuộc",
                T("2010/SGDĐT-VP ngày 25/10/2021"), "Sở Giáo dục và Đào tạo", "Các đơn vị trực thuộc"),
        ],
        [
            new("Cơ quan Sở Giáo dục và Đào tạo", 2, 1874),
            new("Các trường THPT trực thuộc Sở", 42, 68215, "42/42 trường"),
            new("Trường Phổ thông Dân tộc nội trú tỉnh", 1, 3460),
        ],
        [
            "- Các đoàn kiểm tra công tác chuẩn bị đón học sinh trở lại trường đã kiểm tra việc tạo mã QR và bố trí điểm quét mã tại cổng trường.",
            "- Yêu cầu hiệu trưởng các trường chịu trách nhiệm kiểm tra việc quét mã QR của người ra, vào trường.",
        ],
        [
            "- 100% trường THPT đã tạo mã QR địa điểm; học sinh, phụ huynh đã quen với việc quét mã khi vào trường.",
        ],
        [
            "- Đề nghị hỗ trợ tài khoản quản trị tập trung để Sở theo dõi số lượt quét mã QR của các trường.",
        ],
        new Layout
        {
            S1Headers = ["STT:", "Nội  dung thực hiện:", "Số, ngày ban hành văn bản:", "Đơn vị  ban hành:", "Đối tượng tiếp nhận thông tin:"],
            S2Order = [4, 0, 1, 3, 2],
        });

    private static ReportSpec Stp() => new(
        "stp-1422.csv", "51.STP", OutputFormat.Csv,
        "CSV UTF-8 with BOM, comma; request cited as \"ngày 26 tháng 10 năm 2021\"; figures #,##0 so the CSV holds quoted \"1,380\"",
        LinearHeader("UBND TỈNH QUẢNG NGÃI", "SỞ TƯ PHÁP", "Số: 1422/STP-VP", "Quảng Ngãi, ngày 29 tháng 10 năm 2021",
            Theo("Sở Tư pháp", "Công văn số 1406/STTTT-BCVT&CNTT ngày 26 tháng 10 năm 2021")),
        Signer("GIÁM ĐỐC", "", "Võ Thị Thu Hà"),
        AppendixTitle,
        [
            new("Triển khai các biện pháp phòng, chống dịch Covid-19 tại trụ sở cơ quan và bộ phận một cửa",
                T("988/STP-VP ngày 02/8/2021"), "Sở Tư pháp", Lines("- Các phòng, đơn vị thuộc Sở;", "- Tổ chức, công dân đến giao dịch.")),
            new("Hướng dẫn các tổ chức hành nghề công chứng, luật sư tạo mã QR địa điểm",
                T("1205/STP-BTTP ngày 20/9/2021"), "Sở Tư pháp",
                Lines("- Các tổ chức hành nghề công chứng;", "- Đoàn Luật sư tỉnh;", "- Các tổ chức đấu giá tài sản.")),
            new("Tuyên truyền cài đặt PC-Covid trên Trang thông tin điện tử Sở Tư pháp",
                T("10/10/2021"), "Văn phòng Sở", "Công chức, viên chức, người dân"),
        ],
        [
            new("Sở Tư pháp tỉnh Quảng Ngãi", 1, Th(1380)),
            new("Trung tâm Trợ giúp pháp lý nhà nước tỉnh", 1, 265),
            new("Phòng Công chứng số 1", 1, Th(2940)),
        ],
        ["- Văn phòng Sở kiểm tra hằng ngày việc quét mã QR tại bộ phận tiếp nhận và trả kết quả."],
        ["- Người dân đến công chứng, chứng thực chấp hành tốt việc quét mã QR."],
        ["- Không có."],
        new Layout { GapRows = 1 });

    private static ReportSpec Snv() => new(
        "snv-blank-number.xlsx", "51.SNV", OutputFormat.Xlsx,
        "document number blank (\"Số:    /SNV-VP\"); signer block after section 5 on the right; section 5 \"Không có.\"",
        TwoColumnHeader("UBND TỈNH QUẢNG NGÃI", "SỞ NỘI VỤ", "Số:    /SNV-VP", "Quảng Ngãi, ngày 29 tháng 10 năm 2021", Theo("Sở Nội vụ")),
        Signer("GIÁM ĐỐC", "", "Nguyễn Thị Hồng Nhung"),
        AppendixTitle,
        [
            new("Triển khai Bộ giải pháp công nghệ phòng, chống dịch Covid-19 trong tình hình mới",
                T("1250/SNV-VP ngày 12/7/2021"), "Sở Nội vụ", Lines("- Các phòng, ban, chi cục thuộc Sở;", "- Công chức, viên chức, người lao động.")),
            new("Quét mã QR, khai báo y tế khi đến liên hệ công tác tại Sở",
                T("1688/TB-SNV ngày 14/9/2021"), "Sở Nội vụ", "Tổ chức, cá nhân đến liên hệ công tác"),
        ],
        [
            new("Sở Nội vụ tỉnh Quảng Ngãi", 1, 1512),
            new("Ban Thi đua - Khen thưởng", 1, 318),
            new("Chi cục Văn thư - Lưu trữ", 1, 204),
        ],
        ["- Giao Văn phòng Sở theo dõi, nhắc nhở việc quét mã QR khi ra, vào cơ quan."],
        ["- Công chức, viên chức chấp hành tốt; tổ chức, cá nhân đến liên hệ công tác đều quét mã QR hoặc khai báo y tế."],
        ["- Không có."],
        new Layout { SignerAtBottom = true });

    private static ReportSpec Vpubnd() => new(
        "vpubnd-1602.xlsx", "51.VPUBND", OutputFormat.Xlsx,
        "header lines in a different order (motto, then Số/date, then issuing body); symbol \"1602 /VP-HCTC\"; empty column between \"Nội dung\" and \"Số, ngày\" in both tables; total row \"Tổng\"",
        [
            L(Motto1, true),
            L(Motto2, true),
            Blank,
            L("Số: 1602 /VP-HCTC"),
            L("Quảng Ngãi, ngày 28 tháng 10 năm 2021"),
            Blank,
            L("UBND TỈNH QUẢNG NGÃI", true),
            L("VĂN PHÒNG", true),
            Blank,
            L(KinhGui),
            L(Vv),
            L(Theo("Văn phòng UBND tỉnh")),
        ],
        Signer("KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Phạm Minh Tuấn"),
        AppendixTitle,
        [
            new("Triển khai thực hiện ý kiến chỉ đạo của Chủ tịch UBND tỉnh tại Công văn số 2956/UBND-KGVX ngày 27/6/2021",
                T("914/VP-HCTC ngày 28/6/2021"), "Văn phòng UBND tỉnh", "Trưởng các phòng, ban, đơn vị trực thuộc"),
            new("Quét mã QR đối với người đến giao dịch tại Trung tâm Phục vụ hành chính công tỉnh",
                T("1315/VP-TTPVHCC ngày 30/8/2021"), "Văn phòng UBND tỉnh",
                Lines("- Trung tâm Phục vụ hành chính công tỉnh;", "- Công chức các sở, ngành làm việc tại Trung tâm;", "- Tổ chức, công dân đến giao dịch.")),
            new("Hướng dẫn tổ chức cuộc họp trực tuyến, hạn chế họp trực tiếp trong thời gian có dịch",
                T("1421/VP-HCTC ngày 22/9/2021"), "Văn phòng UBND tỉnh", "Các phòng, ban, đơn vị trực thuộc"),
            new("Đăng tải thông tin về PC-Covid trên Cổng thông tin điện tử tỉnh",
                T("1507/VP-CBTH ngày 11/10/2021"), "Văn phòng UBND tỉnh", "Người dân, doanh nghiệp"),
        ],
        [
            new("Văn phòng UBND tỉnh", 2, 3185),
            new("Trung tâm Phục vụ hành chính công tỉnh", 1, 9862),
            new("Ban Tiếp công dân tỉnh", 1, 1047),
        ],
        ["- Bộ phận bảo vệ kiểm tra việc quét mã QR tại cổng trụ sở; Trung tâm Phục vụ hành chính công bố trí nhân viên hướng dẫn."],
        ["- Lượt quét mã QR tại Trung tâm Phục vụ hành chính công chiếm phần lớn, phản ánh lượng giao dịch trực tiếp còn cao."],
        [NoneLine],
        new Layout { BlankColumnAfter = 1, TotalLabel = "Tổng" });

    private static ReportSpec Stc() => new(
        "stc-3120.xlsx", "51.STC", OutputFormat.Xlsx,
        "whole report starts at B3; scans typed as text \"1.054\" (dot thousands) in the xlsx; no blank rows between parts",
        LinearHeader("UBND TỈNH QUẢNG NGÃI", "SỞ TÀI CHÍNH", "Số: 3120/STC-VP", "Quảng Ngãi, ngày 28 tháng 10 năm 2021", Theo("Sở Tài chính")),
        Signer("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Huỳnh Văn Lộc"),
        AppendixTitle,
        [
            new("Triển khai các giải pháp công nghệ phòng, chống dịch Covid-19 tại cơ quan Sở",
                T("2215/STC-VP ngày 19/7/2021"), "Sở Tài chính", "Công chức, viên chức, người lao động thuộc Sở"),
            new("Quét mã QR khi đến liên hệ công tác, nộp hồ sơ tại Sở",
                T("2840/STC-VP ngày 21/9/2021"), "Sở Tài chính", Lines("- Các cơ quan, đơn vị;", "- Tổ chức, cá nhân đến liên hệ công tác.")),
        ],
        [new("Sở Tài chính tỉnh Quảng Ngãi", 1, new Qty(1054, QtyStyle.TextDots))],
        ["- Văn phòng Sở kiểm tra thường xuyên việc quét mã QR tại cổng cơ quan."],
        ["- Công chức, viên chức và khách đến liên hệ công tác thực hiện nghiêm việc quét mã QR."],
        [NoneLine],
        new Layout { HeaderRow = 3, HeaderCol = 2, GapRows = 0 });
}
