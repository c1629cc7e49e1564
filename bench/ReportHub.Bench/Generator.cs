using System.Globalization;
using System.IO.Compression;
using ClosedXML.Excel;

namespace ReportHub.Bench;

/// <summary>
/// 31 synthetic appendix reports (one per unit), each with a letterhead, a 3-row directive table,
/// ~2,000 commune-style section-2 rows plus a total row, narrative sections 3–5 and a signer. Seeded per unit.
/// </summary>
internal static class Generator
{
    public const int Units = 31;
    public const int QrRowsPerFile = 2000;

    private static readonly string[] UnitNames =
    [
        "Bình Sơn", "Sơn Tịnh", "Tư Nghĩa", "Nghĩa Hành", "Mộ Đức", "Đức Phổ", "Ba Tơ", "Minh Long", "Sơn Hà", "Sơn Tây",
        "Trà Bồng", "Lý Sơn", "Quảng Ngãi", "Điện Bàn", "Duy Xuyên", "Thăng Bình", "Quế Sơn", "Núi Thành", "Phú Ninh", "Tiên Phước",
        "Hiệp Đức", "Nông Sơn", "Đại Lộc", "Hội An", "Tam Kỳ", "An Nhơn", "Hoài Nhơn", "Phù Cát", "Phù Mỹ", "Tây Sơn", "Vân Canh",
    ];

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
        "", "", "", "", "", "", "Đã niêm yết mã QR", "Chưa có thiết bị quét", "Mới tạo trong tháng 10", "Tạm dừng hoạt động",
    ];

    public static string FileName(int unit) => string.Create(CultureInfo.InvariantCulture, $"report-{unit + 1:00}.xlsx");

    public static void Run(string dir)
    {
        Directory.CreateDirectory(dir);
        long totalBytes = 0;
        var sw = System.Diagnostics.Stopwatch.StartNew();
        for (var u = 0; u < Units; u++)
        {
            var path = Path.Combine(dir, FileName(u));
            var bytes = Build(u);
            File.WriteAllBytes(path, bytes);
            totalBytes += bytes.Length;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {Units} files to {dir}: {totalBytes / 1048576.0:0.00} MB in {sw.Elapsed.TotalSeconds:0.0} s"));
    }

    public static byte[] Build(int unit)
    {
        var rng = new Random(1000 + unit);
        var name = UnitNames[unit];
        var number = 1000 + (unit * 37 % 900);
        using var wb = new XLWorkbook();
        wb.Properties.Author = "ReportHub.Bench";
        wb.Properties.Created = new DateTime(2021, 10, 28, 8, 0, 0, DateTimeKind.Unspecified);
        wb.Properties.Modified = wb.Properties.Created;
        var ws = wb.Worksheets.Add("Báo cáo");
        var row = 1;

        void Put(int r, int c, string text, bool bold = false)
        {
            var cell = ws.Cell(r, c);
            cell.Value = text;
            cell.DataType = XLDataType.Text;
            if (bold)
            {
                cell.Style.Font.Bold = true;
            }
        }

        // Letterhead, as printed: issuing body left, motto right.
        Put(row, 1, "ỦY BAN NHÂN DÂN", true); Put(row++, 4, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true);
        Put(row, 1, "HUYỆN " + name.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), true); Put(row++, 4, "Độc lập - Tự do - Hạnh phúc", true);
        row++;
        Put(row, 1, $"Số: {number}/UBND-VP"); Put(row++, 4, $"{name}, ngày 28 tháng 10 năm 2021");
        Put(row++, 1, "V/v báo cáo tình hình triển khai ứng dụng các giải pháp công nghệ trong phòng, chống dịch Covid-19");
        row++;
        Put(row++, 1, "Kính gửi: Sở Thông tin và Truyền thông tỉnh Quảng Ngãi");
        row++;
        Put(row++, 1, $"Theo Công văn số 1406/STTTT-BCVT&CNTT ngày 26/10/2021 của Sở Thông tin và Truyền thông về việc báo cáo tình hình triển khai ứng dụng các giải pháp công nghệ trong phòng, chống dịch Covid-19; UBND huyện {name} báo cáo kết quả triển khai theo Phụ lục đính kèm Công văn này.");
        Put(row++, 1, "Kính đề nghị Sở Thông tin và Truyền thông tổng hợp./.");
        row++;
        Put(row++, 1, "Nơi nhận:");
        Put(row++, 1, "- Như trên;");
        Put(row++, 1, "- Lưu: VT, VP.");
        row++;

        Put(row, 1, "PHỤ LỤC", true); ws.Range(row, 1, row, 5).Merge(); row++;
        Put(row, 1, "BIỂU MẪU BÁO CÁO TÌNH HÌNH TRIỂN KHAI TUYÊN TRUYỀN VÀ ỨNG DỤNG CÔNG NGHỆ TRONG PHÒNG, CHỐNG DỊCH COVID-19", true);
        ws.Range(row, 1, row, 5).Merge(); row++;
        row++;

        Put(row++, 1, "1. Công tác chỉ đạo, triển khai và tuyên truyền", true);
        string[] s1 = ["STT", "Nội dung thực hiện", "Số, ngày ban hành văn bản", "Đơn vị ban hành", "Đối tượng tiếp nhận thông tin"];
        for (var c = 0; c < 5; c++)
        {
            Put(row, c + 1, s1[c], true);
        }
        row++;
        string[] contents =
        [
            "Triển khai sử dụng các giải pháp công nghệ phục vụ công tác phòng, chống dịch Covid-19",
            "Tạo và quản lý mã QR địa điểm tại các cơ quan, trường học, doanh nghiệp, cửa hàng, chợ",
            "Tiếp tục đẩy mạnh triển khai ứng dụng các giải pháp công nghệ trong phòng, chống dịch Covid-19",
        ];
        for (var d = 0; d < 3; d++)
        {
            ws.Cell(row, 1).Value = d + 1;
            Put(row, 2, contents[d]);
            Put(row, 3, string.Create(CultureInfo.InvariantCulture, $"{number - 300 + d * 97}/UBND-VP ngày {7 + d * 5:00}/{7 + d}/2021"));
            Put(row, 4, $"UBND huyện {name}");
            Put(row, 5, "- Các cơ quan, ban, ngành trên địa bàn huyện;\n- UBND các xã, thị trấn.");
            ws.Cell(row, 5).Style.Alignment.WrapText = true;
            row++;
        }
        row++;

        Put(row++, 1, "2. Kết quả tạo, quản lý mã QR địa điểm và quét mã QR tại các địa điểm", true);
        string[] s2 = ["TT", "Đối tượng thống kê", "Tổng số mã QR địa điểm đã tạo và quản lý", "Tổng số lượt quét mã QR của các địa điểm", "Ghi chú"];
        for (var c = 0; c < 5; c++)
        {
            Put(row, c + 1, s2[c], true);
        }
        row++;
        long codes = 0, scans = 0;
        var firstData = row;
        for (var i = 0; i < QrRowsPerFile; i++)
        {
            var commune = Communes[rng.Next(Communes.Length)];
            var place = Places[rng.Next(Places.Length)];
            var kind = rng.Next(10) < 2 ? "Thị trấn" : "Xã";
            var qr = rng.Next(1, 60);
            var sc = (long)qr * rng.Next(10, 400);
            codes += qr;
            scans += sc;
            ws.Cell(row, 1).Value = i + 1;
            Put(row, 2, string.Create(CultureInfo.InvariantCulture, $"{place} {kind.ToLowerInvariant()} {commune} (thôn {rng.Next(1, 12)})"));
            ws.Cell(row, 3).Value = qr;
            ws.Cell(row, 4).Value = sc;
            if (sc >= 1000)
            {
                ws.Cell(row, 4).Style.NumberFormat.Format = "#,##0";
            }
            var note = Notes[rng.Next(Notes.Length)];
            if (note.Length > 0)
            {
                Put(row, 5, note);
            }
            row++;
        }
        Put(row, 2, "Tổng cộng", true);
        ws.Cell(row, 3).Value = codes;
        ws.Cell(row, 4).Value = scans;
        ws.Cell(row, 4).Style.NumberFormat.Format = "#,##0";
        ws.Range(firstData - 1, 1, row, 5).Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        ws.Range(firstData - 1, 1, row, 5).Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        row += 2;

        Put(row++, 1, "3. Công tác kiểm tra, giám sát triển khai", true);
        Put(row++, 1, "- Phòng Văn hóa và Thông tin phối hợp Công an huyện kiểm tra việc quét mã QR tại các địa điểm công cộng.");
        row++;
        Put(row++, 1, "4. Một số kết quả triển khai, kinh nghiệm.", true);
        Put(row++, 1, "- Huy động Đoàn Thanh niên hỗ trợ người dân cài đặt PC-Covid tại nhà.");
        row++;
        Put(row++, 1, "5. Kiến nghị, đề xuất.", true);
        Put(row++, 1, "- Không có");
        row += 2;
        Put(row++, 4, "KT. CHỦ TỊCH", true);
        Put(row++, 4, "PHÓ CHỦ TỊCH", true);
        row += 2;
        Put(row, 4, "Nguyễn Văn " + name, true);

        double[] widths = [6, 48, 24, 24, 36];
        for (var c = 0; c < 5; c++)
        {
            ws.Column(c + 1).Width = widths[c];
        }

        using var raw = new MemoryStream();
        wb.SaveAs(raw);
        return Reproducible(raw.ToArray());
    }

    /// <summary>Re-zips with fixed timestamps so the same input gives the same bytes.</summary>
    private static byte[] Reproducible(byte[] zip)
    {
        using var input = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                var copy = archive.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = new DateTimeOffset(2021, 10, 28, 8, 0, 0, TimeSpan.Zero);
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }
        return output.ToArray();
    }
}
