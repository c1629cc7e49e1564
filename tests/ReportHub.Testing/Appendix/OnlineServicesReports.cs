using ReportHub.Core.Templates;
using ReportHub.Testing.Repo;

namespace ReportHub.Testing.Appendix;

/// <summary>A unit's answer to round 2025-Q3 (online public services), built from the shipped template definition.</summary>
public static class OnlineServicesReports
{
    public const string Round = "2025-Q3";

    /// <summary>One services row with <paramref name="received"/> dossiers; another figure makes other bytes (a revision).</summary>
    public static AppendixBuilder For(string unitCode, int received = 3000)
    {
        var unit = SampleReference.Unit(unitCode);
        return new AppendixBuilder(TemplateCatalog.Get("dvc-online-2025"), unit, SampleReference.Round(Round), "Sở Khoa học và Công nghệ tỉnh Quảng Ngãi")
            .Rows("directives", new Dictionary<string, object?>
            {
                ["content"] = "Triển khai dịch vụ công trực tuyến toàn trình",
                ["citation"] = "210/KH-UBND ngày 15/07/2025",
                ["issuingUnit"] = unit.Name,
            })
            .Rows("services", new Dictionary<string, object?>
            {
                ["entity"] = "Bộ phận tiếp nhận và trả kết quả",
                ["procedures"] = 120,
                ["fullOnline"] = 40,
                ["received"] = received,
                ["receivedOnline"] = received / 3,
                ["resolved"] = received - 100,
                ["resolvedOnTime"] = received - 150,
            })
            .Narrative("inspection", "- Kiểm tra 12 thủ tục, không phát hiện sai sót.");
    }

    /// <summary>The A1 address of the first cell holding <paramref name="text"/> in the builder's grid.</summary>
    public static string CellOf(AppendixBuilder builder, string text)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var grid = builder.Grid();
        for (var r = 0; r < grid.Count; r++)
        {
            for (var c = 0; c < grid[r].Length; c++)
            {
                if (grid[r][c] is string s && s == text)
                {
                    return Core.Grid.A1.Format(r + 1, c + 1);
                }
            }
        }
        throw new ArgumentException($"“{text}” is not in the report.", nameof(text));
    }
}
