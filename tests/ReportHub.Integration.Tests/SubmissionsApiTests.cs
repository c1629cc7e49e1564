using System.Net;
using System.Text.Json;
using ClosedXML.Excel;
using ReportHub.Integration.Tests.Support;
using ReportHub.Pipeline.Ingestion;

namespace ReportHub.Integration.Tests;

public sealed class SubmissionsApiTests
{
    private static ReportBuilder SeedWith(long codes, long scans) =>
        new() { QrRows = [new QrSpec("Sở Công Thương tỉnh Quảng Ngãi", codes, scans)] };

    [Fact]
    public async Task NewVersionSupersedesAndSameBytesAreDuplicate()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var v1 = SeedWith(1, 541).ToXlsx();
        var v2 = SeedWith(2, 900).ToXlsx();

        var first = await app.UploadAsync(v1, "v1.xlsx");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var second = await app.UploadAsync(v2, "v2.xlsx");
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var v1Id = (await ReportHubApp.ReadJsonAsync(first)).GetProperty("submissionId").GetInt64();
        var v2Id = (await ReportHubApp.ReadJsonAsync(second)).GetProperty("submissionId").GetInt64();

        var totals = await app.TotalsAsync();
        Assert.Equal(1, totals.GetProperty("unitsReported").GetInt32());
        Assert.Equal(3, totals.GetProperty("directives").GetInt64());
        Assert.Equal(2, totals.GetProperty("qrCodes").GetInt64());
        Assert.Equal(900, totals.GetProperty("qrScans").GetInt64());

        var again = await app.UploadAsync(v1, "v1-again.xlsx");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var duplicate = await ReportHubApp.ReadJsonAsync(again);
        Assert.Equal("duplicate", duplicate.GetProperty("status").GetString());
        Assert.Equal(v1Id, duplicate.GetProperty("submissionId").GetInt64());
        Assert.Equal(totals.ToString(), (await app.TotalsAsync()).ToString());

        var versions = await app.GetJsonAsync("/api/units/51.SCT/submissions?round=2021-10");
        var statuses = versions.EnumerateArray().Select(v => (Id: v.GetProperty("id").GetInt64(), Status: v.GetProperty("status").GetString())).ToList();
        Assert.Equal(3, statuses.Count);
        Assert.Contains((v1Id, "superseded"), statuses);
        Assert.Contains((v2Id, "current"), statuses);
        Assert.Single(statuses, s => s.Status == "duplicate");
        var current = versions.EnumerateArray().Single(v => v.GetProperty("status").GetString() == "current");
        Assert.Equal(v1Id, current.GetProperty("supersedes").GetInt64());
    }

    [Fact]
    public async Task DryRunValidatesAndStoresNothing()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var before = await app.TotalsAsync();

        var response = await app.UploadAsync(ReportBuilder.Seed().ToXlsx(), "seed.xlsx", "dryRun=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ReportHubApp.ReadJsonAsync(response);
        Assert.Equal("accepted", body.GetProperty("status").GetString());
        Assert.Equal("51.SCT", body.GetProperty("unit").GetString());
        Assert.Equal(541, body.GetProperty("qrScans").GetInt64());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("submissionId").ValueKind);
        Assert.Equal(before.ToString(), (await app.TotalsAsync()).ToString());
        Assert.Equal(0, (await app.GetJsonAsync("/api/units/51.SCT/submissions?round=2021-10")).GetArrayLength());

        var bad = await app.UploadAsync(new ReportBuilder { QrRows = [new QrSpec("Sở Công Thương", -1L, 541L)] }.ToXlsx(), "bad.xlsx", "dryRun=true");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var problem = await ReportHubApp.ReadJsonAsync(bad);
        Assert.Equal(JsonValueKind.Null, problem.GetProperty("submissionId").ValueKind);

        // The same bytes sent for real afterwards are new, not a duplicate of the dry run.
        var real = await app.UploadAsync(ReportBuilder.Seed().ToXlsx(), "seed.xlsx");
        Assert.Equal(HttpStatusCode.Created, real.StatusCode);
    }

    public static TheoryData<string, string> Rejections => new()
    {
        { "negative", "value.negative" },
        { "total-mismatch", "qr.total-mismatch" },
        { "no-section-2", "section.missing" },
        { "empty", "file.empty" },
        { "png", "file.not-spreadsheet" },
        { "random-xlsx", "file.not-spreadsheet" },
        { "unknown-unit", "unit.unresolved" },
        { "unknown-round", "round.unresolved" },
    };

    private static (byte[] Bytes, string Name, string? Query, string? Cell) Rejected(string kind)
    {
        switch (kind)
        {
            case "negative":
            {
                var b = new ReportBuilder { Row = 5, Column = 2, QrRows = [new QrSpec("Sở Công Thương tỉnh Quảng Ngãi", -3L, 541L)] };
                return (b.ToXlsx(), "negative.xlsx", null, b.Cells["qr.0.codes"]);
            }
            case "total-mismatch":
            {
                var b = new ReportBuilder
                {
                    QrRows = [new QrSpec("Văn phòng Sở", 1L, 300L), new QrSpec("Chợ Đầu mối", 2L, 241L)],
                    TotalRow = new QrSpec("Tổng cộng", 3L, 999L),
                };
                return (b.ToXlsx(), "total.xlsx", null, null);
            }
            case "no-section-2":
                return (new ReportBuilder { IncludeSection2 = false }.ToXlsx(), "no2.xlsx", null, null);
            case "empty":
                return ([], "empty.xlsx", null, null);
            case "png":
                return ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4], "scan.png", null, null);
            case "random-xlsx":
            {
                var random = new byte[4096];
                new Random(42).NextBytes(random);
                return (random, "report.xlsx", null, null);
            }
            case "unknown-unit":
                return (new ReportBuilder { IncludeHeader = false }.ToXlsx(), "noheader.xlsx", "round=2021-10", null);
            case "unknown-round":
                return (new ReportBuilder { Request = "Theo Công văn số 9999/STTTT-XYZ ngày 01/02/2021 của Sở Thông tin và Truyền thông về việc báo cáo." }.ToXlsx(),
                    "otherround.xlsx", null, null);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    [Theory]
    [MemberData(nameof(Rejections))]
    public async Task RejectedFileIsProblem422NamingCodeAndIsStillStored(string kind, string code)
    {
        using var app = ReportHubApp.ReferenceOnly();
        var (bytes, name, query, cell) = Rejected(kind);

        var response = await app.UploadAsync(bytes, name, query);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(422, problem.GetProperty("status").GetInt32());
        var issues = problem.GetProperty("issues").EnumerateArray().ToList();
        var issue = issues.FirstOrDefault(i => i.GetProperty("code").GetString() == code);
        Assert.True(issue.ValueKind == JsonValueKind.Object, $"no {code} in {body}");
        Assert.Equal("error", issue.GetProperty("severity").GetString());
        Assert.False(string.IsNullOrWhiteSpace(issue.GetProperty("message").GetString()));
        if (cell is not null)
        {
            Assert.Equal(cell, issue.GetProperty("cell").GetString());
        }

        var id = problem.GetProperty("submissionId").GetInt64();
        var file = await app.CreateClient().GetAsync($"/api/submissions/{id}/file");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(bytes, await file.Content.ReadAsByteArrayAsync());
        var stored = await app.GetJsonAsync($"/api/submissions/{id}");
        Assert.Equal("rejected", stored.GetProperty("outcome").GetString());
        Assert.Contains(stored.GetProperty("issues").EnumerateArray(), i => i.GetProperty("code").GetString() == code);
        Assert.Equal(0, (await app.TotalsAsync()).GetProperty("unitsReported").GetInt32());
    }

    [Fact]
    public async Task TotalMismatchNamesTheTotalRowCell()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var builder = new ReportBuilder
        {
            Row = 3,
            Column = 4,
            QrRows = [new QrSpec("Văn phòng Sở", 1L, 300L), new QrSpec("Chợ Đầu mối", 2L, 241L)],
            TotalRow = new QrSpec("Tổng cộng", 3L, 999L),
        };

        var problem = await ReportHubApp.ReadJsonAsync(await app.UploadAsync(builder.ToXlsx(), "total.xlsx"));

        var issue = problem.GetProperty("issues").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "qr.total-mismatch");
        Assert.Equal(builder.Cells["qr.total.scans"], issue.GetProperty("cell").GetString());
    }

    [Fact]
    public async Task AgreeingTotalRowIsNotCountedAsData()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var builder = new ReportBuilder
        {
            QrRows = [new QrSpec("Văn phòng Sở", 1L, 300L), new QrSpec("Chợ Đầu mối", 2L, 241L)],
            TotalRow = new QrSpec("Cộng", 3L, 541L),
        };

        var response = await app.UploadAsync(builder.ToXlsx(), "total.xlsx");

        var body = await ReportHubApp.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        Assert.Equal(3, body.GetProperty("qrCodes").GetInt64());
        Assert.Equal(541, body.GetProperty("qrScans").GetInt64());
    }

    [Fact]
    public async Task TemplateFilledInRoundTripsWithoutHints()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var response = await app.CreateClient().GetAsync("/api/units/51.SKHCN/template.xlsx?round=2021-10");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        byte[] filled;
        using (var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync())))
        {
            var sheet = workbook.Worksheet(1);
            Fill(sheet, "Nội dung thực hiện", new()
            {
                ["Nội dung thực hiện"] = "Triển khai ứng dụng PC-Covid tại Sở",
                ["Số, ngày ban hành văn bản"] = "1187/SKHCN-VP ngày 05/10/2021",
                ["Đơn vị ban hành"] = "Sở Khoa học và Công nghệ",
                ["Đối tượng tiếp nhận thông tin"] = "- Các phòng thuộc Sở. - Trung tâm Ứng dụng.",
            });
            Fill(sheet, "Đối tượng thống kê", new()
            {
                ["Đối tượng thống kê"] = "Sở Khoa học và Công nghệ",
                ["Tổng số mã QR địa điểm đã tạo và quản lý"] = 7L,
                ["Tổng số lượt quét mã QR của các địa điểm"] = 1234L,
            });
            using var buffer = new MemoryStream();
            workbook.SaveAs(buffer);
            filled = buffer.ToArray();
        }

        var upload = await app.UploadAsync(filled, "bieu-mau-51.SKHCN.xlsx");

        var body = await ReportHubApp.ReadJsonAsync(upload);
        Assert.True(upload.StatusCode == HttpStatusCode.Created, body.ToString());
        Assert.Equal("51.SKHCN", body.GetProperty("unit").GetString());
        Assert.Equal("2021-10", body.GetProperty("round").GetString());
        Assert.Equal(1, body.GetProperty("directives").GetInt64());
        Assert.Equal(7, body.GetProperty("qrCodes").GetInt64());
        Assert.Equal(1234, body.GetProperty("qrScans").GetInt64());
    }

    /// <summary>Writes values into the first row under the table header that holds <paramref name="headerText"/>.</summary>
    private static void Fill(IXLWorksheet sheet, string headerText, Dictionary<string, object> values)
    {
        static string Norm(string s) => string.Join(' ', s.Normalize().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd(':', '.').ToUpperInvariant();
        var header = sheet.CellsUsed().First(c => Norm(c.GetString()) == Norm(headerText)).Address.RowNumber;
        var columns = sheet.Row(header).CellsUsed().ToDictionary(c => Norm(c.GetString()), c => c.Address.ColumnNumber);
        var target = header + 1;
        foreach (var (name, value) in values)
        {
            var cell = sheet.Cell(target, columns[Norm(name)]);
            if (value is long l)
            {
                cell.SetValue((double)l);
            }
            else
            {
                cell.SetValue((string)value);
            }
        }
        if (columns.TryGetValue("STT", out var stt) || columns.TryGetValue("TT", out stt))
        {
            sheet.Cell(target, stt).SetValue(1.0);
        }
    }

    [Fact]
    public async Task Tcvn3ReportIngestsLikeItsUnicodeTwinWithoutCountingTheTotalRow()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var unicode = ReportBuilder.District(communes: 5);
        var legacy = ReportBuilder.District(communes: 5);
        legacy.Charset = ReportHub.Core.Text.LegacyCharset.Tcvn3;
        Assert.Equal(5 * 10 + 7 * 10, unicode.ExpectedQrCodes);

        var a = await app.UploadAsync(unicode.ToXlsx(), "binhson-unicode.xlsx");
        var b = await app.UploadAsync(legacy.ToXlsx(), "binhson-tcvn3.xlsx");

        var first = await ReportHubApp.ReadJsonAsync(a);
        var second = await ReportHubApp.ReadJsonAsync(b);
        Assert.True(a.StatusCode == HttpStatusCode.Created, first.ToString());
        Assert.True(b.StatusCode == HttpStatusCode.Created, second.ToString());
        foreach (var body in new[] { first, second })
        {
            Assert.Equal("51.524", body.GetProperty("unit").GetString());
            Assert.Equal("2021-10", body.GetProperty("round").GetString());
            Assert.Equal(3, body.GetProperty("directives").GetInt64());
            Assert.Equal(unicode.ExpectedQrCodes, body.GetProperty("qrCodes").GetInt64());
            Assert.Equal(unicode.ExpectedQrScans, body.GetProperty("qrScans").GetInt64());
        }
        Assert.Contains(second.GetProperty("issues").EnumerateArray(), i => i.GetProperty("code").GetString() == "text.legacy-converted");
        var totals = await app.TotalsAsync();
        Assert.Equal(1, totals.GetProperty("unitsReported").GetInt32());
        Assert.Equal(unicode.ExpectedQrScans, totals.GetProperty("qrScans").GetInt64());
    }

    /// <summary>
    /// In "512/SDL-VP" the issuer is SDL and VP is its own drafting office: an unknown issuer must not fall through to
    /// the unit aliased "VP" (Văn phòng UBND tỉnh) and silently count in its totals.
    /// </summary>
    [Fact]
    public async Task UnknownIssuerIsNotAttributedToAnotherUnitByItsDraftingOfficeSymbol()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var report = new ReportBuilder
        {
            IssuingBody = ["SỞ DU LỊCH"],
            NumberLine = "Số: 512/SDL-VP",
            QrRows = [new QrSpec("Sở Du lịch tỉnh Quảng Ngãi", 2L, 777L)],
        };

        var response = await app.UploadAsync(report.ToXlsx(), "sdl-512.xlsx");

        var body = await ReportHubApp.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, body.ToString());
        Assert.Contains(body.GetProperty("issues").EnumerateArray(), i => i.GetProperty("code").GetString() == "unit.unknown");
        Assert.Equal(0, (await app.GetJsonAsync("/api/units/51.VPUBND/submissions?round=2021-10")).GetArrayLength());
    }

    [Fact]
    public async Task UnitIsOnTimeUntilDeadlineEndOfDayThenLate()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var ingest = app.Ingest;
        async Task<IngestResult> At(byte[] content, string name, DateTimeOffset at)
        {
            var result = await ingest.IngestAsync(new IngestRequest { FileName = name, Content = content, Source = "test", ReceivedAt = at }, CancellationToken.None);
            Assert.Equal("accepted", result.Status);
            return result;
        }

        await At(ReportBuilder.Seed().ToXlsx(), "sct.xlsx", new DateTimeOffset(2021, 10, 29, 23, 59, 0, TimeSpan.FromHours(7)));
        await At(ReportBuilder.District().ToXlsx(), "binhson.xlsx", new DateTimeOffset(2021, 10, 30, 0, 1, 0, TimeSpan.FromHours(7)));
        // A later version does not make an on-time unit late: the first accepted submission decides.
        await At(SeedWith(2, 900).ToXlsx(), "sct-v2.xlsx", new DateTimeOffset(2021, 11, 3, 8, 0, 0, TimeSpan.FromHours(7)));

        var units = (await app.GetJsonAsync("/api/rounds/2021-10/units")).EnumerateArray()
            .ToDictionary(u => u.GetProperty("unit").GetString()!, u => u);
        Assert.Equal("onTime", units["51.SCT"].GetProperty("status").GetString());
        Assert.Equal(900, units["51.SCT"].GetProperty("qrScans").GetInt64());
        Assert.Equal("late", units["51.524"].GetProperty("status").GetString());
        Assert.Equal("missing", units["51.SKHCN"].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, units["51.SKHCN"].GetProperty("submissionId").ValueKind);
        var totals = await app.TotalsAsync();
        Assert.Equal(1, totals.GetProperty("unitsOnTime").GetInt32());
        Assert.Equal(1, totals.GetProperty("unitsLate").GetInt32());
        Assert.Equal(totals.GetProperty("unitsExpected").GetInt32() - 2, totals.GetProperty("unitsMissing").GetInt32());
    }
}
