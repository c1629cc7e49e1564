using System.Text;
using ReportHub.Core.Text;

namespace ReportHub.Core.Parsing;

/// <summary>
/// A folded form with punctuation dropped, so "Số, ngày ban hành văn bản:" and "SỐ NGÀY BAN HÀNH VĂN BẢN" meet.
/// </summary>
public static class MatchKey
{
    public static string Of(string? text)
    {
        var folded = VietnameseText.Fold(text);
        var sb = new StringBuilder(folded.Length);
        var space = false;
        foreach (var ch in folded)
        {
            if (char.IsLetterOrDigit(ch))
            {
                if (space && sb.Length > 0)
                {
                    sb.Append(' ');
                }
                sb.Append(ch);
                space = false;
            }
            else
            {
                space = true;
            }
        }
        return sb.ToString();
    }
}
