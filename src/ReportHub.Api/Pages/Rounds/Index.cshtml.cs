using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportHub.Aggregate.Rollups;
using ReportHub.Api.Access;
using ReportHub.Api.Web;
using ReportHub.Core.Domain;
using ReportHub.Pipeline.Access;
using ReportHub.Pipeline.Rounds;

namespace ReportHub.Api.Pages.Rounds;

/// <summary>The analyst's list of rounds, the form that opens a new one, and closing and reopening.</summary>
[Authorize(Policy = AccessRegistration.AnalystPolicy)]
public sealed class IndexModel(RoundService rounds, RollupService rollups, AuditLog audit) : PageModel
{
    /// <summary>A round and how many of its units reported; null when its stored template no longer loads.</summary>
    public sealed record RoundLine(Round Round, int? Reported);

    public sealed record CreateForm
    {
        public string? Code { get; init; }
        public string? Title { get; init; }
        public string? Template { get; init; }
        public string? RequestDocument { get; init; }
        public string? RequestDate { get; init; }
        public string? Deadline { get; init; }
        public IReadOnlyList<string> Types { get; init; } = [];
        public string? Parents { get; init; }
        public string? Units { get; init; }
    }

    public IReadOnlyList<RoundLine> Rounds { get; private set; } = [];
    public IReadOnlyList<string> Templates { get; private set; } = [];
    public IReadOnlyList<RoundProblem> Problems { get; private set; } = [];
    public string? Message { get; private set; }
    public CreateForm Form { get; private set; } = new() { Types = [UnitTypes.Department, UnitTypes.District] };

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        Message = done;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostCreateAsync(CreateForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        Form = form;
        var draft = new RoundDraft
        {
            Code = form.Code,
            Title = form.Title,
            Template = form.Template,
            RequestDocument = form.RequestDocument,
            RequestDate = form.RequestDate,
            Deadline = form.Deadline,
            Expected = new RoundExpectation
            {
                Types = form.Types.Count > 0 ? form.Types : null,
                Parents = Split(form.Parents),
                Units = Split(form.Units),
            },
        };
        var created = await rounds.CreateAsync(draft, ct);
        if (created.Round is not { } round)
        {
            Problems = created.Problems;
            Response.StatusCode = created.Duplicate ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
            await LoadAsync(ct);
            return Page();
        }
        await audit.WriteAsync(User.Actor(), AuditActions.RoundCreated, round.Code, AuditDetails.RoundCreated(round), ct);
        return Redirect("/rounds?done=" + Uri.EscapeDataString($"Đã mở đợt {round.Code} với {round.ExpectedUnits.Count} đơn vị phải báo cáo."));
    }

    public Task<IActionResult> OnPostCloseAsync(string code, CancellationToken ct) => SetClosedAsync(code, true, ct);

    public Task<IActionResult> OnPostReopenAsync(string code, CancellationToken ct) => SetClosedAsync(code, false, ct);

    private async Task<IActionResult> SetClosedAsync(string code, bool closed, CancellationToken ct)
    {
        if (await rounds.SetClosedAsync(code, closed, ct) is null)
        {
            Problems = [new RoundProblem("code", $"Không có đợt báo cáo mã “{code}”. Hãy tải lại trang.")];
            Response.StatusCode = StatusCodes.Status404NotFound;
            await LoadAsync(ct);
            return Page();
        }
        await audit.WriteAsync(User.Actor(), closed ? AuditActions.RoundClosed : AuditActions.RoundReopened, code, null, ct);
        return Redirect("/rounds?done=" + Uri.EscapeDataString(closed
            ? $"Đã đóng đợt {code}: đơn vị không gửi báo cáo cho đợt này được nữa."
            : $"Đã mở lại đợt {code}: đơn vị gửi báo cáo cho đợt này được trở lại."));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var list = new List<RoundLine>();
        foreach (var round in (await rounds.ListAsync(ct)).OrderByDescending(r => r.Deadline))
        {
            try
            {
                var units = await rollups.UnitsAsync(round, ct);
                list.Add(new RoundLine(round, units.Count(u => u.Status != UnitStatuses.Missing)));
            }
            catch (Warehouse.Templates.BrokenTemplateException)
            {
                // One round on a broken template must not hide the others; its own pages say why.
                list.Add(new RoundLine(round, null));
            }
        }
        Rounds = list;
        Templates = await rounds.KnownTemplatesAsync(ct);
    }

    public string? ProblemFor(string field) =>
        Problems.Where(p => p.Field == field || p.Field.StartsWith(field + ".", StringComparison.Ordinal)).Select(p => p.Message).FirstOrDefault();

    private static List<string>? Split(string? text) =>
        text?.Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } parts ? [.. parts] : null;
}
