using System.Security.Claims;
using System.Text.Json;
using ReportHub.Aggregate.Export;
using ReportHub.Api.Access;
using ReportHub.Api.Uploads;
using ReportHub.Core.Domain;
using ReportHub.Core.Templates;
using ReportHub.Pipeline.Access;
using ReportHub.Pipeline.Ingestion;
using ReportHub.Pipeline.Sources;
using ReportHub.Warehouse.Entry;
using ReportHub.Warehouse.Reference;
using ReportHub.Warehouse.Templates;

namespace ReportHub.Api.Entry;

public enum EntryFailure
{
    None,
    RoundNotFound,
    UnitNotFound,
    TemplateNotFound,

    /// <summary>The body names sections or columns the round's template does not have, or is too large.</summary>
    Invalid,
}

/// <summary>The round's form for a unit: what the page lays out and the entry is filled into.</summary>
public sealed record EntryForm
{
    public EntryFailure Failure { get; init; }
    public Round? Round { get; init; }
    public Unit? Unit { get; init; }
    public Unit? Province { get; init; }
    public TemplateDefinition? Template { get; init; }
}

/// <summary>An issue of the report with the place on the form it points at, when it points at one.</summary>
public sealed record LocatedIssue
{
    public required IssueDto Issue { get; init; }
    public FormPlace? Place { get; init; }
}

/// <summary>What became of an entry: refused before reading, or the upload's outcome with its issues placed on the form.</summary>
public sealed record EntryOutcome
{
    public EntryFailure Failure { get; init; }
    public IReadOnlyList<EntryError> Errors { get; init; } = [];
    public UploadOutcome? Upload { get; init; }
    public IReadOnlyList<LocatedIssue> Issues { get; init; } = [];
    public EntryForm? Form { get; init; }
}

/// <summary>
/// The one path of a report filled in on a page, from <c>POST /api/submissions/entry</c> and from the form page alike:
/// the round's blank form is filled with the values and sent through the upload's own path, so the codes, checks and
/// figures are the upload's; the cells the issues name are then placed back on the form.
/// </summary>
public sealed class EntryService(ReferenceStore reference, TemplateStore templates, UploadHandler uploads, DraftStore drafts,
    AuditLog audit, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The stored file's name: ASCII codes only, as the blank's, and saying where it came from.</summary>
    public static string FileName(string unit, string round) => $"nhap-truc-tiep-{unit}-{round}.xlsx";

    public async Task<EntryForm> FormAsync(string round, string unit, CancellationToken ct)
    {
        var units = await reference.UnitsAsync(ct);
        if (units.FirstOrDefault(u => u.Code == unit) is not { } found)
        {
            return new EntryForm { Failure = EntryFailure.UnitNotFound };
        }
        if (await reference.RoundAsync(round, ct) is not { } chosen)
        {
            return new EntryForm { Failure = EntryFailure.RoundNotFound, Unit = found };
        }
        // The round's pinned version, as its blank form is: a newer version registered since changes neither.
        if (await templates.DefinitionAsync(chosen.Template, chosen.TemplateVersion, ct) is not { } definition)
        {
            return new EntryForm { Failure = EntryFailure.TemplateNotFound, Unit = found, Round = chosen };
        }
        var province = ProvinceOf(found, units);
        return new EntryForm { Round = chosen, Unit = found, Province = province, Template = definition };
    }

    /// <summary>The province above the unit, whose name heads the letter, as on the blank form.</summary>
    private static Unit? ProvinceOf(Unit unit, IReadOnlyList<Unit> units)
    {
        var current = unit;
        for (var depth = 0; depth < 5 && current is not null; depth++)
        {
            if (current.Type == UnitTypes.Province)
            {
                return current;
            }
            current = units.FirstOrDefault(u => u.Code == current.Parent);
        }
        return null;
    }

    /// <summary>Every key the template does not have, and every value too long for a cell, by its JSON path.</summary>
    public static IReadOnlyList<EntryError> Check(TemplateDefinition template, FormValues values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var errors = new List<EntryError>();
        var known = $"Mẫu “{template.Id}” có các mục bảng: {Names(template.Sections.Where(s => !s.IsNarrative).Select(s => s.Key))}; "
            + $"các mục văn bản: {Names(template.Sections.Where(s => s.IsNarrative).Select(s => s.Key))}.";
        foreach (var (key, rows) in values.Tables)
        {
            var section = template.Section(key);
            if (section?.Table is not { } table)
            {
                errors.Add(new EntryError
                {
                    Field = $"tables.{key}",
                    Message = (section is null ? $"Mẫu báo cáo không có mục “{key}”. " : $"Mục “{key}” là mục văn bản, hãy gửi trong “narratives”. ") + known,
                });
                continue;
            }
            for (var r = 0; r < rows.Count; r++)
            {
                foreach (var (column, text) in rows[r])
                {
                    var at = $"tables.{key}[{r}].{column}";
                    if (table.Column(column) is null)
                    {
                        errors.Add(new EntryError
                        {
                            Field = at,
                            Message = $"Mục “{key}” không có cột “{column}”. Các cột của mục: {Names(table.Columns.Select(c => c.Key))}.",
                        });
                    }
                    else if (text.Length > EntryLimits.MaxText)
                    {
                        errors.Add(new EntryError { Field = at, Message = TooLong(EntryBody.Count(text.Length)) });
                    }
                }
            }
        }
        foreach (var (key, text) in values.Narratives)
        {
            var section = template.Section(key);
            if (section is not { IsNarrative: true })
            {
                errors.Add(new EntryError
                {
                    Field = $"narratives.{key}",
                    Message = (section is null ? $"Mẫu báo cáo không có mục “{key}”. " : $"Mục “{key}” là mục bảng, hãy gửi trong “tables”. ") + known,
                });
            }
            else if (text.Length > EntryLimits.MaxText)
            {
                errors.Add(new EntryError { Field = $"narratives.{key}", Message = TooLong(EntryBody.Count(text.Length)) });
            }
        }
        return errors;
    }

    private static string TooLong(string length) =>
        $"Nội dung dài {length} ký tự, quá giới hạn một ô ({EntryBody.Count(EntryLimits.MaxText)} ký tự). Hãy rút gọn nội dung.";

    private static string Names(IEnumerable<string> keys)
    {
        var list = keys.Select(k => $"“{k}”").ToList();
        return list.Count == 0 ? "không có" : string.Join(", ", list);
    }

    /// <param name="requiredUnit">The only unit the report may be for, as for an upload.</param>
    public async Task<EntryOutcome> SubmitAsync(ClaimsPrincipal user, EntryRequest request, string? requiredUnit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var form = await FormAsync(request.Round, request.Unit, ct);
        if (form.Failure != EntryFailure.None)
        {
            return new EntryOutcome { Failure = form.Failure, Form = form };
        }
        if (Check(form.Template!, request.Values) is { Count: > 0 } errors)
        {
            return new EntryOutcome { Failure = EntryFailure.Invalid, Errors = errors, Form = form };
        }
        var filled = FilledTemplateWorkbook.Write(form.Template!, form.Unit!, form.Province, form.Round!, request.Values);
        var hints = new SenderHints { Round = form.Round!.Code, Unit = form.Unit!.Code, DryRun = request.DryRun };
        using var content = new MemoryStream(filled.Content, writable: false);
        var upload = await uploads.HandleAsync(user, content, FileName(form.Unit.Code, form.Round.Code), filled.Content.Length, hints,
            requiredUnit, ct);
        var issues = (upload.Result?.Issues ?? []).Select(i => new LocatedIssue { Issue = i, Place = Locate(filled, i) }).ToList();
        if (!request.DryRun && upload.Result is { Rejected: false })
        {
            // Sent: the draft has done its work.
            await drafts.DeleteAsync(form.Round.Code, form.Unit.Code, ct);
        }
        return new EntryOutcome { Upload = upload, Issues = issues, Form = form };
    }

    private static FormPlace? Locate(FilledWorkbook filled, IssueDto issue)
    {
        if (issue.Cell is not { Length: > 0 } cell || (issue.Sheet is { } sheet && sheet != filled.Sheet))
        {
            return null;
        }
        var first = cell.Split(':')[0].Replace("$", "", StringComparison.Ordinal).ToUpperInvariant();
        return filled.Places.GetValueOrDefault(first);
    }

    public async Task<(FormValues Values, DateTimeOffset SavedAt)?> DraftAsync(string round, string unit, CancellationToken ct)
    {
        if (await drafts.GetAsync(round, unit, ct) is not { } row)
        {
            return null;
        }
        var stored = JsonSerializer.Deserialize<StoredDraft>(row.Body, Json);
        var values = new FormValues
        {
            Tables = stored?.Tables?.ToDictionary(t => t.Key,
                t => (IReadOnlyList<IReadOnlyDictionary<string, string>>)t.Value.Select(r => (IReadOnlyDictionary<string, string>)r).ToList(),
                StringComparer.Ordinal) ?? [],
            Narratives = stored?.Narratives ?? [],
        };
        return (values, row.SavedAt);
    }

    public async Task<DateTimeOffset> SaveDraftAsync(ClaimsPrincipal user, string round, string unit, FormValues values, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(values);
        var body = JsonSerializer.Serialize(new StoredDraft
        {
            Tables = values.Tables.ToDictionary(t => t.Key, t => t.Value.Select(r => r.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal)).ToList(),
                StringComparer.Ordinal),
            Narratives = values.Narratives.ToDictionary(n => n.Key, n => n.Value, StringComparer.Ordinal),
        }, Json);
        var at = clock.GetUtcNow();
        await drafts.SaveAsync(round, unit, body, user.Actor(), at, ct);
        await audit.WriteAsync(user.Actor(), AuditActions.DraftSaved, $"{unit}/{round}", $"đơn vị {unit}; đợt {round}", ct);
        return at;
    }

    public Task<bool> DeleteDraftAsync(string round, string unit, CancellationToken ct) => drafts.DeleteAsync(round, unit, ct);

    private sealed record StoredDraft
    {
        public Dictionary<string, List<Dictionary<string, string>>>? Tables { get; init; }
        public Dictionary<string, string>? Narratives { get; init; }
    }
}
