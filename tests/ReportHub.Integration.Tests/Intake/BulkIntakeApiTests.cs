using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ReportHub.Testing.Archives;
using ReportHub.Testing.Documents;
using ReportHub.Warehouse.Access;

namespace ReportHub.Integration.Tests.Intake;

/// <summary>
/// <c>POST /api/submissions/bulk</c>: a .zip of reports received by e-mail, each file through the upload's path with
/// its own outcome, and the archive's limits (entries, sizes counted while inflating, ratio, nesting, paths, names).
/// </summary>
public sealed class BulkIntakeApiTests
{
    private static byte[] SonTinh => UnitReports.SonTinh().ToXlsx();

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static JsonElement File(JsonElement answer, string name) =>
        answer.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("name").GetString() == name);

    private static string? Code(JsonElement file) => file.GetProperty("issues")[0].GetProperty("code").GetString();

    private static async Task<int> StoredAsync(ReportHubApp app)
    {
        var count = 0;
        foreach (var unit in new[] { "51.527", "51.SYT", "51.SCT", "51.STC" })
        {
            count += (await app.GetJsonAsync($"/api/units/{unit}/submissions")).GetArrayLength();
        }
        return count;
    }

    [Fact]
    public async Task EachReportInTheZipGetsItsOwnOutcomeWithUnitAndFigures()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var analyst = app.ClientFor(Roles.Analyst);
        var health = UnitReports.Health();
        var sonTinhBytes = SonTinh;
        var zip = new ZipFiles()
            .Add("Sơn Tịnh.xlsx", sonTinhBytes)
            .Folder("thư đến")
            .Add("thư đến/Sở Y tế.csv", health.ToCsv())
            .Add("thư đến/Công Thương.docx", SeedLetters.Report2162(scans: "777").ToBytes())
            .Add("sai.xlsx", new ReportBuilder { QrRows = [new QrSpec("Sở Tài chính", -1L, 10L)], IssuingBody = ["UBND TỈNH QUẢNG NGÃI", "SỞ TÀI CHÍNH"], NumberLine = "Số: 3120/STC-VP" }.ToXlsx())
            .Add("Sơn Tịnh (bản sao).xlsx", sonTinhBytes)
            .Add("__MACOSX/._Sơn Tịnh.xlsx", [0, 5, 22, 7])
            .Add(".DS_Store", [0, 0, 0, 1])
            .Add("thư đến/Thumbs.db", [1, 2, 3])
            .ToBytes();

        var answer = await OkAsync(await ZipFiles.PostAsync(analyst, zip));

        var names = answer.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList();
        Assert.Equal(["Sơn Tịnh.xlsx", "thư đến/Sở Y tế.csv", "thư đến/Công Thương.docx", "sai.xlsx", "Sơn Tịnh (bản sao).xlsx"], names);
        var summary = answer.GetProperty("summary");
        Assert.Equal(3, summary.GetProperty("accepted").GetInt32());
        Assert.Equal(1, summary.GetProperty("rejected").GetInt32());
        Assert.Equal(1, summary.GetProperty("duplicate").GetInt32());
        Assert.Equal(0, summary.GetProperty("refused").GetInt32());

        var sonTinh = File(answer, "Sơn Tịnh.xlsx");
        Assert.Equal("accepted", sonTinh.GetProperty("status").GetString());
        Assert.Equal("51.527", sonTinh.GetProperty("unit").GetString());
        Assert.Equal("2021-10", sonTinh.GetProperty("round").GetString());
        Assert.Equal(20482, sonTinh.GetProperty("figures").GetProperty("qrScans").GetDecimal());
        var yTe = File(answer, "thư đến/Sở Y tế.csv");
        Assert.Equal("51.SYT", yTe.GetProperty("unit").GetString());
        Assert.Equal(health.ExpectedQrScans, yTe.GetProperty("figures").GetProperty("qrScans").GetDecimal());
        var congThuong = File(answer, "thư đến/Công Thương.docx");
        Assert.Equal("51.SCT", congThuong.GetProperty("unit").GetString());
        Assert.Equal(777, congThuong.GetProperty("figures").GetProperty("qrScans").GetDecimal());
        var rejected = File(answer, "sai.xlsx");
        Assert.Equal("rejected", rejected.GetProperty("status").GetString());
        Assert.Contains(rejected.GetProperty("issues").EnumerateArray(), i => i.GetProperty("code").GetString() == "value.negative");
        var copy = File(answer, "Sơn Tịnh (bản sao).xlsx");
        Assert.Equal("duplicate", copy.GetProperty("status").GetString());
        Assert.Equal(sonTinh.GetProperty("submissionId").GetInt64(), copy.GetProperty("submissionId").GetInt64());

        // Stored like any upload: the file under its own name, the rejected one too, and each audited with the analyst.
        var stored = await app.GetJsonAsync($"/api/submissions/{yTe.GetProperty("submissionId").GetInt64()}");
        Assert.Equal("Sở Y tế.csv", stored.GetProperty("file").GetString());
        Assert.Equal("upload", stored.GetProperty("source").GetString());
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync($"/api/submissions/{rejected.GetProperty("submissionId").GetInt64()}/file")).StatusCode);
        var totals = await app.TotalsAsync();
        Assert.Equal(3, totals.GetProperty("unitsReported").GetInt32());
        var audit = await app.GetJsonAsync("/api/audit?action=submission.upload");
        var actors = audit.EnumerateArray().Select(a => a.GetProperty("actor").GetString()).ToList();
        Assert.Equal(5, actors.Count);
        Assert.Single(actors.Distinct());
        Assert.StartsWith("key:", actors[0]);
    }

    [Fact]
    public async Task TheRoundChosenOnTheFormIsTheHintOfEveryFile()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var analyst = app.ClientFor(Roles.Analyst);
        var zip = new ZipFiles().Add("Sơn Tịnh.xlsx", SonTinh).ToBytes();

        var answer = await OkAsync(await ZipFiles.PostAsync(analyst, zip, query: "round=2025-Q3"));

        var file = answer.GetProperty("files")[0];
        Assert.Equal("rejected", file.GetProperty("status").GetString());
        Assert.Equal("2025-Q3", file.GetProperty("round").GetString());
    }

    [Fact]
    public async Task UnsafePathsAndNestedArchivesAreRefusedOneByOneAndTheRestIsIngested()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var analyst = app.ClientFor(Roles.Analyst);
        var zip = new ZipFiles()
            .Add("../evil.xlsx", SonTinh)
            .Add("/etc/tuyet-doi.xlsx", SonTinh)
            .Add("C:/Users/lan/o-dia.xlsx", SonTinh)
            .Add("thu\\..\\..\\ra-ngoai.xlsx", SonTinh)
            .Add("bao-cao.xlsx:an", SonTinh)
            .Add("ben-trong.zip", new ZipFiles().Add("Sơn Tịnh.xlsx", SonTinh).ToBytes())
            .Add("ban-goc.rar", [0x52, 0x61, 0x72, 0x21, 0x1A, 0x07, 0x00, 0x01])
            .Add("gia-xlsx.xlsx", [0x52, 0x61, 0x72, 0x21, 0x1A, 0x07, 0x01, 0x00, 9, 9, 9])
            .Add("nen-7z.xlsx", [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C, 0, 4])
            .Add("Sơn Tịnh.xlsx", SonTinh)
            .ToBytes();

        var answer = await OkAsync(await ZipFiles.PostAsync(analyst, zip));

        var files = answer.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(10, files.Count);
        foreach (var unsafePath in files.Take(5))
        {
            Assert.Equal("refused", unsafePath.GetProperty("status").GetString());
            Assert.Equal("archive.unsafe-path", Code(unsafePath));
            Assert.Equal(JsonValueKind.Null, unsafePath.GetProperty("submissionId").ValueKind);
        }
        Assert.Equal("../evil.xlsx", files[0].GetProperty("name").GetString());
        Assert.Contains("không an toàn", files[0].GetProperty("issues")[0].GetProperty("message").GetString());
        foreach (var nested in files.Skip(5).Take(4))
        {
            Assert.Equal("refused", nested.GetProperty("status").GetString());
            Assert.Equal("archive.nested", Code(nested));
            Assert.Contains("tệp nén nằm trong tệp nén", nested.GetProperty("issues")[0].GetProperty("message").GetString());
        }
        Assert.Equal("accepted", files[9].GetProperty("status").GetString());
        Assert.Equal(9, answer.GetProperty("summary").GetProperty("refused").GetInt32());
        Assert.Equal(1, await StoredAsync(app));
        Assert.False(System.IO.File.Exists(Path.Combine(Path.GetDirectoryName(app.Folder)!, "evil.xlsx")));
    }

    [Fact]
    public async Task AZipBombEntryIsRefusedByItsRatioWithoutInflatingIt()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var analyst = app.ClientFor(Roles.Analyst);
        // 30 MB of zeros shrink to about 30 KB: past 1 MB the ratio (over 100) stops the reading, below the 20 MB file limit.
        var zip = new ZipFiles().Add("bom.xlsx", ZipFiles.Zeros(30 * 1024 * 1024), CompressionLevel.SmallestSize).Add("Sơn Tịnh.xlsx", SonTinh).ToBytes();
        Assert.True(zip.Length < 200 * 1024);

        var answer = await OkAsync(await ZipFiles.PostAsync(analyst, zip));

        var bomb = File(answer, "bom.xlsx");
        Assert.Equal("refused", bomb.GetProperty("status").GetString());
        Assert.Equal("archive.ratio", Code(bomb));
        Assert.Contains("100 lần", bomb.GetProperty("issues")[0].GetProperty("message").GetString());
        Assert.Equal("accepted", File(answer, "Sơn Tịnh.xlsx").GetProperty("status").GetString());
        Assert.Equal(1, await StoredAsync(app));
    }

    [Fact]
    public async Task AFileOverTheFileLimitIsRefusedAndNamesTheLimit()
    {
        using var app = ReportHubApp.ReferenceOnly(settings: [new("Ingest:MaxFileBytes", (1024 * 1024).ToString())]);
        using var analyst = app.ClientFor(Roles.Analyst);
        var zip = new ZipFiles().Add("lon.xlsx", ZipFiles.Noise(1536 * 1024), CompressionLevel.NoCompression).Add("Sơn Tịnh.xlsx", SonTinh).ToBytes();

        var answer = await OkAsync(await ZipFiles.PostAsync(analyst, zip));

        var large = File(answer, "lon.xlsx");
        Assert.Equal("refused", large.GetProperty("status").GetString());
        Assert.Equal("archive.entry-too-large", Code(large));
        Assert.Contains("1 MB", large.GetProperty("issues")[0].GetProperty("message").GetString());
        Assert.Equal("accepted", File(answer, "Sơn Tịnh.xlsx").GetProperty("status").GetString());
    }

    [Fact]
    public async Task AFileThatCannotBeDecompressedIsRefusedAndTheRestIsIngested()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var analyst = app.ClientFor(Roles.Analyst);
        var zip = ZipFiles.WithFirstEntryMethod(new ZipFiles().Add("lzma.xlsx", SonTinh).Add("Y tế.csv", UnitReports.Health().ToCsv()).ToBytes(), 14);

        var answer = await OkAsync(await ZipFiles.PostAsync(analyst, zip));

        var unreadable = File(answer, "lzma.xlsx");
        Assert.Equal("refused", unreadable.GetProperty("status").GetString());
        Assert.Equal("archive.entry-unreadable", Code(unreadable));
        Assert.Contains("Không giải nén được", unreadable.GetProperty("issues")[0].GetProperty("message").GetString());
        Assert.Equal("accepted", File(answer, "Y tế.csv").GetProperty("status").GetString());
        Assert.Equal(1, await StoredAsync(app));
    }

    [Fact]
    public async Task TooManyFilesIs413NamingTheLimitAndNothingIsStored()
    {
        using var app = ReportHubApp.ReferenceOnly(settings: [new("Bulk:MaxEntries", "2")]);
        using var analyst = app.ClientFor(Roles.Analyst);
        var zip = new ZipFiles()
            .Add("Sơn Tịnh.xlsx", SonTinh).Add("Y tế.csv", UnitReports.Health().ToCsv()).Add("Tài chính.xlsx", UnitReports.Finance().ToXlsx())
            .Add(".DS_Store", [0]).ToBytes();

        var response = await ZipFiles.PostAsync(analyst, zip);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await ReportHubApp.ReadJsonAsync(response);
        Assert.Equal("Bulk:MaxEntries", problem.GetProperty("limit").GetString());
        Assert.Equal("too-many-entries", problem.GetProperty("refusal").GetString());
        Assert.Contains("3 tệp, vượt quá giới hạn 2 tệp", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await StoredAsync(app));
    }

    [Fact]
    public async Task ADirectoryOfCountlessEntriesIsRefusedBeforeItIsRead()
    {
        using var app = ReportHubApp.ReferenceOnly(settings: [new("Bulk:MaxEntries", "2")]);
        using var analyst = app.ClientFor(Roles.Analyst);
        var zip = new ZipFiles().Add("Sơn Tịnh.xlsx", SonTinh);
        for (var i = 0; i < 8; i++)
        {
            zip.Folder($"thu-muc-{i}");
        }

        var response = await ZipFiles.PostAsync(analyst, zip.ToBytes());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("9 tệp", (await ReportHubApp.ReadJsonAsync(response)).GetProperty("detail").GetString());
        Assert.Equal(0, await StoredAsync(app));
    }

    [Fact]
    public async Task MoreThanTheTotalOnceInflatedIs413AndNothingIsStored()
    {
        using var app = ReportHubApp.ReferenceOnly(settings: [new("Bulk:MaxTotalBytes", (96 * 1024).ToString())]);
        using var analyst = app.ClientFor(Roles.Analyst);
        // The report comes first: it is measured, not ingested, when a later file takes the total over.
        var zip = new ZipFiles().Add("Sơn Tịnh.xlsx", SonTinh).Add("a.csv", ZipFiles.Noise(48 * 1024, 1)).Add("b.csv", ZipFiles.Noise(48 * 1024, 2)).ToBytes();

        var response = await ZipFiles.PostAsync(analyst, zip);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await ReportHubApp.ReadJsonAsync(response);
        Assert.Equal("Bulk:MaxTotalBytes", problem.GetProperty("limit").GetString());
        Assert.Contains("vượt quá 0,1 MB", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await StoredAsync(app));
        Assert.Equal(0, (await app.GetJsonAsync("/api/audit?action=submission.upload")).GetArrayLength());
    }

    [Fact]
    public async Task AnArchiveOverItsSizeLimitIs413BeforeItIsRead()
    {
        using var app = ReportHubApp.ReferenceOnly(settings: [new("Bulk:MaxArchiveBytes", "4096")]);
        using var analyst = app.ClientFor(Roles.Analyst);
        var zip = new ZipFiles().Add("Sơn Tịnh.xlsx", SonTinh).Add("a.csv", ZipFiles.Noise(300 * 1024), CompressionLevel.NoCompression).ToBytes();

        var response = await ZipFiles.PostAsync(analyst, zip);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await ReportHubApp.ReadJsonAsync(response);
        Assert.Equal("Bulk:MaxArchiveBytes", problem.GetProperty("limit").GetString());
        Assert.Contains("Tệp nén gửi lên vượt quá", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await StoredAsync(app));
    }

    [Fact]
    public async Task AnArchiveOverItsLimitInsideALargerBodyIs413Too()
    {
        // Within the room the form may add around the file, so only the file's own size tells.
        using var app = ReportHubApp.ReferenceOnly(settings: [new("Bulk:MaxArchiveBytes", (64 * 1024).ToString())]);
        using var analyst = app.ClientFor(Roles.Analyst);
        var zip = new ZipFiles().Add("Sơn Tịnh.xlsx", SonTinh).Add("a.csv", ZipFiles.Noise(80 * 1024), CompressionLevel.NoCompression).ToBytes();

        var response = await ZipFiles.PostAsync(analyst, zip);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("Bulk:MaxArchiveBytes", (await ReportHubApp.ReadJsonAsync(response)).GetProperty("limit").GetString());
        Assert.Equal(0, await StoredAsync(app));
    }

    [Fact]
    public async Task AnArchiveLargerThanOneFileButWithinItsLimitIsRead()
    {
        // The body of one upload is bounded by Ingest:MaxFileBytes; the archive route has its own, larger bound.
        using var app = ReportHubApp.ReferenceOnly(settings: [new("Ingest:MaxFileBytes", (256 * 1024).ToString())]);
        using var analyst = app.ClientFor(Roles.Analyst);
        var zip = new ZipFiles().Add("Sơn Tịnh.xlsx", SonTinh)
            .Add("a.csv", ZipFiles.Noise(200 * 1024, 1), CompressionLevel.NoCompression)
            .Add("b.csv", ZipFiles.Noise(200 * 1024, 2), CompressionLevel.NoCompression)
            .Add("c.csv", ZipFiles.Noise(200 * 1024, 3), CompressionLevel.NoCompression).ToBytes();
        Assert.True(zip.Length > 600 * 1024);

        var answer = await OkAsync(await ZipFiles.PostAsync(analyst, zip));

        Assert.Equal("accepted", File(answer, "Sơn Tịnh.xlsx").GetProperty("status").GetString());
        Assert.Equal(3, answer.GetProperty("summary").GetProperty("rejected").GetInt32());
    }

    [Fact]
    public async Task VietnameseNamesAreReadWhicheverWayTheZipWroteThem()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var analyst = app.ClientFor(Roles.Analyst);
        var flagged = new ZipFiles().Add("Báo cáo Sở Y tế.csv", UnitReports.Health().ToCsv()).ToBytes();
        var legacy = new ZipFiles()
            .Add(ZipFiles.Cp1258Name("Báo cáo Sơn Tịnh tháng 10.xlsx"), SonTinh)
            .Add(ZipFiles.Cp437Name("Báo cáo tháng 10.xlsx"), UnitReports.Finance().ToXlsx())
            .Add(ZipFiles.Utf8NameWithoutFlag("Công văn Sở Công Thương.docx"), SeedLetters.Report2162().ToBytes())
            .ToBytesWithRawNames();

        var first = await OkAsync(await ZipFiles.PostAsync(analyst, flagged));
        var second = await OkAsync(await ZipFiles.PostAsync(analyst, legacy));

        Assert.Equal("Báo cáo Sở Y tế.csv", first.GetProperty("files")[0].GetProperty("name").GetString());
        var names = second.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList();
        Assert.Equal(["Báo cáo Sơn Tịnh tháng 10.xlsx", "Báo cáo tháng 10.xlsx", "Công văn Sở Công Thương.docx"], names);
        Assert.All(names, n => Assert.True(n!.IsNormalized(System.Text.NormalizationForm.FormC)));
        var id = second.GetProperty("files")[0].GetProperty("submissionId").GetInt64();
        Assert.Equal("Báo cáo Sơn Tịnh tháng 10.xlsx", (await app.GetJsonAsync($"/api/submissions/{id}")).GetProperty("file").GetString());
    }

    public static TheoryData<string, string> Unreadable => new()
    {
        { "text", "not-zip" },
        { "cut", "corrupt" },
        { "folders", "empty" },
        { "xlsx", "single-report" },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public async Task WhatIsNotAUsableZipIs422InVietnamese(string kind, string refusal)
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var analyst = app.ClientFor(Roles.Analyst);
        var whole = new ZipFiles().Add("Sơn Tịnh.xlsx", SonTinh).Add("Y tế.csv", UnitReports.Health().ToCsv()).ToBytes();
        var content = kind switch
        {
            "text" => "STT,Đơn vị\n1,Sở Y tế\n"u8.ToArray(),
            "cut" => whole[..(whole.Length / 2)],
            "folders" => new ZipFiles().Folder("thu-den").Add("__MACOSX/._a", [1]).ToBytes(),
            _ => SonTinh,
        };

        var response = await ZipFiles.PostAsync(analyst, content);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReportHubApp.ReadJsonAsync(response);
        Assert.Equal(refusal, problem.GetProperty("refusal").GetString());
        Assert.Equal("Không đọc được tệp nén", problem.GetProperty("title").GetString());
        Assert.Contains("tệp", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await StoredAsync(app));
    }

    [Fact]
    public async Task ADepartmentMayNotSendAZipAndNobodyMayWithoutSigningIn()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var zip = new ZipFiles().Add("Sơn Tịnh.xlsx", SonTinh).ToBytes();
        using var department = app.ClientFor(Roles.Department, "51.SCT");
        using var anonymous = app.AnonymousClient();

        var forbidden = await ZipFiles.PostAsync(department, zip);
        var unauthorized = await ZipFiles.PostAsync(anonymous, zip);

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal(0, await StoredAsync(app));
    }

    [Fact]
    public async Task ABodyWithoutTheFileFieldIs400()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var analyst = app.ClientFor(Roles.Analyst);
        using var form = new MultipartFormDataContent { { new StringContent("2021-10"), "round" } };

        var missing = await analyst.PostAsync("/api/submissions/bulk", form);
        var notForm = await analyst.PostAsync("/api/submissions/bulk", new ByteArrayContent(new ZipFiles().Add("a.xlsx", SonTinh).ToBytes()));

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("“file”", (await ReportHubApp.ReadJsonAsync(missing)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, notForm.StatusCode);

        // A part that never ends: the body, not the server, is at fault.
        using var cut = new ByteArrayContent("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.zip\"\r\n\r\nPK\u0003\u0004"u8.ToArray());
        cut.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        var unterminated = await analyst.PostAsync("/api/submissions/bulk", cut);
        Assert.Equal(HttpStatusCode.BadRequest, unterminated.StatusCode);
        Assert.Equal("application/problem+json", unterminated.Content.Headers.ContentType?.MediaType);
    }
}
