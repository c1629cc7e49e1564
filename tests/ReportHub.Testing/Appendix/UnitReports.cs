namespace ReportHub.Testing.Appendix;

/// <summary>
/// Reports of units other than seed 004's, each answering the same request (round 2021-10), with the letterhead,
/// document symbol, directives and places their offices would write. Names and figures are invented but plausible.
/// </summary>
public static class UnitReports
{
    /// <summary>Huyện Sơn Tịnh (51.527): "ỦY BAN NHÂN DÂN" over "HUYỆN SƠN TỊNH", communes and a total row.</summary>
    public static Report SonTinh() => new()
    {
        IssuingBody = ["ỦY BAN NHÂN DÂN", "HUYỆN SƠN TỊNH"],
        NumberLine = "Số: 1983/UBND-VP",
        PlaceDateLine = "Sơn Tịnh, ngày 28 tháng 10 năm 2021",
        Directives =
        [
            new("Triển khai tạo, quản lý mã QR địa điểm và quét mã QR trên địa bàn huyện", "1544/UBND-VP ngày 10/9/2021", "UBND huyện Sơn Tịnh", "- Các cơ quan, đơn vị;\n- UBND các xã."),
            new("Tuyên truyền, vận động người dân cài đặt PC-Covid", "1702/UBND-VHTT ngày 01/10/2021", "UBND huyện Sơn Tịnh", "Nhân dân trên địa bàn huyện"),
        ],
        QrRows = [new("Xã Tịnh Hà", 68L, "5.874"), new("Xã Tịnh Sơn", 41L, "3.026"), new("Xã Tịnh Phong", 87L, "9.315"), new("Xã Tịnh Bắc", 35L, "2.267")],
        TotalRow = new("Tổng cộng", 231L, "20.482"),
    };

    /// <summary>Sở Y tế (51.SYT): hospitals and centres, a total row, scans past a thousand.</summary>
    public static Report Health() => new()
    {
        IssuingBody = ["UBND TỈNH QUẢNG NGÃI", "SỞ Y TẾ"],
        NumberLine = "Số: 3254/SYT-NVY",
        PlaceDateLine = "Quảng Ngãi, ngày 28 tháng 10 năm 2021",
        Directives =
        [
            new("Về việc triển khai quét mã QR tại các cơ sở khám bệnh, chữa bệnh", "2871/SYT-NVY ngày 15/9/2021", "Sở Y tế tỉnh Quảng Ngãi", "- Các bệnh viện tuyến tỉnh;\n- Trung tâm Y tế các huyện, thị xã, thành phố."),
            new("Hướng dẫn khai báo y tế điện tử đối với người đến khám bệnh", "3012/SYT-NVY ngày 04/10/2021", "Sở Y tế tỉnh Quảng Ngãi", "Các cơ sở khám bệnh, chữa bệnh"),
        ],
        QrRows =
        [
            new("Bệnh viện Đa khoa tỉnh", 3L, "18.204"),
            new("Bệnh viện Sản - Nhi tỉnh", 2L, "9.118", "Quét tại cổng chính và khoa khám bệnh"),
            new("Trung tâm Kiểm soát bệnh tật tỉnh", 1L, 733L),
        ],
        TotalRow = new("Tổng cộng", 6L, "28.055"),
    };

    /// <summary>Sở Tài chính (51.STC), typed by someone who writes the letterhead in normal case.</summary>
    public static Report Finance() => new()
    {
        IssuingBody = ["Ủy ban nhân dân tỉnh Quảng Ngãi", "Sở Tài chính"],
        NumberLine = "Số: 3120/STC-VP",
        PlaceDateLine = "Quảng Ngãi, ngày 27 tháng 10 năm 2021",
        Directives =
        [
            new("Triển khai, sử dụng ứng dụng PC-Covid, quét mã QR khi ra vào trụ sở, \"khai báo y tế\" hằng ngày", "2950/STC-VP ngày 20/9/2021", "Sở Tài chính tỉnh Quảng Ngãi", "- Các phòng thuộc Sở;\n- Công chức, viên chức, người lao động."),
        ],
        QrRows = [new("Trụ sở Sở Tài chính", 1L, "1.054")],
    };

    /// <summary>Sở Khoa học và Công nghệ (51.SKHCN): the department's name wraps onto a second line after "VÀ".</summary>
    public static Report Science() => new()
    {
        IssuingBody = ["UBND TỈNH QUẢNG NGÃI", "SỞ KHOA HỌC VÀ", "CÔNG NGHỆ"],
        NumberLine = "Số: 1187/SKHCN-VP",
        PlaceDateLine = "Quảng Ngãi, ngày 28 tháng 10 năm 2021",
        Directives =
        [
            new("Triển khai ứng dụng công nghệ thông tin trong phòng, chống dịch Covid-19", "1021/SKHCN-VP ngày 06/9/2021", "Sở Khoa học và Công nghệ", "Các phòng, đơn vị trực thuộc Sở"),
            new("Hướng dẫn tạo mã QR địa điểm tại trụ sở và các đơn vị sự nghiệp", "1102/SKHCN-QLCN ngày 24/9/2021", "Sở Khoa học và Công nghệ", "- Trung tâm Ứng dụng và Dịch vụ KH&CN;\n- Chi cục Tiêu chuẩn Đo lường Chất lượng."),
        ],
        QrRows = [new("Trụ sở Sở Khoa học và Công nghệ", 1L, 412L), new("Chi cục Tiêu chuẩn Đo lường Chất lượng", 2L, "1.523")],
    };

    /// <summary>Sở Giáo dục và Đào tạo (51.SGDDT): the name wraps after "VÀ", schools counted.</summary>
    public static Report Education() => new()
    {
        IssuingBody = ["UBND TỈNH QUẢNG NGÃI", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"],
        NumberLine = "Số: 2031/SGDĐT-VP",
        PlaceDateLine = "Quảng Ngãi, ngày 28 tháng 10 năm 2021",
        Directives =
        [
            new("Triển khai quét mã QR tại các cơ sở giáo dục khi học sinh đi học trực tiếp", "1877/SGDĐT-VP ngày 05/10/2021", "Sở Giáo dục và Đào tạo", "- Các trường THPT;\n- Phòng GD&ĐT các huyện, thị xã, thành phố."),
        ],
        QrRows = [new("Các trường THPT", 38L, "61.220"), new("Trung tâm GDNN-GDTX", 7L, "12.329")],
    };

    /// <summary>Sở Tư pháp (51.STP).</summary>
    public static Report Justice() => new()
    {
        IssuingBody = ["UBND TỈNH QUẢNG NGÃI", "SỞ TƯ PHÁP"],
        NumberLine = "Số: 1422/STP-VP",
        PlaceDateLine = "Quảng Ngãi, ngày 27 tháng 10 năm 2021",
        Directives =
        [
            new("Triển khai quét mã QR tại Bộ phận tiếp nhận và trả kết quả", "1301/STP-VP ngày 01/10/2021", "Sở Tư pháp tỉnh Quảng Ngãi", "Công chức, viên chức, người lao động thuộc Sở"),
        ],
        QrRows = [new("Trụ sở Sở Tư pháp", 1L, 876L), new("Trung tâm Dịch vụ đấu giá tài sản", 1L, 129L)],
    };

    /// <summary>The provincial People's Committee itself (51): "UBND TỈNH QUẢNG NGÃI" alone is the issuer.</summary>
    public static Report Province() => new()
    {
        IssuingBody = ["UBND TỈNH QUẢNG NGÃI"],
        NumberLine = "Số: 5120/UBND-KGVX",
        PlaceDateLine = "Quảng Ngãi, ngày 29 tháng 10 năm 2021",
        Directives =
        [
            new("Về việc đẩy mạnh ứng dụng công nghệ thông tin phục vụ phòng, chống dịch Covid-19", "4376/UBND-KGVX ngày 08/9/2021", "UBND tỉnh Quảng Ngãi", "- Các sở, ban, ngành tỉnh;\n- UBND các huyện, thị xã, thành phố."),
        ],
        QrRows = [new("Trụ sở UBND tỉnh", 2L, "3.410"), new("Trung tâm Phục vụ hành chính công tỉnh", 1L, "7.902")],
    };

    /// <summary>Bình Sơn (51.524) with its letterhead typed on one line, as many district clerks shorten it.</summary>
    public static Report BinhSonOneLine()
    {
        var report = Report.District();
        report.IssuingBody = ["UBND HUYỆN BÌNH SƠN"];
        return report;
    }
}
