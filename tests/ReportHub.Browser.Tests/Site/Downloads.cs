using ClosedXML.Excel;
using Microsoft.Playwright;

namespace ReportHub.Browser.Tests.Site;

/// <summary>Files the browser downloads, caught from Playwright's download event.</summary>
public static class Downloads
{
    /// <summary>Clicks the link, waits for the download and opens it as a workbook (it must be a real, non-empty xlsx).</summary>
    public static async Task<XLWorkbook> WorkbookAsync(IPage page, string selector)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(selector));
        Assert.Null(await download.FailureAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.OrdinalIgnoreCase);
        var path = Path.Combine(Screenshots.Folder, "..", "downloads", download.SuggestedFilename);
        await download.SaveAsAsync(path);
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.True(bytes.Length > 0, $"{download.SuggestedFilename} is empty");
        // An xlsx is a zip: "PK" first.
        Assert.True(bytes[0] == (byte)'P' && bytes[1] == (byte)'K', $"{download.SuggestedFilename} is not an xlsx");
        var workbook = new XLWorkbook(new MemoryStream(bytes));
        Assert.NotEmpty(workbook.Worksheets);
        return workbook;
    }

    /// <summary>
    /// Clicks the link, waits for the download and answers its lines after the UTF-8 BOM it must start with (the bytes
    /// are kept beside the screenshots).
    /// </summary>
    public static async Task<string[]> CsvLinesAsync(IPage page, string selector)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(selector));
        Assert.Null(await download.FailureAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.OrdinalIgnoreCase);
        var path = Path.Combine(Screenshots.Folder, "..", "downloads", download.SuggestedFilename);
        await download.SaveAsAsync(path);
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.True(bytes.Length > 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, $"{download.SuggestedFilename} has no UTF-8 BOM");
        return System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }
}
