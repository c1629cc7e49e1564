using System.Text;
using Microsoft.Playwright;
using ReportHub.Browser.Tests.Site;

namespace ReportHub.Browser.Tests;

/// <summary>A department clerk (demo account sct, unit 51.SCT) in the browser.</summary>
[Collection(DemoSiteCollection.Name)]
public sealed class DepartmentPageTests(DemoSite site)
{
    private const string SampleCsv = "sct-2162-seed004.csv";

    /// <summary>Section 2's figure row of the sample: QR codes created, QR scans.</summary>
    private const string FigureRow = "1,Sở Công Thương tỉnh Quảng Ngãi,01,541,";

    [Fact]
    public async Task DepartmentDownloadsTemplateUploadsBadThenGoodFile()
    {
        var page = await site.SignInAsync("sct", "demo-sct-2025");
        Assert.Equal("/unit", new Uri(page.Url).AbsolutePath);
        Assert.Contains("Sở Công Thương", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("#open-rounds tr[data-round='2021-10']").CountAsync());
        await Screenshots.SaveAsync(page, "department-unit");

        using (var blank = await Downloads.WorkbookAsync(page, "#template-xlsx-2021-10"))
        {
            Assert.Contains(blank.Worksheets, sheet => sheet.CellsUsed().Any());
        }

        var folder = RepoPaths.NewTempFolder("rh-browser");
        try
        {
            // A clerk typed letters into the QR scan count of section 2.
            var bad = WriteVariant(folder, "sct-2162-loi.csv", FigureRow.Replace(",541,", ",abc,", StringComparison.Ordinal));
            await UploadAsync(page, bad);
            Assert.Equal("rejected", await page.GetAttributeAsync("#result-status", "data-status"));
            var flagged = page.Locator(".cell-flagged", new() { HasText = "abc" });
            Assert.Equal(1, await flagged.CountAsync());
            var cell = await flagged.GetAttributeAsync("data-cell");
            Assert.NotNull(cell);
            Assert.StartsWith("D", cell, StringComparison.Ordinal);
            var message = await page.Locator($"#issues li[data-cell='{cell}'] .issue-message").First.InnerTextAsync();
            Assert.Contains("abc", message, StringComparison.Ordinal);
            Assert.True(message.IsNormalized(NormalizationForm.FormC), message);
            Assert.Matches("[ạảãàáâậầấẩẫăắằặẳẵệếềểễẹẻẽéèịỉĩíìọỏõóòôốồổỗộơớờởỡợụủũúùưứừửữựỵỷỹýỳđ]", message.ToLowerInvariant());
            await page.Locator("#result").ScrollIntoViewIfNeededAsync();
            await Screenshots.SaveAsync(page, "department-rejected");

            // The sample itself is in the warehouse already (the samples hold it), so the good file is a corrected
            // version of it: a real new figure, not a duplicate.
            var good = WriteVariant(folder, "sct-2162-sua.csv", FigureRow.Replace(",541,", ",542,", StringComparison.Ordinal));
            await UploadAsync(page, good);
            Assert.Equal("accepted", await page.GetAttributeAsync("#result-status", "data-status"));
            Assert.Equal(0, await page.Locator(".cell-flagged:not(.cell-warning)").CountAsync());
            Assert.Contains("sct-2162-sua.csv", await page.InnerTextAsync("#history"), StringComparison.Ordinal);
            await Screenshots.SaveAsync(page, "department-accepted");
        }
        finally
        {
            RepoPaths.TryDelete(folder);
        }

        foreach (var elsewhere in new[] { "/rounds", "/unit?unit=51.524", "/exports" })
        {
            var response = await page.GotoAsync(elsewhere);
            Assert.NotNull(response);
            Assert.Equal(403, response.Status);
            Assert.Equal("/forbidden", new Uri(page.Url).AbsolutePath);
            Assert.True(await page.Locator("#forbidden-message").IsVisibleAsync());
        }
        await Screenshots.SaveAsync(page, "department-forbidden");
        await page.Context.CloseAsync();
    }

    /// <summary>The sample CSV with its figure row replaced, written under a clerk's file name.</summary>
    private static string WriteVariant(string folder, string name, string figureRow)
    {
        var text = File.ReadAllText(RepoPaths.SampleReport(SampleCsv));
        Assert.Contains(FigureRow, text, StringComparison.Ordinal);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text.Replace(FigureRow, figureRow, StringComparison.Ordinal), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        return path;
    }

    private static async Task UploadAsync(IPage page, string path)
    {
        await page.GotoAsync("/unit");
        await page.SetInputFilesAsync("#upload-file", path);
        // A check is its own button; "Gửi báo cáo" always sends.
        Assert.Equal("check", await page.GetAttributeAsync("#upload-check", "value"));
        await page.ClickAsync("#upload-submit");
        await page.Locator("#result-status").WaitForAsync();
    }
}
