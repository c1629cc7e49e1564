using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportHub.Aggregate.Export;
using ReportHub.Aggregate.Rollups;
using ReportHub.Api.Access;
using ReportHub.Api.Entry;
using ReportHub.Api.Web;
using ReportHub.Core.Templates;
using ReportHub.Pipeline.Ingestion;

namespace ReportHub.Api.Pages;

/// <summary>One message of the answer, linked to the input of the form it is about.</summary>
public sealed record EntryMessage
{
    public required int Number { get; init; }
    public required IssueDto Issue { get; init; }

    /// <summary>The id of the input (or section) the message is about; null for the report as a whole.</summary>
    public string? Target { get; init; }

    /// <summary>What the link says: the section, row and column in the form's words.</summary>
    public string? Place { get; init; }

    public string Anchor => $"issue-{Number}";
    public bool IsError => Issue.Severity == "error";
}

/// <summary>
/// The report filled in on a page (<c>/unit/entry?round=…&amp;unit=…</c>): a form laid out from the round's template
/// version, rows added and removed by posting the form back, a draft kept on the server, and the check and the send
/// through <see cref="EntryService"/>, the path of <c>POST /api/submissions/entry</c>.
/// </summary>
[Authorize(Policy = AccessRegistration.UploadPolicy)]
public sealed class EntryModel(EntryService entries, RollupService rollups) : PageModel
{
    public const string SaveAction = "save";
    public const string CheckAction = "check";
    public const string SendAction = "send";
    public const string AddPrefix = "add:";
    public const string RemovePrefix = "remove:";

    /// <summary>Rows a table shows when nothing was typed yet.</summary>
    public const int StartingRows = 2;

    public EntryForm Form { get; private set; } = new();
    public TemplateDefinition Template => Form.Template!;
    public Dictionary<string, List<Dictionary<string, string>>> Tables { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> Narratives { get; } = new(StringComparer.Ordinal);
    public string? Notice { get; private set; }
    public string? FocusId { get; private set; }
    public bool Posted { get; private set; }
    public bool DryRun { get; private set; }
    public IngestResult? Result { get; private set; }
    public UploadHeadline? Headline { get; private set; }
    public IReadOnlyList<ReadFigure>? Figures { get; private set; }
    public IReadOnlyList<EntryMessage> Messages { get; private set; } = [];
    public IReadOnlyList<EntryError> Errors { get; private set; } = [];

    /// <summary>The messages about each input, by the input's id.</summary>
    public IReadOnlyDictionary<string, List<EntryMessage>> ByInput { get; private set; } = new Dictionary<string, List<EntryMessage>>();

    public static string InputId(string section, int row, string column) => $"f-{section}-{row}-{column}";

    public static string NarrativeId(string section) => $"f-{section}";

    public static IEnumerable<ColumnDefinition> Inputs(TableDefinition table) => table.Columns.Where(c => c.Type != ColumnType.Ordinal);

    public async Task<IActionResult> OnGetAsync(string? round, string? unit, CancellationToken ct)
    {
        if (await LoadAsync(round, unit, ct) is { } refused)
        {
            return refused;
        }
        if (await entries.DraftAsync(Form.Round!.Code, Form.Unit!.Code, ct) is { } draft)
        {
            Fill(draft.Values);
            Notice = $"Đã mở bản nháp lưu lúc {Display.Time(draft.SavedAt)}. Sửa tiếp rồi bấm “Gửi báo cáo”.";
        }
        else
        {
            Fill(new FormValues());
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? round, string? unit, string? action, CancellationToken ct)
    {
        if (await LoadAsync(round, unit, ct) is { } refused)
        {
            return refused;
        }
        Posted = true;
        ReadPosted();
        var values = Values();
        action ??= SaveAction;
        if (action.StartsWith(AddPrefix, StringComparison.Ordinal))
        {
            var key = action[AddPrefix.Length..];
            if (Tables.TryGetValue(key, out var rows) && rows.Count < EntryLimits.MaxRows)
            {
                rows.Add(new Dictionary<string, string>(StringComparer.Ordinal));
                if (Template.Section(key)?.Table is { } table && Inputs(table).FirstOrDefault() is { } first)
                {
                    FocusId = InputId(key, rows.Count, first.Key);
                }
            }
            return Page();
        }
        if (action.StartsWith(RemovePrefix, StringComparison.Ordinal))
        {
            var parts = action[RemovePrefix.Length..].Split(':');
            if (parts.Length == 2 && Tables.TryGetValue(parts[0], out var rows) && int.TryParse(parts[1], out var index) && index >= 1 && index <= rows.Count)
            {
                rows.RemoveAt(index - 1);
            }
            return Page();
        }
        if (action == SaveAction)
        {
            var at = await entries.SaveDraftAsync(User, Form.Round!.Code, Form.Unit!.Code, values, ct);
            Notice = $"Đã lưu bản nháp lúc {Display.Time(at)}. Lần sau mở trang này, các số liệu đã nhập sẽ hiện lại.";
            return Page();
        }
        DryRun = action == CheckAction;
        var request = new EntryRequest { Round = Form.Round!.Code, Unit = Form.Unit!.Code, Values = values, DryRun = DryRun };
        var outcome = await entries.SubmitAsync(User, request, Form.Unit.Code, ct);
        if (outcome.Failure == EntryFailure.Invalid)
        {
            Errors = outcome.Errors;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        if (outcome.Upload!.Refusal is { } refusal)
        {
            Headline = UploadHeadline.Refused(refusal);
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        Result = outcome.Upload.Result!;
        Messages = outcome.Issues.Select((issue, i) => Message(i + 1, issue)).ToList();
        ByInput = Messages.Where(m => m.Target is not null).GroupBy(m => m.Target!).ToDictionary(g => g.Key, g => g.ToList());
        Headline = HeadlineOf(Result, Messages, DryRun);
        if (!Result.Rejected)
        {
            Figures = ReadFigures.Of(await rollups.DefinitionAsync(Form.Round, ct), Result.Figures);
        }
        if (Result.Rejected)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        return Page();
    }

    /// <summary>The upload's headline, except that errors on the form's inputs are to be fixed here, not in Excel.</summary>
    private static UploadHeadline HeadlineOf(IngestResult result, IReadOnlyList<EntryMessage> messages, bool dryRun)
    {
        var headline = UploadHeadline.Of(result, grid: null, dryRun);
        var errors = messages.Count(m => m.IsError);
        var onInputs = messages.Count(m => m.IsError && m.Target is not null && !AboutTheReport(m.Issue.Code));
        if (result.Rejected && onInputs > 0)
        {
            return new UploadHeadline
            {
                Kind = "cells",
                Tone = "notice-error",
                Title = dryRun ? $"Kiểm tra thử: có {errors} lỗi" : $"Báo cáo chưa được nhận: có {errors} lỗi",
                Detail = $"Hãy sửa các ô được đánh dấu trong biểu mẫu bên dưới ({onInputs} ô; bấm vào từng lời nhắn để tới ô của nó)"
                    + (errors > onInputs ? " và các lỗi còn lại trong danh sách" : "") + " rồi bấm “Gửi báo cáo” lại.",
            };
        }
        if (dryRun && !result.Rejected && result.Status != "duplicate")
        {
            return headline with { Detail = "Bấm “Gửi báo cáo” ở cuối biểu mẫu để gửi đúng các số liệu này." };
        }
        return headline;
    }

    private static bool AboutTheReport(string code) =>
        code.StartsWith("file.", StringComparison.Ordinal) || code.StartsWith("round.", StringComparison.Ordinal)
        || code.StartsWith("unit.", StringComparison.Ordinal) || code.StartsWith("template.", StringComparison.Ordinal);

    private EntryMessage Message(int number, LocatedIssue located)
    {
        var place = located.Place;
        string? target = null;
        string? words = null;
        if (place is { Field: { } field })
        {
            target = field == "round" ? "entry-round" : "entry-unit";
            words = field == "round" ? "Đợt báo cáo" : "Đơn vị báo cáo";
        }
        else if (place is { Section: { } key } && Template.Section(key) is { } section)
        {
            var heading = $"Mục {section.Number}";
            if (section.Table is { } table && place.Row is { } row && table.Column(place.Column ?? "") is { } column)
            {
                var input = column.Type == ColumnType.Ordinal ? Inputs(table).FirstOrDefault() : column;
                target = input is null ? $"s-{key}" : InputId(key, row, input.Key);
                words = $"{heading}, dòng {row}, cột “{column.Header}”";
            }
            else if (section.Table is { } headed && place.Column is { } headerKey && headed.Column(headerKey) is { } header)
            {
                target = $"s-{key}";
                words = $"{heading}, cột “{header.Header}”";
            }
            else
            {
                target = section.IsNarrative ? NarrativeId(key) : $"s-{key}";
                words = heading;
            }
        }
        return new EntryMessage { Number = number, Issue = located.Issue, Target = target, Place = words };
    }

    private async Task<IActionResult?> LoadAsync(string? round, string? unit, CancellationToken ct)
    {
        var code = User.BoundUnit() ?? unit;
        if (User.IsDepartment() && unit is not null && unit != code)
        {
            return Redirect("/forbidden");
        }
        if (string.IsNullOrWhiteSpace(round) || string.IsNullOrWhiteSpace(code))
        {
            return NotFound();
        }
        Form = await entries.FormAsync(round, code, ct);
        return Form.Failure == EntryFailure.None ? null : NotFound();
    }

    private void Fill(FormValues values)
    {
        foreach (var section in Template.Sections)
        {
            if (section.Table is not null)
            {
                var rows = values.Tables.TryGetValue(section.Key, out var typed)
                    ? typed.Select(r => new Dictionary<string, string>(r, StringComparer.Ordinal)).ToList()
                    : [];
                while (rows.Count < StartingRows && !values.Tables.ContainsKey(section.Key))
                {
                    rows.Add(new Dictionary<string, string>(StringComparer.Ordinal));
                }
                Tables[section.Key] = rows;
            }
            else
            {
                Narratives[section.Key] = values.Narratives.GetValueOrDefault(section.Key) ?? "";
            }
        }
    }

    /// <summary>The values as posted: each table's rows by <c>rows.KEY</c>, each input by <c>v.KEY.ROW.COLUMN</c>.</summary>
    private void ReadPosted()
    {
        var form = Request.Form;
        foreach (var section in Template.Sections)
        {
            if (section.Table is { } table)
            {
                var count = int.TryParse(form[$"rows.{section.Key}"], out var n) ? Math.Clamp(n, 0, EntryLimits.MaxRows) : 0;
                var rows = new List<Dictionary<string, string>>(count);
                for (var r = 1; r <= count; r++)
                {
                    var row = new Dictionary<string, string>(StringComparer.Ordinal);
                    foreach (var column in Inputs(table))
                    {
                        var text = form[$"v.{section.Key}.{r}.{column.Key}"].ToString();
                        if (text.Length > 0)
                        {
                            row[column.Key] = text;
                        }
                    }
                    rows.Add(row);
                }
                Tables[section.Key] = rows;
            }
            else
            {
                Narratives[section.Key] = form[$"n.{section.Key}"].ToString();
            }
        }
    }

    private FormValues Values() => new()
    {
        Tables = Tables.ToDictionary(t => t.Key,
            t => (IReadOnlyList<IReadOnlyDictionary<string, string>>)t.Value.Select(r => (IReadOnlyDictionary<string, string>)r).ToList(),
            StringComparer.Ordinal),
        Narratives = Narratives.Where(n => n.Value.Length > 0).ToDictionary(n => n.Key, n => n.Value, StringComparer.Ordinal),
    };
}
