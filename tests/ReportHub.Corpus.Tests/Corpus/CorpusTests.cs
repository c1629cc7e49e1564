using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ReportHub.Corpus.Tests.Support;

namespace ReportHub.Corpus.Tests.Corpus;

/// <summary>Checks one outcome (the CLI's JSON line or the API's body) against the case's documented outcome.</summary>
internal static class Outcome
{
    public static void Check(CorpusCase c, JsonElement result, string status, string via)
    {
        var issues = result.TryGetProperty("issues", out var i) ? i : default;
        var context = $"{c.Name} via {via}: status {status}, unit {result.Str("unit")}, round {result.Str("round")}\n{issues.Describe()}";
        Assert.True(c.Status == status, $"expected {c.Status}. {context}");
        var actual = issues.ValueKind == JsonValueKind.Array ? issues.EnumerateArray().ToList() : [];
        foreach (var expected in c.Issues)
        {
            Assert.True(actual.Any(a => a.Str("code") == expected.Code && a.Str("severity") == expected.Severity
                && (!expected.CheckCell || NullIfEmpty(a.Str("cell")) == expected.Cell)
                && (expected.Location is null || a.Str("location") == expected.Location)
                && expected.Mentions.All(m => a.Str("message").Contains(m, StringComparison.Ordinal))), $"missing {expected}. {context}");
        }
        var unexpectedErrors = actual.Where(a => a.Str("severity") == "error" && c.Issues.All(e => e.Severity != "error" || e.Code != a.Str("code"))).ToList();
        Assert.True(unexpectedErrors.Count == 0, $"unexpected errors. {context}");
        foreach (var issue in actual)
        {
            Assert.True(Vietnamese.IsVietnameseSentence(issue.Str("message")), $"issue without a Vietnamese message. {context}");
        }
        if (status == Status.Rejected)
        {
            Assert.Contains(actual, a => a.Str("severity") == "error");
        }
        if (c.Figures is { } f)
        {
            Assert.True((f.Directives, f.QrCodes, f.QrScans, f.Unit, "2021-10") == (result.Num("directives"), result.Num("qrCodes"), result.Num("qrScans"), result.Str("unit"), result.Str("round")),
                $"figures {f}. {context} directives={result.Num("directives")} qrCodes={result.Num("qrCodes")} qrScans={result.Num("qrScans")}");
        }
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}

public static class Vietnamese
{
    private const string Letters = "ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ";

    /// <summary>Non-empty text with Vietnamese letters in it.</summary>
    public static bool IsVietnameseSentence(string? message) =>
        !string.IsNullOrWhiteSpace(message) && message.Normalize().ToLowerInvariant().Any(Letters.Contains);
}

/// <summary>Every corpus file uploaded to the API gives its documented status code, body and stored outcome.</summary>
public sealed class CorpusApiTests
{
    [Theory]
    [MemberData(nameof(Cases.Names), MemberType = typeof(Cases))]
    public async Task UploadGivesTheDocumentedOutcome(string name)
    {
        var c = Cases.Get(name);
        using var app = CorpusHosts.App(c.Settings());
        _ = app.Services;
        if (c.CloseRound)
        {
            app.Warehouse.CloseRound("2021-10");
        }
        foreach (var unit in c.AddToRound)
        {
            using var added = await app.CreateClient().PostAsJsonAsync("/api/rounds/2021-10/units", new { unit });
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        }

        var bytes = c.Bytes();
        using var response = await app.UploadAsync(bytes, c.FileName, c.Query);
        var body = await response.Content.ReadAsStringAsync();
        var json = JsonDocument.Parse(body).RootElement;

        if (c.Status == Status.Accepted)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {body}");
            Assert.Equal("accepted", json.Str("status"));
            Outcome.Check(c, json, json.Str("status"), "API");
        }
        else
        {
            Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode} {body}");
            Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString());
            Assert.True(Vietnamese.IsVietnameseSentence(json.Str("detail")), body);
            Outcome.Check(c, json, json.Str("outcome"), "API");
        }

        // Never lost: the file is stored with its outcome and its bytes, rejected or not; a file over the size
        // limit is recorded by name, size and hash only, and its bytes are answered 404 saying why.
        var id = json.Num("submissionId");
        Assert.True(id > 0, body);
        var stored = await app.GetJsonAsync($"/api/submissions/{id}");
        Assert.Equal(c.Status, stored.Str("outcome"));
        Assert.Equal(bytes.Length, stored.Num("size"));
        using var client = app.CreateClient();
        using var file = await client.GetAsync($"/api/submissions/{id}/file");
        if (c.MaxFileBytes is { } limit && bytes.Length > limit)
        {
            Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
            Assert.True(Vietnamese.IsVietnameseSentence(JsonDocument.Parse(await file.Content.ReadAsStringAsync()).RootElement.Str("detail")));
        }
        else
        {
            Assert.Equal(bytes, await file.Content.ReadAsByteArrayAsync());
        }
        if (c.Status == Status.Rejected)
        {
            Assert.Equal("rejected", app.Warehouse.Status(id));
            Assert.Equal(0, app.Warehouse.RowsOf(id));
        }
    }
}

[CollectionDefinition("cli", DisableParallelization = true)]
public sealed class CliCollection;

/// <summary>Every corpus file given to `reporthub ingest --json` gives its documented exit code and line.</summary>
[Collection("cli")]
public sealed class CorpusCliTests
{
    [Theory]
    [MemberData(nameof(Cases.Names), MemberType = typeof(Cases))]
    public async Task IngestGivesTheDocumentedOutcome(string name)
    {
        var c = Cases.Get(name);
        using var cli = CorpusHosts.Cli(c.Settings());
        await cli.InitAsync();
        if (c.CloseRound)
        {
            cli.Warehouse.CloseRound("2021-10");
        }
        foreach (var unit in c.AddToRound)
        {
            Assert.Equal(0, (await cli.RunAsync("rounds", "add-unit", "2021-10", "--unit", unit)).ExitCode);
        }
        var file = cli.WriteFile(c.FileName, c.Bytes());

        var (exit, results) = await cli.IngestAsync([file], [.. c.CliHints]);

        var result = Assert.Single(results);
        Assert.Equal(file, result.Str("file"));
        Outcome.Check(c, result, result.Str("status"), "CLI");
        Assert.Equal(c.Status == Status.Rejected ? 1 : 0, exit);
        var id = result.Num("submissionId");
        Assert.True(id > 0);
        if (c.Status == Status.Rejected)
        {
            Assert.Equal("rejected", cli.Warehouse.Status(id));
            Assert.Equal(0, cli.Warehouse.RowsOf(id));
        }
    }

    [Fact]
    public async Task AFolderWithOneRejectedFileExitsOneAndStillIngestsTheOthers()
    {
        using var cli = CorpusHosts.Cli();
        await cli.InitAsync();
        var folder = Path.Combine(cli.Folder, "batch");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, "a-sct.xlsx"), Report.Seed().ToXlsx());
        await File.WriteAllBytesAsync(Path.Combine(folder, "b-rong.xlsx"), []);
        await File.WriteAllBytesAsync(Path.Combine(folder, "c-binhson.csv"), Report.District().ToCsv());
        await File.WriteAllTextAsync(Path.Combine(folder, "ghi-chu.txt"), "không phải báo cáo");

        var (exit, results) = await cli.IngestAsync([folder]);

        Assert.Equal(1, exit);
        Assert.Equal(["accepted", "rejected", "accepted"], results.Select(r => r.Str("status")));
        var (_, totals) = await cli.RunAsync("totals", "--round", "2021-10", "--json");
        var json = JsonDocument.Parse(totals.Trim().Split('\n').Last(l => l.StartsWith('{'))).RootElement;
        Assert.Equal(2, json.Num("unitsReported"));
    }
}
