using System.Globalization;
using System.Text.RegularExpressions;
using ReportHub.Core.Domain;
using ReportHub.Core.Text;

namespace ReportHub.Pipeline.Rounds;

/// <summary>
/// Checks a draft against the registry, the templates and the rounds that exist, and chooses its expected units.
/// Every problem is reported at once, so the analyst fixes the command or form in one go.
/// </summary>
public static partial class RoundPlanner
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];

    /// <summary>
    /// The dates a round may carry. Beyond them a date is a typing slip, and arithmetic on the deadline (the day after,
    /// days overdue) would overflow at 9999-12-31.
    /// </summary>
    public static readonly DateOnly FirstDate = new(2000, 1, 1);

    public static readonly DateOnly LastDate = new(2100, 12, 31);

    /// <summary>The most units a round may name one by one; the province has a few hundred.</summary>
    public const int MaxNamedUnits = 2_000;

    /// <summary>The most problems listed for one draft; the rest are counted in one last line.</summary>
    public const int MaxProblems = 20;

    /// <param name="knownTemplates">The template ids a round may use; null accepts any id (samples name templates that may come later).</param>
    public static (Round? Round, IReadOnlyList<RoundProblem> Problems) Plan(
        RoundDraft draft, IReadOnlyList<Unit> units, IReadOnlyList<Round> rounds, IReadOnlyCollection<string>? knownTemplates)
    {
        var (round, problems) = PlanAll(draft, units, rounds, knownTemplates);
        return (round, Bounded(problems));
    }

    /// <summary>
    /// The first <see cref="MaxProblems"/> problems and one line counting the rest: a body naming thousands of unknown
    /// units would otherwise answer megabytes nobody reads.
    /// </summary>
    public static IReadOnlyList<RoundProblem> Bounded(IReadOnlyList<RoundProblem> problems)
    {
        if (problems.Count <= MaxProblems)
        {
            return problems;
        }
        var rest = problems.Count - MaxProblems;
        return [.. problems.Take(MaxProblems), new(problems[MaxProblems].Field, $"và {rest.ToString("N0", Vietnamese)} lỗi khác. Hãy sửa các lỗi trên rồi gửi lại để xem tiếp.")];
    }

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private static (Round? Round, List<RoundProblem> Problems) PlanAll(
        RoundDraft draft, IReadOnlyList<Unit> units, IReadOnlyList<Round> rounds, IReadOnlyCollection<string>? knownTemplates)
    {
        var problems = new List<RoundProblem>();
        var code = VietnameseText.Clean(draft.Code);
        if (code.Length == 0)
        {
            problems.Add(new("code", "Chưa nhập mã đợt. Hãy đặt một mã ngắn, ví dụ 2025-Q3."));
        }
        else if (!CodePattern().IsMatch(code))
        {
            problems.Add(new("code", $"Mã đợt “{code}” không hợp lệ: chỉ dùng chữ cái không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới, tối đa 64 ký tự (ví dụ 2025-Q3)."));
        }
        // The one cleaner first: Normalize throws on U+FFFE or a lone surrogate, and PostgreSQL refuses a NUL.
        var title = VietnameseText.Clean(draft.Title);
        if (title.Length == 0)
        {
            problems.Add(new("title", "Chưa nhập tên đợt. Hãy ghi tên đợt như trích yếu của công văn yêu cầu báo cáo."));
        }
        var template = VietnameseText.Clean(draft.Template);
        if (template.Length == 0)
        {
            problems.Add(new("template", $"Chưa chọn biểu mẫu. Các biểu mẫu hiện có: {List(knownTemplates)}."));
        }
        else if (knownTemplates is not null && !knownTemplates.Contains(template, StringComparer.Ordinal))
        {
            problems.Add(new("template", $"Không có biểu mẫu “{template}”. Các biểu mẫu hiện có: {List(knownTemplates)}. Hãy chọn một biểu mẫu trong danh sách, hoặc đăng ký biểu mẫu mới trước trên trang Biểu mẫu."));
        }
        var document = CheckDocument(draft.RequestDocument, rounds, problems);
        var requestDate = CheckDate(draft.RequestDate, "requestDate", "ngày công văn yêu cầu báo cáo", problems);
        var deadline = CheckDate(draft.Deadline, "deadline", "hạn nộp báo cáo", problems);
        if (requestDate is { } r && deadline is { } d && d < r)
        {
            problems.Add(new("deadline", $"Hạn nộp {Show(d)} sớm hơn ngày yêu cầu báo cáo {Show(r)}. Hãy kiểm tra lại hạn nộp ghi trong công văn."));
        }
        var expected = CheckExpected(draft.Expected ?? new RoundExpectation(), units, requestDate, document, problems);
        if (problems.Count > 0 || requestDate is null || deadline is null || expected is null)
        {
            return (null, problems);
        }
        var chosen = expected.Select(units, requestDate.Value);
        if (chosen.Count == 0)
        {
            problems.Add(new("expected", $"Không có đơn vị nào đang hoạt động vào ngày {Show(requestDate.Value)} khớp điều kiện đã chọn. Hãy kiểm tra loại đơn vị, đơn vị cấp trên hoặc danh sách đơn vị."));
            return (null, problems);
        }
        return (new Round
        {
            Code = code,
            Title = title,
            Template = template,
            RequestDocument = document,
            RequestDate = requestDate,
            Deadline = deadline.Value,
            Expected = expected,
            ExpectedUnits = chosen,
        }, problems);
    }

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string? CheckDocument(string? text, IReadOnlyList<Round> rounds, List<RoundProblem> problems)
    {
        var document = VietnameseText.Clean(text);
        if (document.Length == 0)
        {
            problems.Add(new("requestDocument", "Chưa nhập số, ký hiệu công văn yêu cầu báo cáo, ví dụ 1234/SKHCN-CĐS."));
            return null;
        }
        if (!Citations.TryParse(document, out var citation) || citation.Number is null)
        {
            problems.Add(new("requestDocument", $"“{document}” không phải số, ký hiệu văn bản. Hãy ghi dạng SỐ/KÝ HIỆU như trên công văn, ví dụ 1234/SKHCN-CĐS: báo cáo trích dẫn công văn này được xếp vào đợt."));
            return null;
        }
        if (rounds.FirstOrDefault(r => r.RequestDocument is not null && Citations.SameDocument(r.RequestDocument, document)) is { } other)
        {
            // A report finds its round by the request it cites; two rounds with one request would make that ambiguous.
            problems.Add(new("requestDocument", $"Công văn {document} đã mở đợt {other.Code} ({other.Title}). Mỗi công văn chỉ mở một đợt, vì báo cáo được xếp vào đợt theo công văn mà nó trích dẫn; hãy kiểm tra lại số, ký hiệu."));
            return null;
        }
        return document;
    }

    private static DateOnly? CheckDate(string? text, string field, string label, List<RoundProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new(field, $"Chưa nhập {label}. Hãy ghi ngày dạng yyyy-MM-dd (2025-10-01) hoặc dd/MM/yyyy (01/10/2025)."));
            return null;
        }
        var date = ParseDate(text);
        if (date is null)
        {
            problems.Add(new(field, $"“{VietnameseText.Clean(text)}” không phải ngày hợp lệ cho {label}. Hãy ghi ngày dạng yyyy-MM-dd (2025-10-01) hoặc dd/MM/yyyy (01/10/2025)."));
            return null;
        }
        if (date < FirstDate || date > LastDate)
        {
            // Null on purpose: the units are not checked against a date that is itself wrong.
            problems.Add(new(field, $"{Capitalized(label)} {Show(date.Value)} phải nằm trong khoảng {FirstDate.Year}–{LastDate.Year} ({Show(FirstDate)} đến {Show(LastDate)}). Hãy kiểm tra lại năm ghi trong công văn."));
            return null;
        }
        return date;
    }

    private static RoundExpectation? CheckExpected(RoundExpectation given, IReadOnlyList<Unit> units, DateOnly? on, string? document, List<RoundProblem> problems)
    {
        var types = Clean(given.Types);
        var parents = Clean(given.Parents);
        var named = Clean(given.Units);
        var before = problems.Count;
        if (named.Count > MaxNamedUnits)
        {
            problems.Add(new("expected.units", $"Danh sách đơn vị có {named.Count.ToString("N0", Vietnamese)} mã khác nhau, quá giới hạn {MaxNamedUnits.ToString("N0", Vietnamese)} đơn vị của một đợt. Hãy chọn theo loại đơn vị hoặc đơn vị cấp trên thay cho liệt kê từng mã."));
            return null;
        }
        foreach (var type in types.Where(t => !UnitTypes.All.Contains(t)))
        {
            problems.Add(new("expected.types", $"Loại đơn vị “{type}” không có. Các loại đơn vị: {string.Join(", ", UnitTypes.All)}."));
        }
        foreach (var parent in parents.Where(p => !units.Any(u => string.Equals(u.Code, p, StringComparison.OrdinalIgnoreCase))))
        {
            problems.Add(new("expected.parents", $"Không có đơn vị cấp trên mã “{parent}” trong danh mục. Hãy kiểm tra mã (ví dụ 51 là tỉnh Quảng Ngãi)."));
        }
        foreach (var code in named)
        {
            var unit = units.FirstOrDefault(u => string.Equals(u.Code, code, StringComparison.OrdinalIgnoreCase));
            if (unit is null)
            {
                problems.Add(new("expected.units", $"Không có đơn vị mã “{code}” trong danh mục. Hãy kiểm tra mã đơn vị (ví dụ 51.SCT, 51.524)."));
            }
            else if (on is { } day && !unit.IsActiveOn(day))
            {
                var successor = unit.Successor is null ? "" : $" Đơn vị kế thừa là {unit.Successor}; hãy chọn đơn vị đó.";
                problems.Add(new("expected.units", $"Đơn vị {unit.Code} ({unit.Name}) không còn hoạt động vào ngày yêu cầu báo cáo {Show(day)}.{successor}"));
            }
        }
        if (problems.Count > before)
        {
            return null;
        }
        if (types.Count == 0 && parents.Count == 0 && named.Count == 0)
        {
            types = [UnitTypes.Department, UnitTypes.District];
        }
        if (types.Count > 0 && parents.Count == 0)
        {
            // The registry holds other provinces' bodies too (to tell their reports apart): a request reaches the
            // bodies of its own province, the one whose department issued it.
            parents = RequesterProvince(document, units, on) is { } province ? [province] : [];
        }
        return new RoundExpectation
        {
            Types = types.Count > 0 ? types : null,
            Parents = parents.Count > 0 ? parents : null,
            Units = named.Count > 0 ? named.Select(c => units.First(u => string.Equals(u.Code, c, StringComparison.OrdinalIgnoreCase)).Code).ToList() : null,
        };
    }

    private static string? RequesterProvince(string? document, IReadOnlyList<Unit> units, DateOnly? on)
    {
        if (document is null || !Citations.TryParse(document, out var citation))
        {
            return null;
        }
        var unit = new UnitMatcher(units).MatchSymbol(citation.Symbol, null, on);
        for (var hops = 0; unit is not null && hops < 8; hops++)
        {
            if (unit.Type == UnitTypes.Province)
            {
                return unit.Code;
            }
            unit = units.FirstOrDefault(u => u.Code == unit.Parent);
        }
        return null;
    }

    private static List<string> Clean(IReadOnlyList<string>? values) =>
        values?.Select(VietnameseText.Clean).Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList() ?? [];

    private static string Capitalized(string label) => char.ToUpper(label[0], Vietnamese) + label[1..];

    private static string List(IReadOnlyCollection<string>? ids) => ids is { Count: > 0 } ? string.Join(", ", ids.Order(StringComparer.Ordinal)) : "chưa có";

    private static string Show(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex CodePattern();
}
