using System.Globalization;
using System.Text;

namespace ReportHub.Api.Web;

/// <summary>
/// The pages' search boxes: case never matters; words typed without accents match whatever the accents ("so y te"
/// finds "Sở Y tế"), while words typed with accents match those accents ("sở" finds "Sở Y tế", not "Sơn Hà").
/// </summary>
public static class TextSearch
{
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
        var typed = words.Trim().Normalize(NormalizationForm.FormC).ToLowerInvariant();
        var folded = Fold(typed);
        return folded == typed
            ? Fold(text).Contains(folded, StringComparison.Ordinal)
            : text.Normalize(NormalizationForm.FormC).ToLowerInvariant().Contains(typed, StringComparison.Ordinal);
    }

    /// <summary>
    /// Lower case without marks. Not a culture's comparison: Vietnamese collation counts ư, ơ, â, ă, ê, ô and đ as
    /// letters of their own, so "cong thuong" would not find "Công Thương", which is what people type.
    /// </summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c switch { 'đ' or 'Đ' => 'd', _ => char.ToLowerInvariant(c) });
            }
        }
        return folded.ToString();
    }
}
