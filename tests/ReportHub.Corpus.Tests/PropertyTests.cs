using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ClosedXML.Excel;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using ReportHub.Corpus.Tests.Corpus;
using ReportHub.Corpus.Tests.Support;
using ReportHub.Pipeline.Ingestion;

namespace ReportHub.Corpus.Tests;

/// <summary>
/// Whatever arrives, ingestion ends in accepted or rejected-with-a-reason, in bounded time, and a rejected file
/// leaves no partial rows behind.
/// </summary>
public sealed class PropertyTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    /// <summary>Ingests one file and checks every invariant; returns the status.</summary>
    private static async Task<string> IngestChecked(ReportHubApp app, HashSet<string> acceptedHashes, byte[] bytes, string fileName)
    {
        var ingest = app.Services.GetRequiredService<IngestService>();
        using var cts = new CancellationTokenSource(Bound * 2);
        IngestResult result;
        try
        {
            result = await ingest.IngestAsync(new IngestRequest { FileName = fileName, Content = bytes, Source = "upload", RoundHint = null }, cts.Token).WaitAsync(Bound);
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"{fileName}: ingestion did not finish within {Bound.TotalSeconds} s ({bytes.Length} bytes, {Convert.ToBase64String(bytes.AsSpan(0, Math.Min(64, bytes.Length)))}...)");
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var context = $"{fileName} ({bytes.Length} bytes): {result.Status}\n" + string.Join('\n', result.Issues.Select(i => $"  {i.Severity} {i.Code} @ {i.Cell}: {i.Message}"));
        switch (result.Status)
        {
            case "accepted":
                Assert.DoesNotContain(result.Issues, i => i.Severity == "error");
                acceptedHashes.Add(sha);
                break;
            case "duplicate":
                Assert.True(acceptedHashes.Contains(sha), "duplicate of a file never accepted. " + context);
                break;
            case "rejected":
                Assert.True(result.Issues.Any(i => i.Severity == "error" && Vietnamese.IsVietnameseSentence(i.Message)), "rejected without a Vietnamese error. " + context);
                var id = result.SubmissionId ?? throw new Xunit.Sdk.XunitException("rejected file not stored. " + context);
                Assert.True(app.Warehouse.Status(id) == "rejected", "stored status. " + context);
                Assert.True(app.Warehouse.RowsOf(id) == 0, "partial rows of a rejected file. " + context);
                break;
            default:
                throw new Xunit.Sdk.XunitException("unknown status. " + context);
        }
        Assert.All(result.Issues, i => Assert.True(Vietnamese.IsVietnameseSentence(i.Message), context));
        return result.Status;
    }

    // ---- Random grids: pieces of real reports scattered at random.

    private static readonly string[] Pieces =
    [
        "1. Công tác chỉ đạo, triển khai và tuyên truyền", "2. Kết quả tạo, quản lý mã QR địa điểm và quét mã QR tại các địa điểm",
        "3. Công tác kiểm tra, giám sát triển khai", "4. Một số kết quả triển khai, kinh nghiệm", "5. Kiến nghị, đề xuất", "II. mã QR", "1.",
        .. Report.DirectiveHeaders, .. Report.QrHeaders, "Tổng cộng", "Cộng", "Tổng",
        "UBND TỈNH QUẢNG NGÃI", "SỞ CÔNG THƯƠNG", "HUYỆN BÌNH SƠN", "Số: 2162/SCT-VP", "Số: /SKHCN-VP", "Quảng Ngãi, ngày 27 tháng 10 năm 2021",
        Report.RequestLine, "Theo Công văn số 999/ABC ngày 31/02/2021", "Mã đơn vị:", "51.SCT", "Mã đợt báo cáo:", "2021-10", "2099-13",
        "780/SCT-VP ngày 07/05/2021", "ngày 27 tháng 10 năm 2021", "07/05/2021", "31/13/2021", "Xã Bình Dương", "Xã Bình Thạnh", "Không có",
        "01", "1.234", "1,234", "-5", "2,5", "abc", "", " ", "=SUM(A1:A2)", "\"", ";", "\t", "Ư", "ư", "\u00AD", "Dương".Normalize(NormalizationForm.FormD),
        "Tổng số mã QR", "KT. GIÁM ĐỐC", "Nguyễn Đức Huy", "\r\n", "🙂", "\u0000",
    ];

    private static readonly Gen<object?> CellValue = Gen.Frequency(
        (5, Gen.OneOfConst(Pieces).Select(s => (object?)s)),
        (2, Gen.Long[-1_000, 1_000_000].Select(n => (object?)n)),
        (1, Gen.Double[-10, 10_000].Select(d => (object?)Math.Round(d, 2))),
        (2, Gen.String[Gen.Char["aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ ,.;/-0123456789ĐƯƠ"], 0, 30].Select(s => (object?)s)),
        (3, Gen.Int.Select(_ => (object?)null)));

    /// <summary>A sparse grid: up to 40 rows of up to 7 cells, each at a random offset.</summary>
    private static readonly Gen<(int Row, int Column, object?[][] Rows)> Grid =
        Gen.Select(Gen.Int[1, 6], Gen.Int[1, 5], CellValue.Array[0, 7].Array[0, 40]);

    private static byte[] ToXlsx((int Row, int Column, object?[][] Rows) grid)
    {
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add("Sheet1");
        for (var r = 0; r < grid.Rows.Length; r++)
        {
            for (var c = 0; c < grid.Rows[r].Length; c++)
            {
                var cell = sheet.Cell(grid.Row + r, grid.Column + c);
                switch (grid.Rows[r][c])
                {
                    case string s:
                        // XML cannot hold NUL; Excel cannot either.
                        cell.SetValue(s.Replace("\u0000", "", StringComparison.Ordinal));
                        cell.DataType = XLDataType.Text;
                        break;
                    case long n:
                        cell.SetValue(n);
                        break;
                    case double d:
                        cell.SetValue(d);
                        break;
                }
            }
        }
        using var buffer = new MemoryStream();
        book.SaveAs(buffer);
        return buffer.ToArray();
    }

    private static byte[] ToCsv((int Row, int Column, object?[][] Rows) grid, int variant)
    {
        var separator = ",;\t"[variant % 3];
        var text = new StringBuilder();
        foreach (var row in grid.Rows)
        {
            text.AppendJoin(separator, row.Select(v => v switch
            {
                null => "",
                string s => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => "",
            })).Append("\r\n");
        }
        Encoding encoding = variant switch
        {
            0 or 3 => new UTF8Encoding(true),
            1 or 4 => Encoding.Unicode,
            _ => new UTF8Encoding(false),
        };
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text.ToString())];
    }

    [Fact]
    public async Task RandomGridsAreAcceptedOrRejectedWithAReasonAndNeverLeavePartialRows()
    {
        using var app = CorpusHosts.App();
        var accepted = new HashSet<string>();
        var statuses = new List<string>();
        await Gen.Select(Grid, Gen.Int[0, 5], Gen.Bool).SampleAsync(async (grid, variant, xlsx) =>
        {
            var bytes = xlsx ? ToXlsx(grid) : ToCsv(grid, variant);
            statuses.Add(await IngestChecked(app, accepted, bytes, xlsx ? "luoi.xlsx" : "luoi.csv"));
        }, iter: 60, threads: 1);
        Assert.NotEmpty(statuses);
    }

    [Fact]
    public async Task RandomReportsWithShuffledPiecesAreAcceptedOrRejectedWithAReason()
    {
        // The real layout, with random rows replaced by random pieces: close enough to the template to reach the checks.
        using var app = CorpusHosts.App();
        var accepted = new HashSet<string>();
        var baseRows = Report.District().Layout();
        var gen = Gen.Select(Gen.Int[0, baseRows.Count - 1].Array[0, 6], CellValue.Array[1, 6].Array[6], Gen.Bool);
        await gen.SampleAsync(async (positions, replacements, xlsx) =>
        {
            var rows = baseRows.Select(r => r.ToArray()).ToList();
            for (var i = 0; i < positions.Length; i++)
            {
                rows[positions[i]] = replacements[i % replacements.Length];
            }
            var grid = (1, 1, rows.ToArray());
            var bytes = xlsx ? ToXlsx(grid) : ToCsv(grid, positions.Length);
            await IngestChecked(app, accepted, bytes, xlsx ? "bao-cao.xlsx" : "bao-cao.csv");
        }, iter: 50, threads: 1);
        Assert.NotEmpty(accepted);
    }

    // ---- Mutated real files.

    private static readonly byte[] SeedXlsx = File.ReadAllBytes(Path.Combine(RepoPaths.Samples, "reports", "sct-2162-seed004.xlsx"));
    private static readonly byte[] SeedCsv = File.ReadAllBytes(Path.Combine(RepoPaths.Samples, "reports", "lyson-1127.csv"));
    private static readonly byte[] SeedXls = File.ReadAllBytes(RepoPaths.Fixture("sct-2162-seed004.xls"));

    private static readonly Gen<(string Name, byte[] Bytes)> RealFile = Gen.OneOfConst(("sct.xlsx", SeedXlsx), ("lyson.csv", SeedCsv), ("sct.xls", SeedXls));

    [Fact]
    public async Task TruncatedRealFilesAreAcceptedOrRejectedWithAReason()
    {
        using var app = CorpusHosts.App();
        var accepted = new HashSet<string>();
        await Gen.Select(RealFile, Gen.Double[0, 1]).SampleAsync(async (file, fraction) =>
        {
            var length = (int)(file.Bytes.Length * fraction);
            await IngestChecked(app, accepted, file.Bytes[..length], file.Name);
        }, iter: 45, threads: 1);
    }

    [Fact]
    public async Task RealFilesWithFlippedBytesAreAcceptedOrRejectedWithAReason()
    {
        using var app = CorpusHosts.App();
        var accepted = new HashSet<string>();
        var flips = Gen.Select(Gen.Double[0, 1], Gen.Byte).Array[1, 8];
        await Gen.Select(RealFile, flips).SampleAsync(async (file, changes) =>
        {
            var bytes = file.Bytes.ToArray();
            foreach (var (at, value) in changes)
            {
                bytes[(int)(at * (bytes.Length - 1))] ^= (byte)(value | 1);
            }
            await IngestChecked(app, accepted, bytes, file.Name);
        }, iter: 60, threads: 1);
    }

    [Fact]
    public async Task ShuffledCsvRowsAreAcceptedOrRejectedWithAReason()
    {
        using var app = CorpusHosts.App();
        var accepted = new HashSet<string>();
        var text = Encoding.UTF8.GetString(SeedCsv.AsSpan(3));
        var lines = text.Split("\r\n");
        await Gen.Int[0, lines.Length - 1].Array[2, 12].SampleAsync(async swaps =>
        {
            var shuffled = lines.ToArray();
            for (var i = 0; i + 1 < swaps.Length; i += 2)
            {
                (shuffled[swaps[i]], shuffled[swaps[i + 1]]) = (shuffled[swaps[i + 1]], shuffled[swaps[i]]);
            }
            byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(string.Join("\r\n", shuffled))];
            await IngestChecked(app, accepted, bytes, "lyson-xao-tron.csv");
        }, iter: 40, threads: 1);
    }

    [Fact]
    public async Task AZipBombIsRejectedWithinTheBound()
    {
        using var app = CorpusHosts.App();
        var status = await IngestChecked(app, [], Writers.ZipBomb(), "bom.xlsx");
        Assert.Equal("rejected", status);
    }
}
