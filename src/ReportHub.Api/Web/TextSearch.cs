using System.Globalization;

namespace ReportHub.Api.Web;

/// <summary>The pages' search boxes: words match whatever their case and accents, so "so y te" finds "Sở Y tế".</summary>
public static class TextSearch
{
    private static readonly CompareInfo Compare = Display.Vietnamese.CompareInfo;

    /// <summary>True when <paramref name="words"/> is empty or occurs in <paramref name="text"/>.</summary>
    public static bool Contains(string? text, string? words)
    {
        if (string.IsNullOrWhiteSpace(words))
        {
            return true;
        }
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        // Đ and đ carry no combining mark, so ignoring accents alone would not match them with a typed D.
        var needle = Fold(words.Trim().Normalize());
        return Compare.IndexOf(Fold(text.Normalize()), needle, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0;
    }

    private static string Fold(string text) => text.Replace('đ', 'd').Replace('Đ', 'D');
}
