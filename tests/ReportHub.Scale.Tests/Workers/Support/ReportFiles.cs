using System.Globalization;
using ClosedXML.Excel;

namespace ReportHub.Scale.Tests.Workers.Support;

/// <summary>A generated unit report and the figures it holds.</summary>
public sealed record GeneratedReport(string Unit, string FileName, byte[] Content, int Directives, long QrCodes, long QrScans);

/// <summary>Writes department and district reports in the seed's layout (header lines, sections 1–5) with ClosedXML.</summary>
public static class ReportFiles
{
    public const string Round = "2021-10";

    /// <summary>The units round 2021-10 expects: departments and districts of 51 in force on its request date.</summary>
    public static IReadOnlyList<(string Code, string Name)> ExpectedUnits()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Samples, "reference", "units.csv")).Skip(1);
        var day = new DateOnly(2021, 10, 26);
        var result = new List<(string, string)>();
        foreach (var line in lines)
        {
            var f = Csv(line);
            if (f.Count < 7 || f[2] is not ("department" or "district") || f[3] != "51")
            {
                continue;
            }
            var from = string.IsNullOrEmpty(f[5]) ? DateOnly.MinValue : DateOnly.Parse(f[5], CultureInfo.InvariantCulture);
            var to = string.IsNullOrEmpty(f[6]) ? DateOnly.MaxValue : DateOnly.Parse(f[6], CultureInfo.InvariantCulture);
            if (from <= day && day <= to)
            {
                result.Add((f[0], f[1]));
            }
        }
        return result;
    }

    public static GeneratedReport Write(string unit, string unitName, int qrRows, int directives, int seed)
    {
        var random = new Random(seed);
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Báo cáo");
        var row = 1;
        void Line(params object?[] cells)
        {
            for (var i = 0; i < cells.Length; i++)
            {
                switch (cells[i])
                {
                    case null:
                        break;
                    case string s:
                        sheet.Cell(row, i + 1).SetValue(s);
                        break;
                    case long l:
                        sheet.Cell(row, i + 1).SetValue(l);
                        break;
                    case int n:
                        sheet.Cell(row, i + 1).SetValue(n);
                        break;
                }
            }
            row++;
        }
        var shortName = unitName.Replace(" tỉnh Quảng Ngãi", "", StringComparison.Ordinal);
        Line("UBND TỈNH QUẢNG NGÃI");
        Line(shortName.ToUpper(CultureInfo.GetCultureInfo("vi-VN")));
        Line("Mã đơn vị:", unit);
        Line("Theo Công văn số 1406/STTTT-BCVT&CNTT ngày 26/10/2021 của Sở Thông tin và Truyền thông");
        row++;
        Line("PHỤ LỤC");
        Line("1. Công tác chỉ đạo, triển khai và tuyên truyền");
        Line("STT", "Nội dung thực hiện", "Số, ngày ban hành văn bản", "Đơn vị ban hành", "Đối tượng tiếp nhận thông tin");
        for (var d = 1; d <= directives; d++)
        {
            Line(d, $"Triển khai các giải pháp công nghệ phòng, chống dịch Covid-19, đợt {d}", $"{100 + d}/VP ngày 0{1 + d % 9}/09/2021", shortName, "- Cán bộ, công chức");
        }
        Line("2. Kết quả tạo, quản lý mã QR địa điểm và quét mã QR tại các địa điểm");
        Line("TT", "Đối tượng thống kê", "Tổng số mã QR địa điểm đã tạo và quản lý", "Tổng số lượt quét mã QR của các địa điểm", "Ghi chú");
        long codes = 0, scans = 0;
        for (var q = 1; q <= qrRows; q++)
        {
            long c = random.Next(1, 40);
            long s = random.Next(0, 5000);
            codes += c;
            scans += s;
            Line(q, $"Điểm {q} thuộc {shortName}", c, s);
        }
        Line("3. Công tác kiểm tra, giám sát triển khai");
        Line("- Thường xuyên kiểm tra việc quét mã QR.");
        Line("4. Một số kết quả triển khai, kinh nghiệm");
        Line("- Không có");
        Line("5. Kiến nghị, đề xuất");
        Line("- Không có");
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        var name = unit.Replace('.', '-') + ".xlsx";
        return new GeneratedReport(unit, name, stream.ToArray(), directives, codes, scans);
    }

    /// <summary>Writes a file so that the inbox never sees it half-written: a hidden temp name, then a rename.</summary>
    public static void Drop(string folder, string name, byte[] content)
    {
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, "." + name + ".tmp");
        File.WriteAllBytes(temp, content);
        File.Move(temp, Path.Combine(folder, name));
    }

    private static List<string> Csv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var ch in line)
        {
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (ch == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(ch);
            }
        }
        fields.Add(current.ToString());
        return fields;
    }
}
