using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ReportHub.Api.Web;

/// <summary>
/// The one-line notice that says an action was done. It travels from the handler to the page shown next in TempData
/// (a protected cookie), never in the address: text in a link is anyone's text, and must not read as the system's.
/// </summary>
public static class Notices
{
    private const string Key = "notice";

    public static void SetNotice(this ITempDataDictionary tempData, string text)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        tempData[Key] = text;
    }

    /// <summary>The notice waiting for this page, if any; reading it spends it, so a reload does not repeat it.</summary>
    public static string? TakeNotice(this ITempDataDictionary tempData)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        return tempData[Key] as string;
    }
}
