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

    [GeneratedRegex(@"^(theo|thuc hien|phuc dap|can cu|tra loi|trien khai)\b.*[0-9]+\s*/\s*\S")]
    private static partial Regex RequestLine();

    public static bool IsNumberLine(string folded) => NumberLine().IsMatch(folded);

    public static bool IsSubject(string folded) => folded.StartsWith("v/v", StringComparison.Ordinal);

    public static bool IsRecipients(string folded) => folded.StartsWith("kinh gui", StringComparison.Ordinal);

    public static bool IsDistribution(string folded) => folded.StartsWith("noi nhan", StringComparison.Ordinal);

    /// <summary>"PHỤ LỤC", "PHỤ LỤC II", "Phụ lục kèm theo…": the heading of the appendix, never a person's name.</summary>
    public static bool IsAppendixHeading(string folded) =>
        folded == "phu luc" || folded.StartsWith("phu luc ", StringComparison.Ordinal);

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

    /// <summary>
    /// A line of the issuing-body block in any case: upper case as typed in most letters, or opening with a body
    /// word ("Ubnd huyện Bình Sơn", "Sở Y tế"), or carrying on the line above it ("SỞ THÔNG TIN VÀ" / "TRUYỀN THÔNG").
    /// Titles ("BÁO CÁO …", "PHỤ LỤC") are not bodies even in capitals. <paramref name="previous"/> is the block's
    /// line above, if any.
    /// </summary>
    public static bool IsBodyLine(string text, string? previous)
    {
        var key = MatchKey.Of(text);
        if (text.Length > 120 || text.Count(char.IsLetter) < 3 || TitleWords.Any(w => StartsWithWord(key, w)))
        {
            return false;
        }
        if (previous is not null && (JoinsNext(previous) || StartsWithJoiner(text)))
        {
            return true;
        }
        return IsIssuingBody(text) || StartsWithBodyWord(key);
    }

    /// <summary>
    /// Joins the block's lines into bodies, top to bottom: a line ending in "Ủy ban nhân dân", "và", a comma or a dash
    /// runs on into the next, as does a line that names no body of its own under a department's first line. The last
    /// body is the issuer; the one above it, if any, governs it.
    /// </summary>
    public static IReadOnlyList<(string Text, int FirstLine)> JoinBodies(IReadOnlyList<string> lines)
    {
        var bodies = new List<(string Text, int FirstLine)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }
            if (bodies.Count > 0)
            {
                var above = bodies[^1].Text;
                var wrapped = !StartsWithBodyWord(MatchKey.Of(line)) && !IsCouncilName(above);
                if (JoinsNext(above) || StartsWithJoiner(line) || wrapped)
                {
                    bodies[^1] = (above + " " + line, bodies[^1].FirstLine);
                    continue;
                }
            }
            bodies.Add((line, i));
        }
        return bodies;
    }

    /// <summary>The governing body and the issuing body of a block's lines, e.g. ("UBND TỈNH QUẢNG NGÃI", "SỞ CÔNG THƯƠNG").</summary>
    public static (string? Governing, string? Issuing) SplitBlock(IReadOnlyList<string> lines)
    {
        var bodies = JoinBodies(lines);
        return bodies.Count switch
        {
            0 => (null, null),
            1 => (null, bodies[0].Text),
            _ => (bodies[^2].Text, bodies[^1].Text),
        };
    }

    // Words a body's name opens with (folded, punctuation dropped). Only lines in the top-left block are tested.
    private static readonly string[] BodyWords =
    [
        "so", "ubnd", "uy ban", "van phong", "vp", "ban", "huyen", "thi xa", "thanh pho", "tp", "tx", "phong",
        "trung tam", "tinh", "thanh tra", "chi cuc", "cuc", "bo", "cong an", "hoi dong", "hdnd", "kho bac",
        "chi nhanh", "benh vien", "dai", "lien doan", "mat tran", "xa", "phuong", "thi tran",
    ];

    private static readonly string[] TitleWords =
    [
        "bao cao", "bieu mau", "phu luc", "mau so", "ke hoach", "to trinh", "thong bao", "danh sach", "tong hop",
        "cong van", "quyet dinh", "ve viec", "v v", "kinh gui", "noi nhan", "cong hoa", "doc lap",
    ];

    private static readonly string[] CouncilWords = ["ubnd", "uy ban nhan dan", "hdnd", "hoi dong nhan dan"];

    // Narrower than BodyWords on purpose: a signer's name such as "Quan Văn Tú" or "Phương Thị Lan" is not a body.
    private static readonly string[] SignerBodyWords = ["so ", "ubnd", "uy ban", "huyen ", "thi xa", "thanh pho", "van phong", "ban ", "tinh ", "thanh tra", "phong "];

    public static bool NamesABody(string folded) => SignerBodyWords.Any(w => folded.StartsWith(w, StringComparison.Ordinal));

    private static bool StartsWithBodyWord(string key) => BodyWords.Any(w => StartsWithWord(key, w));

    private static bool StartsWithWord(string key, string word) =>
        key.StartsWith(word, StringComparison.Ordinal) && (key.Length == word.Length || key[word.Length] == ' ');

    /// <summary>"ỦY BAN NHÂN DÂN", "VĂN PHÒNG UBND" or a trailing "và", comma or dash: the name goes on below.</summary>
    private static bool JoinsNext(string line)
    {
        var key = MatchKey.Of(line);
        var trimmed = line.TrimEnd();
        return CouncilWords.Any(w => key == w || key.EndsWith(" " + w, StringComparison.Ordinal))
            || key.EndsWith(" va", StringComparison.Ordinal)
            || trimmed.EndsWith(',') || trimmed.EndsWith('-') || trimmed.EndsWith('–') || trimmed.EndsWith('&');
    }

    private static bool StartsWithJoiner(string line)
    {
        var trimmed = line.TrimStart();
        return StartsWithWord(MatchKey.Of(line), "va") || trimmed.StartsWith('&');
    }

    /// <summary>A people's committee or council with its place ("UBND TỈNH QUẢNG NGÃI"): complete on one line.</summary>
    private static bool IsCouncilName(string line)
    {
        var key = MatchKey.Of(line);
        return CouncilWords.Any(w => StartsWithWord(key, w));
    }

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
