using System.Globalization;
using System.Text;

namespace ReportHub.Integration.Tests.Structure;

/// <summary>
/// One word per idea in everything a person reads: the unit type of the province's departments is "Sở, ban, ngành"
/// and a report not yet sent is "Chưa gửi" (see <c>Terms</c> in Core), on every page, export, CLI line and message.
/// Scans the text of the Razor pages and scripts and the string literals of the C# sources.
/// </summary>
public sealed class TerminologyTests
{
    /// <summary>A variant, and the term to write instead.</summary>
    private static readonly (string Variant, string Term)[] Banned =
    [
        ("sở ngành", "Sở, ban, ngành"),
        ("sở, ngành", "Sở, ban, ngành"),
        ("sở/ngành", "Sở, ban, ngành"),
        ("sở - ngành", "Sở, ban, ngành"),
        ("sở-ngành", "Sở, ban, ngành"),
        ("sở ban ngành", "Sở, ban, ngành"),
        ("sở, ban ngành", "Sở, ban, ngành"),
        ("sở/ban/ngành", "Sở, ban, ngành"),
        ("chưa nộp", "Chưa gửi"),
        ("chưa báo cáo", "Chưa gửi"),
        ("không nộp", "Chưa gửi"),
        // "Khóa" is the lock on an account; a key for scripts must never share its word.
        ("khóa API", "mã truy cập API"),
    ];

    /// <summary>Whole texts that name a missing report by another word.</summary>
    private static readonly string[] BannedLabels = ["Thiếu", "Thiếu báo cáo", "Chưa có báo cáo"];

    [Fact]
    public void UserFacingTextUsesOneTermPerIdea()
    {
        var src = Path.Combine(RepoPaths.Root, "src");
        var found = Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(src, f).Replace('\\', '/').Split('/').Any(p => p is "bin" or "obj"))
            .Where(f => Path.GetExtension(f) is ".cs" or ".cshtml" or ".js")
            .SelectMany(f => Findings(Path.GetRelativePath(RepoPaths.Root, f), File.ReadAllText(f), Path.GetExtension(f) == ".cs"))
            .ToList();

        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }

    [Theory]
    [InlineData("var s = \"Các sở ngành đã gửi\";", true)]
    [InlineData("var s = $\"{n} đơn vị chưa nộp\";", true)]
    [InlineData("var s = @\"Sở/ngành\";", true)]
    [InlineData("var s = \"\"\"\n  Đơn vị chưa báo cáo\n  \"\"\";", true)]
    [InlineData("UnitStatuses.Missing => \"Thiếu\",", true)]
    [InlineData("var s = \"Sở, ban, ngành; Chưa gửi\";", false)]
    [InlineData("// A comment may say chưa nộp: no one reads it on a page.", false)]
    [InlineData("/* sở ngành */ var c = '\"'; var s = \"Chưa gửi\";", false)]
    [InlineData("var s = \"Thiếu cột “Tên”\";", false)]
    public void ScanFindsVariantsInLiteralsAndNotInComments(string code, bool flagged) =>
        Assert.Equal(flagged, Findings("x.cs", code, csharp: true).Any());

    [Theory]
    [InlineData("<span class=\"stat-label\">Chưa nộp</span>", true)]
    [InlineData("<td>Thiếu</td>", true)]
    [InlineData("<label>Sở, ban, ngành</label>", false)]
    public void ScanReadsEveryTextOfAPage(string html, bool flagged) =>
        Assert.Equal(flagged, Findings("x.cshtml", html, csharp: false).Any());

    private static IEnumerable<string> Findings(string file, string content, bool csharp)
    {
        foreach (var text in csharp ? StringLiterals(content) : [content])
        {
            var folded = text.Normalize(NormalizationForm.FormC);
            foreach (var (variant, term) in Banned)
            {
                if (CultureInfo.InvariantCulture.CompareInfo.IndexOf(folded, variant, CompareOptions.IgnoreCase) >= 0)
                {
                    yield return $"{file}: “{variant}” in “{Excerpt(folded, variant)}”; write “{term}”";
                }
            }
            foreach (var label in BannedLabels)
            {
                if (csharp ? folded.Trim() == label : folded.Contains(">" + label + "<", StringComparison.Ordinal))
                {
                    yield return $"{file}: the label “{label}”; write “Chưa gửi”";
                }
            }
        }
    }

    private static string Excerpt(string text, string variant)
    {
        var at = CultureInfo.InvariantCulture.CompareInfo.IndexOf(text, variant, CompareOptions.IgnoreCase);
        var start = Math.Max(0, at - 30);
        return text.Substring(start, Math.Min(text.Length - start, variant.Length + 60)).ReplaceLineEndings(" ");
    }

    /// <summary>
    /// The contents of C#'s string literals (regular, verbatim, interpolated and raw), skipping comments and char
    /// literals; enough of the language for the repository's own sources.
    /// </summary>
    private static List<string> StringLiterals(string code)
    {
        var literals = new List<string>();
        var i = 0;
        while (i < code.Length)
        {
            var c = code[i];
            if (c == '/' && i + 1 < code.Length && code[i + 1] == '/')
            {
                i = code.IndexOf('\n', i) is var end and >= 0 ? end : code.Length;
            }
            else if (c == '/' && i + 1 < code.Length && code[i + 1] == '*')
            {
                i = code.IndexOf("*/", i + 2, StringComparison.Ordinal) is var end and >= 0 ? end + 2 : code.Length;
            }
            else if (c == '\'')
            {
                // A char literal: '"' must not open a string.
                i += i + 2 < code.Length && code[i + 1] == '\\' ? 4 : 3;
                while (i < code.Length && code[i - 1] != '\'')
                {
                    i++;
                }
            }
            else if (c == '"')
            {
                var verbatim = i > 0 && (code[i - 1] == '@' || (i > 1 && code[i - 1] == '$' && code[i - 2] == '@'));
                var quotes = 0;
                while (i + quotes < code.Length && code[i + quotes] == '"')
                {
                    quotes++;
                }
                if (quotes >= 3)
                {
                    var close = code.IndexOf(new string('"', quotes), i + quotes, StringComparison.Ordinal);
                    var end = close < 0 ? code.Length : close;
                    literals.Add(code[(i + quotes)..end]);
                    i = close < 0 ? code.Length : close + quotes;
                }
                else if (quotes == 2)
                {
                    i += 2;
                }
                else
                {
                    var text = new StringBuilder();
                    i++;
                    while (i < code.Length)
                    {
                        if (!verbatim && code[i] == '\\' && i + 1 < code.Length)
                        {
                            text.Append(code[i + 1]);
                            i += 2;
                        }
                        else if (code[i] == '"' && verbatim && i + 1 < code.Length && code[i + 1] == '"')
                        {
                            text.Append('"');
                            i += 2;
                        }
                        else if (code[i] == '"' || (!verbatim && code[i] == '\n'))
                        {
                            i++;
                            break;
                        }
                        else
                        {
                            text.Append(code[i]);
                            i++;
                        }
                    }
                    literals.Add(text.ToString());
                }
            }
            else
            {
                i++;
            }
        }
        return literals;
    }
}
