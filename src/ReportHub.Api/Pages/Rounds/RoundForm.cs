using System.Globalization;
using ReportHub.Core.Domain;
using ReportHub.Pipeline.Rounds;

namespace ReportHub.Api.Pages.Rounds;

/// <summary>
/// A round's form as the browser posts it, for opening a round and for editing one; dates as the date input sends
/// them (yyyy-MM-dd). <see cref="Previewed"/> is the list of units the analyst was shown, so saving checks that what
/// is saved is what was seen.
/// </summary>
public sealed record RoundForm
{
    public string? Code { get; init; }
    public string? Title { get; init; }
    public string? Template { get; init; }
    public string? RequestDocument { get; init; }
    public string? RequestDate { get; init; }
    public string? Deadline { get; init; }

    // A List, not an initialised read-only list: the binder adds the ticked boxes into an existing collection, and
    // an empty array takes none, which left every round on the default types whatever was ticked.
    public List<string> Types { get; init; } = [];

    public string? Parents { get; init; }
    public string? Units { get; init; }
    public string? Previewed { get; init; }

    /// <summary>No type ticked, no parent and no unit named: the form chose nobody.</summary>
    public bool ChoosesNothing => Types.Count == 0 && Split(Parents) is null && Split(Units) is null;

    public RoundDraft ToDraft() => new()
    {
        // Every field is posted: an emptied box is a missing value, which the checks name, not "keep as is".
        Code = Code,
        Title = Title ?? "",
        Template = Template,
        RequestDocument = RequestDocument ?? "",
        RequestDate = RequestDate ?? "",
        Deadline = Deadline ?? "",
        Expected = new RoundExpectation
        {
            Types = Types.Count > 0 ? Types : null,
            Parents = Split(Parents),
            Units = Split(Units),
        },
    };

    /// <summary>The stored round as its form: exactly the rule it was saved with, or its units when it has no rule.</summary>
    public static RoundForm Of(Round round)
    {
        ArgumentNullException.ThrowIfNull(round);
        var rule = round.Expected is { IsEmpty: false } expected ? expected : null;
        return new RoundForm
        {
            Code = round.Code,
            Title = round.Title,
            Template = round.Template,
            RequestDocument = round.RequestDocument,
            RequestDate = round.RequestDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Deadline = round.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Types = [.. rule?.Types ?? []],
            Parents = rule?.Parents is { Count: > 0 } parents ? string.Join(", ", parents) : null,
            Units = rule is null ? string.Join(", ", round.ExpectedUnits)
                : rule.Units is { Count: > 0 } units ? string.Join(", ", units) : null,
        };
    }

    /// <summary>The units shown in a preview, as carried in <see cref="Previewed"/>.</summary>
    public static string Join(IEnumerable<string> units) => string.Join(",", units);

    public static List<string>? Split(string? text) =>
        text?.Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } parts ? [.. parts] : null;

    /// <summary>The form's label for a problem's field (the API's camelCase name), so a page names fields as it shows them.</summary>
    public static string Label(string field) => field switch
    {
        "code" => "Mã đợt",
        "title" => "Tên đợt",
        "template" => "Biểu mẫu",
        "requestDocument" => "Số, ký hiệu công văn yêu cầu",
        "requestDate" => "Ngày công văn",
        "deadline" => "Hạn nộp báo cáo",
        "expected.types" => "Loại đơn vị",
        "expected.parents" => "Mã đơn vị cấp trên",
        "expected.units" => "Danh sách mã đơn vị",
        "expected" => "Đơn vị phải báo cáo",
        "closed" => "Trạng thái đợt",
        _ => "Đợt báo cáo",
    };

    /// <summary>The id of the input a problem's field is typed in, on both round forms.</summary>
    public static string InputId(string field) => field switch
    {
        "code" => "round-code",
        "title" => "round-title",
        "template" => "round-template",
        "requestDocument" => "round-document",
        "requestDate" => "round-request-date",
        "deadline" => "round-deadline",
        "expected.parents" => "round-parents",
        "expected.units" => "round-units",
        _ => "round-type-" + UnitTypes.Department,
    };
}
