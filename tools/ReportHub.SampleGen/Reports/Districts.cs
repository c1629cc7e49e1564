using static ReportHub.SampleGen.Reports.Std;

namespace ReportHub.SampleGen.Reports;

/// <summary>Districts report one section-2 row per commune-level unit, then a total row equal to the sum.</summary>
public static class Districts
{
    public static IEnumerable<ReportSpec> All() => [BinhSon(), TuNghia(), DucPho(), LySon(), QuangNgaiCity(), SonTinh()];

    private static List<QrRow> Rows(params (string Name, long Codes, long Scans)[] rows) =>
        [.. rows.Select(r => new QrRow(r.Name, r.Codes, r.Scans))];

    private static List<QrRow> ThousandRows(params (string Name, long Codes, long Scans)[] rows) =>
        [.. rows.Select(r => new QrRow(r.Name, r.Codes, Th(r.Scans)))];

    private static ReportSpec BinhSon() => new(
        "binhson-2318.xlsx", "51.524", OutputFormat.Xlsx,
        "old-style \"UỶ BAN NHÂN DÂN\" / \"HUYỆN BÌNH SƠN\" with symbol UBND-CNTT; 22 commune rows + \"Tổng cộng\"; merged title; one citation is a date cell",
        TwoColumnHeader("UỶ BAN NHÂN DÂN", "HUYỆN BÌNH SƠN", "Số: 2318/UBND-CNTT", "Bình Sơn, ngày 28 tháng 10 năm 2021", Theo("UBND huyện Bình Sơn")),
        Signer("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Quốc Hùng"),
        AppendixTitle,
        [
            new("Triển khai sử dụng các giải pháp công nghệ phục vụ công tác phòng, chống dịch Covid-19",
                T("1402/UBND-CNTT ngày 12/7/2021"), "UBND huyện Bình Sơn",
                Lines("- Các cơ quan, ban, ngành trên địa bàn huyện;", "- UBND các xã, thị trấn.")),
            new("Tạo và quản lý mã QR địa điểm tại các cơ quan, trường học, doanh nghiệp, cửa hàng, chợ",
                T("1876/UBND-CNTT ngày 08/9/2021"), "UBND huyện Bình Sơn",
                Lines("- UBND các xã, thị trấn;", "- Các doanh nghiệp, hộ kinh doanh.")),
            new("Tiếp tục đẩy mạnh triển khai ứng dụng các giải pháp công nghệ trong phòng, chống dịch Covid-19",
                T("2145/UBND-CNTT ngày 21/10/2021"), "UBND huyện Bình Sơn",
                Lines("- Các cơ quan, ban, ngành trên địa bàn huyện;", "- UBND các xã, thị trấn;", "- Trung tâm Truyền thông - Văn hóa - Thể thao huyện.")),
            new("Phát sóng chuyên mục hướng dẫn cài đặt PC-Covid trên Đài Truyền thanh huyện",
                D(2021, 10, 15), "Trung tâm Truyền thông - Văn hóa - Thể thao huyện", "Nhân dân trên địa bàn huyện"),
            new("Hướng dẫn quét mã QR tại Khu kinh tế Dung Quất và các khu công nghiệp trên địa bàn",
                T("2201/UBND-KT ngày 25/10/2021"), "UBND huyện Bình Sơn", "Các doanh nghiệp trong khu công nghiệp"),
        ],
        Rows(
            ("Thị trấn Châu Ổ", 186, 24530), ("Xã Bình Thạnh", 42, 3218), ("Xã Bình Đông", 58, 5460), ("Xã Bình Chánh", 37, 2145),
            ("Xã Bình Nguyên", 44, 2987), ("Xã Bình Khương", 23, 1102), ("Xã Bình Trị", 51, 4376), ("Xã Bình An", 19, 864),
            ("Xã Bình Hải", 48, 3905), ("Xã Bình Dương", 35, 2760), ("Xã Bình Phước", 29, 1548), ("Xã Bình Hòa", 31, 1832),
            ("Xã Bình Trung", 40, 2614), ("Xã Bình Minh", 22, 1096), ("Xã Bình Long", 64, 6842), ("Xã Bình Thanh", 27, 1371),
            ("Xã Bình Chương", 33, 1925), ("Xã Bình Hiệp", 38, 2418), ("Xã Bình Mỹ", 26, 1287), ("Xã Bình Tân Phú", 45, 3150),
            ("Xã Bình Châu", 52, 4083), ("Xã Bình Thuận", 30, 1694)),
        [
            "- UBND huyện giao Phòng Văn hóa và Thông tin chủ trì, phối hợp với Công an huyện kiểm tra việc quét mã QR tại các địa điểm công cộng.",
            "- Qua kiểm tra, một số cửa hàng, quán ăn chưa niêm yết mã QR đã được nhắc nhở, hướng dẫn khắc phục.",
        ],
        [
            "- Tỷ lệ địa điểm tạo mã QR tăng nhanh sau Công văn số 2145/UBND-CNTT; thị trấn Châu Ổ dẫn đầu về số lượt quét.",
            "- Kinh nghiệm: huy động Đoàn Thanh niên hỗ trợ người dân cài đặt PC-Covid tại nhà.",
        ],
        ["- Đề nghị Sở Thông tin và Truyền thông cung cấp tài khoản thống kê số lượt quét mã QR theo địa bàn xã."],
        new Layout { MergeTitle = true, TotalLabel = "Tổng cộng" });

    private static ReportSpec TuNghia() => new(
        "tunghia-1654.xlsx", "51.528", OutputFormat.Xlsx,
        "symbol UBND-VP, so the unit comes only from \"ỦY BAN NHÂN DÂN\" / \"HUYỆN TƯ NGHĨA\"; section headings in UPPER CASE; no blank rows; 14 rows + \"Tổng cộng\"",
        TwoColumnHeader("ỦY BAN NHÂN DÂN", "HUYỆN TƯ NGHĨA", "Số: 1654/UBND-VP", "Tư Nghĩa, ngày 29 tháng 10 năm 2021", Theo("UBND huyện Tư Nghĩa")),
        Signer("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Hòa"),
        AppendixTitle,
        [
            new("Triển khai quét mã QR tại các địa điểm công cộng, chợ, siêu thị trên địa bàn huyện",
                T("1204/UBND-VP ngày 26/8/2021"), "UBND huyện Tư Nghĩa", Lines("- UBND các xã, thị trấn;", "- Ban Quản lý chợ các xã, thị trấn.")),
            new("Tuyên truyền cài đặt ứng dụng PC-Covid và khai báo y tế điện tử",
                T("1397/UBND-VHTT ngày 20/9/2021"), "UBND huyện Tư Nghĩa", "Nhân dân trên địa bàn huyện"),
            new("Kiểm tra việc thực hiện các biện pháp phòng, chống dịch Covid-19 tại cơ sở kinh doanh",
                T("ngày 12 tháng 10 năm 2021"), "Ban Chỉ đạo phòng, chống dịch Covid-19 huyện", "Các cơ sở kinh doanh, dịch vụ"),
        ],
        Rows(
            ("Thị trấn La Hà", 142, 15870), ("Thị trấn Sông Vệ", 118, 12406), ("Xã Nghĩa Kỳ", 47, 3512), ("Xã Nghĩa Điền", 25, 1268),
            ("Xã Nghĩa Trung", 39, 2941), ("Xã Nghĩa Thương", 44, 3087), ("Xã Nghĩa Hòa", 36, 2156), ("Xã Nghĩa Hiệp", 41, 2730),
            ("Xã Nghĩa Phương", 28, 1645), ("Xã Nghĩa Mỹ", 33, 2209), ("Xã Nghĩa Thắng", 21, 984), ("Xã Nghĩa Sơn", 9, 212),
            ("Xã Nghĩa Thọ", 7, 158), ("Xã Nghĩa Lâm", 12, 347)),
        ["- Phòng Văn hóa và Thông tin phối hợp với UBND các xã, thị trấn kiểm tra định kỳ hằng tuần."],
        ["- Hai thị trấn La Hà và Sông Vệ có số lượt quét cao do tập trung chợ, trường học, cơ quan."],
        ["- Đề nghị hỗ trợ tập huấn cho cán bộ văn hóa - xã hội các xã miền núi Nghĩa Sơn, Nghĩa Thọ, Nghĩa Lâm."],
        new Layout
        {
            GapRows = 0,
            TotalLabel = "Tổng cộng",
            Headings =
            [
                "1. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI VÀ TUYÊN TRUYỀN",
                "2. KẾT QUẢ TẠO, QUẢN LÝ MÃ QR ĐỊA ĐIỂM VÀ QUÉT MÃ QR TẠI CÁC ĐỊA ĐIỂM",
                "3. CÔNG TÁC KIỂM TRA, GIÁM SÁT TRIỂN KHAI",
                "4. MỘT SỐ KẾT QUẢ TRIỂN KHAI, KINH NGHIỆM",
                "5. KIẾN NGHỊ, ĐỀ XUẤT",
            ],
        });

    private static ReportSpec DucPho() => new(
        "ducpho-2871.xlsx", "51.534", OutputFormat.Xlsx,
        "\"THỊ XÃ ĐỨC PHỔ\"; section-2 scans column before codes; appendix at column C; 8 phường + 7 xã + \"Tổng cộng\"; figures #,##0",
        LinearHeader("ỦY BAN NHÂN DÂN", "THỊ XÃ ĐỨC PHỔ", "Số: 2871/UBND-VHTT", "Đức Phổ, ngày 28 tháng 10 năm 2021", Theo("UBND thị xã Đức Phổ")),
        Signer("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Minh Thiện"),
        AppendixTitle,
        [
            new("Triển khai các giải pháp công nghệ phục vụ phòng, chống dịch Covid-19 trên địa bàn thị xã",
                T("1560/UBND-VHTT ngày 15/7/2021"), "UBND thị xã Đức Phổ", Lines("- Các phòng, ban, ngành;", "- UBND các phường, xã.")),
            new("Tạo mã QR địa điểm tại các cảng cá, chợ, bến xe trên địa bàn",
                T("2304/UBND-KT ngày 09/9/2021"), "UBND thị xã Đức Phổ",
                Lines("- Ban Quản lý cảng cá Mỹ Á;", "- Ban Quản lý chợ Đức Phổ;", "- UBND các phường, xã ven biển.")),
            new("Tuyên truyền quét mã QR trên hệ thống loa truyền thanh cơ sở",
                D(2021, 10, 18), "Trung tâm Văn hóa - Thông tin - Thể thao thị xã", "Nhân dân trên địa bàn thị xã"),
            new("Quản lý người từ vùng dịch về địa phương qua khai báo y tế điện tử và quét mã QR tại chốt kiểm soát",
                T("2650/UBND-VX ngày 11/10/2021"), "UBND thị xã Đức Phổ", "UBND các phường, xã; Trạm Y tế các phường, xã"),
        ],
        ThousandRows(
            ("Phường Nguyễn Nghiêm", 164, 21450), ("Phường Phổ Hòa", 58, 4870), ("Phường Phổ Minh", 49, 3615), ("Phường Phổ Ninh", 61, 5284),
            ("Phường Phổ Quang", 44, 3102), ("Phường Phổ Thạnh", 72, 6930), ("Phường Phổ Văn", 39, 2547), ("Phường Phổ Vinh", 35, 2218),
            ("Xã Phổ An", 31, 1896), ("Xã Phổ Phong", 46, 3340), ("Xã Phổ Thuận", 28, 1507), ("Xã Phổ Nhơn", 19, 942),
            ("Xã Phổ Cường", 33, 2076), ("Xã Phổ Khánh", 40, 2861), ("Xã Phổ Châu", 24, 1310)),
        ["- Tổ công tác của thị xã kiểm tra đột xuất tại chợ Đức Phổ, cảng cá Mỹ Á, bến xe thị xã."],
        ["- Phường Nguyễn Nghiêm và Phổ Thạnh có lượng giao thương lớn nên số lượt quét cao."],
        [NoneLine],
        new Layout { AppendixCol = 3, S2Order = [0, 1, 3, 2, 4], TotalLabel = "Tổng cộng", TotalStyle = QtyStyle.Thousands });

    private static ReportSpec LySon() => new(
        "lyson-1127.csv", "51.536", OutputFormat.CsvSemicolon,
        "CSV UTF-8 with BOM, ';'-delimited as Excel writes with Vietnamese regional settings (thousands \"12.480\"); rows by kind of place, not commune; \"Tổng cộng\"",
        LinearHeader("ỦY BAN NHÂN DÂN", "HUYỆN LÝ SƠN", "Số: 1127/UBND-VHTT", "Lý Sơn, ngày 29 tháng 10 năm 2021", Theo("UBND huyện Lý Sơn")),
        Signer("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Phạm Thị Hương"),
        AppendixTitle,
        [
            new("Quét mã QR đối với hành khách đi tàu ra, vào đảo Lý Sơn",
                T("842/UBND-VHTT ngày 06/9/2021"), "UBND huyện Lý Sơn",
                Lines("- Cảng Lý Sơn;", "- Các doanh nghiệp vận tải hành khách tuyến Sa Kỳ - Lý Sơn;", "- Đồn Biên phòng Lý Sơn.")),
            new("Tạo mã QR tại các cơ sở lưu trú, nhà hàng, điểm du lịch khi đón khách trở lại",
                T("1015/UBND-VHTT ngày 14/10/2021"), "UBND huyện Lý Sơn", "Các cơ sở kinh doanh du lịch trên địa bàn huyện"),
        ],
        ThousandRows(
            ("Cơ quan, đơn vị hành chính, sự nghiệp huyện", 26, 3412), ("Trường học", 9, 4870), ("Trung tâm Y tế quân dân y huyện", 2, 2965),
            ("Cảng Lý Sơn, bến tàu khách", 4, 12480), ("Cơ sở lưu trú, homestay", 61, 5238), ("Nhà hàng, quán ăn, cà phê", 87, 7214),
            ("Chợ, cửa hàng, siêu thị mini", 43, 6105), ("Điểm du lịch, di tích", 14, 9342)),
        ["- Tổ kiểm tra liên ngành kiểm tra việc quét mã QR tại cảng và các điểm du lịch vào cuối tuần."],
        ["- Quét mã QR tại cảng giúp quản lý chặt chẽ hành khách ra, vào đảo."],
        ["- Đề nghị hỗ trợ nâng cấp đường truyền Internet tại cảng Lý Sơn vào giờ cao điểm."],
        new Layout { TotalLabel = "Tổng cộng", TotalStyle = QtyStyle.Thousands });

    private static ReportSpec QuangNgaiCity() => new(
        "tpquangngai-5236.xlsx", "51.522", OutputFormat.Xlsx,
        "\"THÀNH PHỐ QUẢNG NGÃI\"; appendix at D22 with an empty column after STT; section-2 headers with odd spacing/case/punctuation; 9 phường + 14 xã + \"Tổng cộng\"",
        TwoColumnHeader("ỦY BAN NHÂN DÂN", "THÀNH PHỐ QUẢNG NGÃI", "Số: 5236/UBND-VHTT", "Quảng Ngãi, ngày 29 tháng 10 năm 2021", Theo("UBND thành phố Quảng Ngãi"), rightCol: 4),
        Signer("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Đỗ Tuấn Anh"),
        [Std.PhuLuc, Std.Title, "(Kèm theo Công văn số 5236/UBND-VHTT ngày 29/10/2021 của UBND thành phố Quảng Ngãi)"],
        [
            new("Triển khai quét mã QR tại các địa điểm trên địa bàn thành phố",
                T("3120/UBND-VHTT ngày 23/8/2021"), "UBND thành phố Quảng Ngãi", Lines("- Các phòng, ban, đơn vị thuộc thành phố;", "- UBND các phường, xã.")),
            new("Yêu cầu các cơ sở kinh doanh dịch vụ ăn uống tạo mã QR và quét mã đối với khách",
                T("3688/UBND-KT ngày 27/9/2021"), "UBND thành phố Quảng Ngãi", "Các cơ sở kinh doanh dịch vụ ăn uống"),
            new("Tuyên truyền cài đặt PC-Covid trên Đài Truyền thanh thành phố và mạng xã hội",
                D(2021, 10, 4), "Trung tâm Văn hóa - Thông tin - Thể thao thành phố", "Nhân dân trên địa bàn thành phố"),
            new("Kiểm tra việc niêm yết mã QR tại chợ Quảng Ngãi, chợ Chợ Mới và các siêu thị",
                T("4015/UBND-KT ngày 14/10/2021"), "UBND thành phố Quảng Ngãi", Lines("- Ban Quản lý các chợ;", "- Các siêu thị trên địa bàn.")),
            new("Triển khai thẻ QR cá nhân cho người không có điện thoại thông minh",
                T("4480/UBND-VHTT ngày 22/10/2021"), "UBND thành phố Quảng Ngãi", Lines("- UBND các phường, xã;", "- Người cao tuổi, học sinh.")),
        ],
        ThousandRows(
            ("Phường Lê Hồng Phong", 312, 38640), ("Phường Trần Phú", 286, 35210), ("Phường Quảng Phú", 174, 16385),
            ("Phường Nghĩa Chánh", 241, 27960), ("Phường Trần Hưng Đạo", 268, 31475), ("Phường Nghĩa Lộ", 195, 18720),
            ("Phường Chánh Lộ", 226, 22308), ("Phường Nguyễn Nghiêm", 258, 29864), ("Phường Trương Quang Trọng", 137, 12046),
            ("Xã Tịnh Ấn Tây", 48, 3927), ("Xã Tịnh Ấn Đông", 56, 4518), ("Xã Tịnh An", 61, 5102), ("Xã Tịnh Châu", 34, 2415),
            ("Xã Tịnh Thiện", 29, 1886), ("Xã Tịnh Khê", 73, 8236), ("Xã Tịnh Long", 42, 3154), ("Xã Tịnh Hòa", 45, 3560),
            ("Xã Tịnh Kỳ", 38, 2971), ("Xã Nghĩa Dõng", 52, 4203), ("Xã Nghĩa Dũng", 47, 3688), ("Xã Nghĩa Hà", 58, 4925),
            ("Xã Nghĩa Phú", 39, 2804), ("Xã Nghĩa An", 33, 2167)),
        [
            "- Phòng Văn hóa và Thông tin phối hợp Công an thành phố kiểm tra 126 lượt cơ sở kinh doanh.",
            "- Nhắc nhở 17 cơ sở chưa niêm yết mã QR, đến nay đã khắc phục.",
        ],
        [
            "- Các phường trung tâm có số lượt quét mã QR cao; các xã phía Bắc sông Trà Khúc còn thấp.",
            "- Kinh nghiệm: gắn trách nhiệm của chủ cơ sở kinh doanh trong việc yêu cầu khách quét mã QR.",
        ],
        [NoneLine],
        new Layout
        {
            AppendixRow = 22,
            AppendixCol = 4,
            BlankColumnAfter = 0,
            MergeTitle = true,
            S2Headers = ["tt", "Đối tượng  thống kê", "Tổng số mã QR địa điểm đã tạo và quản lý.", "TỔNG SỐ LƯỢT QUÉT MÃ QR CỦA CÁC ĐỊA ĐIỂM", " Ghi chú "],
            TotalLabel = "Tổng cộng",
            TotalStyle = QtyStyle.Thousands,
        });

    private static ReportSpec SonTinh() => new(
        "sontinh-1983.csv", "51.527", OutputFormat.Csv,
        "CSV UTF-8 with BOM, comma; signer after section 5; scans typed as text \"5,874\" (quoted in the CSV); 11 xã + \"Tổng cộng\"",
        LinearHeader("ỦY BAN NHÂN DÂN", "HUYỆN SƠN TỊNH", "Số: 1983/UBND-VP", "Sơn Tịnh, ngày 28 tháng 10 năm 2021", Theo("UBND huyện Sơn Tịnh")),
        Signer("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Thanh Bình"),
        AppendixTitle,
        [
            new("Triển khai tạo, quản lý mã QR địa điểm và quét mã QR trên địa bàn huyện",
                T("1544/UBND-VP ngày 10/9/2021"), "UBND huyện Sơn Tịnh", Lines("- Các cơ quan, đơn vị;", "- UBND các xã.")),
            new("Tuyên truyền, vận động người dân cài đặt PC-Covid",
                T("1702/UBND-VHTT ngày 01/10/2021"), "UBND huyện Sơn Tịnh", "Nhân dân trên địa bàn huyện"),
            new("Hướng dẫn các doanh nghiệp trong Khu công nghiệp VSIP Quảng Ngãi và cụm công nghiệp quét mã QR đối với người lao động",
                T("1850/UBND-KT ngày 19/10/2021"), "UBND huyện Sơn Tịnh", "Các doanh nghiệp, người lao động"),
        ],
        [.. new (string Name, long Codes, long Scans)[]
        {
            ("Xã Tịnh Hà", 68, 5874), ("Xã Tịnh Sơn", 41, 3026), ("Xã Tịnh Phong", 87, 9315), ("Xã Tịnh Thọ", 36, 2184),
            ("Xã Tịnh Trà", 22, 1047), ("Xã Tịnh Bình", 39, 2651), ("Xã Tịnh Đông", 27, 1392), ("Xã Tịnh Giang", 31, 1806),
            ("Xã Tịnh Minh", 18, 734), ("Xã Tịnh Hiệp", 44, 3118), ("Xã Tịnh Bắc", 35, 2267),
        }.Select(r => new QrRow(r.Name, r.Codes, new Qty(r.Scans, QtyStyle.TextCommas)))],
        ["- UBND các xã tự kiểm tra, báo cáo UBND huyện hằng tuần."],
        ["- Xã Tịnh Phong có Khu công nghiệp VSIP nên số địa điểm và lượt quét cao nhất huyện."],
        [NoneLine],
        new Layout { SignerAtBottom = true, TotalLabel = "Tổng cộng", TotalStyle = QtyStyle.TextCommas });
}
