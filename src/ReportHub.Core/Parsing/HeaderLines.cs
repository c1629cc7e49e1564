using System.Text.RegularExpressions;

namespace ReportHub.Core.Parsing;

/// <summary>Recognisers for the lines of an official document's header and signature block.</summary>
public static partial class HeaderLines
{
    private static readonly string[] SignerTitles =
    [
        "giam doc", "pho giam doc", "chu tich", "pho chu tich", "chanh van phong", "pho chanh van phong",
        "truong ban", "pho truong ban", "chanh thanh tra", "pho chanh thanh tra", "thu truong don vi",
        "thu truong co quan", "truong phong", "pho truong phong", "nguoi lap bieu", "nguoi lap",
    ];

    [GeneratedRegex(@"^(kt|tm|tl|tuq|q)\s*\.\s*\S")]
    private static partial Regex SignerPrefix();

    [GeneratedRegex(@"^so\s*:")]
    private static partial Regex NumberLine();

    [GeneratedRegex(@"^(theo|thuc hien|phuc dap|can cu|tra loi|trien khai)\b.*\d+\s*/\s*\S")]
    private static partial Regex RequestLine();

    public static bool IsNumberLine(string folded) => NumberLine().IsMatch(folded);

    public static bool IsSubject(string folded) => folded.StartsWith("v/v", StringComparison.Ordinal);

    public static bool IsRecipients(string folded) => folded.StartsWith("kinh gui", StringComparison.Ordinal);

    public static bool IsDistribution(string folded) => folded.StartsWith("noi nhan", StringComparison.Ordinal);

    public static bool IsMotto(string folded) =>
        folded.StartsWith("cong hoa xa hoi chu nghia", StringComparison.Ordinal)
        || folded.StartsWith("doc lap", StringComparison.Ordinal);

    public static bool IsRequest(string folded) =>
        RequestLine().IsMatch(folded) || (folded.Contains("cong van so", StringComparison.Ordinal) && folded.Contains('/', StringComparison.Ordinal));

    public static bool IsSignerTitle(string folded)
    {
        var key = MatchKey.Of(folded);
        return SignerPrefix().IsMatch(folded) || SignerTitles.Contains(key);
    }

    public static bool IsSignatureNote(string folded) => folded.StartsWith("(ky", StringComparison.Ordinal) || folded.StartsWith("(da ky", StringComparison.Ordinal);

    /// <summary>An upper-case line such as "UBND TỈNH QUẢNG NGÃI" or "SỞ CÔNG THƯƠNG".</summary>
    public static bool IsIssuingBody(string text)
    {
        var letters = text.Where(char.IsLetter).ToList();
        return letters.Count >= 3 && text.Length <= 100 && letters.All(c => !char.IsLower(c));
    }

    private static readonly string[] BodyWords = ["so ", "ubnd", "uy ban", "huyen ", "thi xa", "thanh pho", "van phong", "ban ", "tinh ", "thanh tra", "phong "];

    public static bool NamesABody(string folded) => BodyWords.Any(w => folded.StartsWith(w, StringComparison.Ordinal));

    /// <summary>A person's name under a signature: two to six capitalised words, no digits.</summary>
    public static bool LooksLikeName(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 2 and <= 6 && text.Length <= 50 && !text.Any(char.IsDigit)
            && words.All(w => char.IsUpper(w[0]));
    }

    /// <summary>Splits "- A. - B." or one recipient per line into the recipients, without the dashes.</summary>
    public static IReadOnlyList<string> SplitList(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        var result = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            // A dash starts a new item only at the start or after punctuation: "Lao động - Thương binh" stays whole.
            foreach (var part in ListSplit().Split(line))
            {
                var item = part.Trim().TrimStart('-', '–', '•', '+', '*').Trim().TrimEnd(';', '.', ',').Trim();
                if (item.Length > 0)
                {
                    result.Add(item);
                }
            }
        }
        return result;
    }

    [GeneratedRegex(@"(?<=[\.;,:])\s*[-–•+]\s+")]
    private static partial Regex ListSplit();

    public static string AfterColon(string text)
    {
        var i = text.IndexOf(':', StringComparison.Ordinal);
        return i < 0 ? "" : text[(i + 1)..].Trim();
    }
}
