using System.Globalization;

namespace ReportHub.Bench.Generation;

/// <summary>
/// A realistic covid-tech-2021 report for one unit: letterhead and request citation, the appendix title, a directive
/// table, the section-2 QR table with a total row, narrative sections 3–5 and a signer. The layout varies by seed
/// the way real senders vary it: the column it starts in, blank rows between parts, the order of the two figure
/// columns, headings in upper case, the total row's label (or none), thousands formats.
/// </summary>
internal static class AppendixBuilder
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    private static readonly string[] Communes =
    [
        "Bình Thạnh", "Bình Đông", "Bình Chánh", "Bình Nguyên", "Bình Khương", "Bình Trị", "Bình An", "Bình Hải", "Bình Dương",
        "Bình Phước", "Bình Hòa", "Bình Trung", "Bình Minh", "Bình Long", "Bình Thanh", "Bình Chương", "Bình Hiệp", "Bình Mỹ",
        "Nghĩa Kỳ", "Nghĩa Thuận", "Nghĩa Điền", "Nghĩa Thắng", "Nghĩa Lâm", "Đức Lân", "Đức Phong", "Phổ Hòa", "Phổ Cường",
        "Tịnh Hà", "Tịnh Sơn", "Tịnh Bắc", "Trà Phú", "Trà Bình", "Sơn Hạ", "Sơn Thành", "Ba Điền", "Ba Vinh", "Long Hiệp",
    ];

    private static readonly string[] Places =
    [
        "Chợ", "Trường Tiểu học", "Trường THCS", "Trạm Y tế", "Nhà văn hóa thôn", "Cửa hàng tạp hóa", "Quán ăn", "Bưu điện văn hóa",
        "Trụ sở UBND", "Cây xăng", "Nhà thờ", "Chùa", "Bến xe", "Siêu thị mini", "Ngân hàng", "Công ty TNHH",
    ];

    private static readonly string[] Notes =
    [
        "", "", "", "", "", "", "Đã niêm yết mã QR", "Chưa có thiết bị quét", "Mới tạo trong tháng", "Tạm dừng hoạt động",
    ];

    private static readonly string[] Contents =
    [
        "Triển khai sử dụng các giải pháp công nghệ phục vụ công tác phòng, chống dịch Covid-19",
        "Tạo và quản lý mã QR địa điểm tại các cơ quan, trường học, doanh nghiệp, cửa hàng, chợ",
        "Tiếp tục đẩy mạnh triển khai ứng dụng các giải pháp công nghệ trong phòng, chống dịch Covid-19",
        "Hướng dẫn cài đặt, sử dụng ứng dụng PC-Covid cho cán bộ, công chức và người dân",
        "Tuyên truyền khai báo y tế điện tử và quét mã QR khi ra vào địa điểm công cộng",
        "Kiểm tra việc niêm yết và quét mã QR tại các địa điểm kinh doanh",
    ];

    private static readonly string?[] TotalLabels = ["Tổng cộng", "Cộng", "Tổng", null];

    public static Appendix Build(BenchUnit unit, int index, int qrRows, RoundCitation round, int seed)
    {
        var rng = new Random(seed * 7919 + index);
        var offset = rng.Next(3);
        var gap = rng.Next(3);
        var swapFigures = rng.Next(4) == 0;
        var upperHeadings = rng.Next(4) == 0;
        var totalLabel = TotalLabels[rng.Next(TotalLabels.Length)];
        var thousands = rng.Next(2) == 0;
        var directives = 2 + rng.Next(5);
        const int width = 5;

        var rows = new List<object?[]>();
        var bold = new HashSet<(int, int)>();
        var thousandCells = new HashSet<(int, int)>();
        object?[] NewRow()
        {
            var r = new object?[offset + width];
            rows.Add(r);
            return r;
        }
        void Line(string text, bool strong = false, int col = 0)
        {
            var r = NewRow();
            r[offset + col] = text;
            if (strong)
            {
                bold.Add((rows.Count - 1, offset + col));
            }
        }
        void Gap()
        {
            for (var i = 0; i < gap; i++)
            {
                NewRow();
            }
        }
        string Heading(string text) => upperHeadings ? text.ToUpper(Vi) : text;

        var number = 1000 + (index * 37 % 900) + rng.Next(50);
        var date = round.RequestDate.AddDays(2 + rng.Next(3));
        var (body, symbol, place, signer) = Letterhead(unit);

        var top = NewRow();
        top[offset] = body.Line1;
        top[offset + 3] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
        var second = NewRow();
        second[offset] = body.Line2;
        second[offset + 3] = "Độc lập - Tự do - Hạnh phúc";
        bold.UnionWith([(0, offset), (0, offset + 3), (1, offset), (1, offset + 3)]);
        NewRow();
        var numberRow = NewRow();
        numberRow[offset] = string.Create(CultureInfo.InvariantCulture, $"Số: {number}/{symbol}");
        numberRow[offset + 3] = string.Create(CultureInfo.InvariantCulture, $"{place}, ngày {date.Day:00} tháng {date.Month:00} năm {date.Year}");
        Line("V/v báo cáo tình hình triển khai ứng dụng các giải pháp công nghệ trong phòng, chống dịch Covid-19");
        Gap();
        Line("Kính gửi: Sở Thông tin và Truyền thông tỉnh Quảng Ngãi");
        Gap();
        Line(string.Create(CultureInfo.InvariantCulture,
            $"Thực hiện Công văn số {round.RequestDocument} ngày {round.RequestDate:dd/MM/yyyy} của Sở Thông tin và Truyền thông về việc báo cáo tình hình triển khai ứng dụng các giải pháp công nghệ trong phòng, chống dịch Covid-19; {unit.Aliases.FirstOrDefault() ?? unit.Name} báo cáo kết quả triển khai theo Phụ lục đính kèm."));
        Line("Kính đề nghị Sở Thông tin và Truyền thông tổng hợp./.");
        Gap();
        Line("Nơi nhận:");
        Line("- Như trên;");
        Line("- Lưu: VT.");
        Gap();

        Line("PHỤ LỤC", true);
        Line("BIỂU MẪU BÁO CÁO TÌNH HÌNH TRIỂN KHAI TUYÊN TRUYỀN VÀ ỨNG DỤNG CÔNG NGHỆ TRONG PHÒNG, CHỐNG DỊCH COVID-19", true);
        Gap();

        Line(Heading("1. Công tác chỉ đạo, triển khai và tuyên truyền"), true);
        var h1 = NewRow();
        string[] s1 = ["STT", "Nội dung thực hiện", "Số, ngày ban hành văn bản", "Đơn vị ban hành", "Đối tượng tiếp nhận thông tin"];
        for (var c = 0; c < width; c++)
        {
            h1[offset + c] = s1[c];
            bold.Add((rows.Count - 1, offset + c));
        }
        for (var d = 0; d < directives; d++)
        {
            var r = NewRow();
            var issued = round.RequestDate.AddDays(-60 + d * 9);
            r[offset] = (long)(d + 1);
            r[offset + 1] = Contents[(d + index) % Contents.Length];
            r[offset + 2] = string.Create(CultureInfo.InvariantCulture, $"{number - 300 + d * 97}/{symbol} ngày {issued:dd/MM/yyyy}");
            r[offset + 3] = unit.Aliases.FirstOrDefault() ?? unit.Name;
            r[offset + 4] = "- Các cơ quan, đơn vị trực thuộc;\n- UBND các xã, phường, thị trấn.";
        }
        Gap();
        if (gap == 0)
        {
            NewRow();
        }

        Line(Heading("2. Kết quả tạo, quản lý mã QR địa điểm và quét mã QR tại các địa điểm"), true);
        var codesCol = offset + (swapFigures ? 3 : 2);
        var scansCol = offset + (swapFigures ? 2 : 3);
        var h2 = NewRow();
        h2[offset] = "TT";
        h2[offset + 1] = "Đối tượng thống kê";
        h2[codesCol] = "Tổng số mã QR địa điểm đã tạo và quản lý";
        h2[scansCol] = "Tổng số lượt quét mã QR của các địa điểm";
        h2[offset + 4] = "Ghi chú";
        for (var c = 0; c < width; c++)
        {
            bold.Add((rows.Count - 1, offset + c));
        }
        long codes = 0, scans = 0;
        for (var i = 0; i < qrRows; i++)
        {
            var r = NewRow();
            var qr = (long)rng.Next(1, 60);
            var sc = qr * rng.Next(10, 400);
            codes += qr;
            scans += sc;
            r[offset] = (long)(i + 1);
            r[offset + 1] = string.Create(CultureInfo.InvariantCulture,
                $"{Places[rng.Next(Places.Length)]} {(rng.Next(10) < 2 ? "thị trấn" : "xã")} {Communes[rng.Next(Communes.Length)]} (thôn {rng.Next(1, 12)}, điểm {i + 1})");
            r[codesCol] = qr;
            r[scansCol] = sc;
            if (thousands && sc >= 1000)
            {
                thousandCells.Add((rows.Count - 1, scansCol));
            }
            var note = Notes[rng.Next(Notes.Length)];
            if (note.Length > 0)
            {
                r[offset + 4] = note;
            }
        }
        if (totalLabel is not null)
        {
            var t = NewRow();
            t[offset + 1] = totalLabel;
            t[codesCol] = codes;
            t[scansCol] = scans;
            bold.Add((rows.Count - 1, offset + 1));
            if (thousands)
            {
                thousandCells.Add((rows.Count - 1, scansCol));
            }
        }
        NewRow();

        Line(Heading("3. Công tác kiểm tra, giám sát triển khai"), true);
        Line("- Phối hợp kiểm tra việc quét mã QR tại các địa điểm công cộng.");
        Gap();
        Line(Heading("4. Một số kết quả triển khai, kinh nghiệm."), true);
        Line("- Huy động Đoàn Thanh niên hỗ trợ người dân cài đặt PC-Covid.");
        Gap();
        Line(Heading("5. Kiến nghị, đề xuất."), true);
        Line("- Không có");
        NewRow();
        Line(signer.Title, true, 3);
        NewRow();
        Line(signer.Name, true, 3);

        var layout = string.Create(CultureInfo.InvariantCulture,
            $"col+{offset} gap{gap}{(swapFigures ? " scans-first" : "")}{(upperHeadings ? " UPPER" : "")} total={totalLabel ?? "none"}{(thousands ? " #,##0" : "")}");
        return new Appendix
        {
            Unit = unit.Code,
            Rows = rows,
            Bold = bold,
            Thousands = thousandCells,
            Width = offset + width,
            Directives = directives,
            QrCodes = codes,
            QrScans = scans,
            Layout = layout,
        };
    }

    /// <summary>The issuing body's two header lines, the document symbol, the place of issue and the signer.</summary>
    private static ((string Line1, string Line2) Body, string Symbol, string Place, (string Title, string Name) Signer) Letterhead(BenchUnit unit)
    {
        if (unit.Type == "district")
        {
            var place = unit.Name.Replace("Huyện ", "", StringComparison.Ordinal).Replace("Thành phố ", "", StringComparison.Ordinal)
                .Replace("Thị xã ", "", StringComparison.Ordinal);
            return (("ỦY BAN NHÂN DÂN", unit.Name.ToUpper(Vi)), "UBND-VP", place, ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "Nguyễn Văn An"));
        }
        var shortName = unit.Aliases.FirstOrDefault() ?? unit.Name;
        var abbreviation = unit.Code[(unit.Code.IndexOf('.', StringComparison.Ordinal) + 1)..];
        return (("UBND TỈNH QUẢNG NGÃI", shortName.ToUpper(Vi)), abbreviation + "-VP", "Quảng Ngãi", ("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", "Trần Thị Bình"));
    }
}
