using ReportHub.Core.Domain;
using ReportHub.Core.Grid;
using ReportHub.Core.Parsing;
using ReportHub.Core.Templates;
using ReportHub.Pipeline.Reference;
using ReportHub.Integration.Tests.Support;

namespace ReportHub.Integration.Tests.Resolving;

/// <summary>
/// A letter's header laid into a grid (block down column A, motto beside it in column D) and read by the real
/// HeaderReader, so the Resolver sees what it sees for a real file. A block line is a string or (text, font).
/// </summary>
internal static class HeaderGrid
{
    public static IReadOnlyList<Unit> Registry { get; } =
        ReferenceLoader.ReadUnits(Path.Combine(RepoPaths.Samples, "reference", "units.csv"));

    public static ReportHeader Read(IReadOnlyList<object> block, string? numberLine = "Số: 12/BC",
        string place = "Quảng Ngãi", IReadOnlyList<string[]>? after = null)
    {
        var rows = new List<SheetRow>();
        void Row(params object?[] cells)
        {
            var index = rows.Count + 1;
            var values = new List<CellValue>();
            for (var c = 0; c < cells.Length; c++)
            {
                switch (cells[c])
                {
                    case string text:
                        values.Add(new CellValue(index, c + 1, CellKind.Text, text));
                        break;
                    case ValueTuple<string, string> legacy:
                        values.Add(new CellValue(index, c + 1, CellKind.Text, legacy.Item1, null, legacy.Item2));
                        break;
                }
            }
            rows.Add(new SheetRow(index, values));
        }

        for (var i = 0; i < Math.Max(block.Count, 2); i++)
        {
            Row(i < block.Count ? block[i] : null, null, null,
                i switch { 0 => "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 1 => "Độc lập – Tự do – Hạnh phúc", _ => null });
        }
        Row(numberLine, null, null, $"{place}, ngày 27 tháng 10 năm 2021");
        Row("V/v báo cáo tình hình triển khai ứng dụng các giải pháp công nghệ trong phòng, chống dịch Covid-19");
        Row("Kính gửi: Sở Thông tin và Truyền thông tỉnh Quảng Ngãi");
        foreach (var line in after ?? [])
        {
            Row(line);
        }

        var grid = SheetGrid.Build("Báo cáo", rows, () => []);
        return HeaderReader.Read(grid, grid.RowNumbers, FirstTemplateView.Definition);
    }

    public static Round RoundOn(DateOnly requestDate) => new()
    {
        Code = "R" + requestDate.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture),
        Title = "Đợt thử",
        RequestDate = requestDate,
        Deadline = requestDate.AddDays(3),
        Template = FirstTemplateView.Id,
    };
}
