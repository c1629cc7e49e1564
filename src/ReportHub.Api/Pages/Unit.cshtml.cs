using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ReportHub.Aggregate.Rollups;
using ReportHub.Api.Access;
using ReportHub.Api.Uploads;
using ReportHub.Api.Web;
using ReportHub.Core.Domain;
using ReportHub.Pipeline.Ingestion;
using ReportHub.Pipeline.Sources;
using ReportHub.Warehouse.Reference;
using ReportHub.Warehouse.Submissions;

namespace ReportHub.Api.Pages;

/// <summary>A department's page: blank forms of the open rounds, the upload with its result shown back, and its history.</summary>
[Authorize(Policy = AccessRegistration.UploadPolicy)]
public sealed class UnitModel(ReferenceStore reference, RollupService rollups, SubmissionStore submissions, UploadHandler uploads,
    IOptions<IngestOptions> options) : PageModel
{
    public sealed record OpenRound(Round Round, UnitStatus? Status);

    public Unit? Unit { get; private set; }
    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public IReadOnlyList<OpenRound> Rounds { get; private set; } = [];
    public IReadOnlyList<SubmissionRecord> History { get; private set; } = [];
    public IngestResult? Result { get; private set; }
    public bool DryRun { get; private set; }
    public ReportGridView? Grid { get; private set; }
    public string? Error { get; private set; }
    public long MaxFileBytes => options.Value.MaxFileBytes;

    public async Task<IActionResult> OnGetAsync(string? unit, CancellationToken ct) =>
        await LoadAsync(unit, ct) ? Page() : Denied();

    public async Task<IActionResult> OnPostAsync(string? unit, IFormFile? upload, bool dryRun, string? round, CancellationToken ct)
    {
        if (!await LoadAsync(unit, ct))
        {
            return Denied();
        }
        if (Unit is null)
        {
            return Page();
        }
        DryRun = dryRun;
        if (upload is null || upload.Length == 0)
        {
            Error = "Chưa chọn tệp báo cáo, hoặc tệp rỗng. Hãy bấm “Chọn tệp” (hoặc kéo tệp vào khung) rồi bấm “Gửi báo cáo”.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var hints = new SenderHints { Round = string.IsNullOrWhiteSpace(round) ? null : round, Unit = Unit.Code, DryRun = dryRun };
        var outcome = await uploads.HandleAsync(User, upload, hints, Unit.Code, ct);
        if (outcome.Refusal is { } refusal)
        {
            Error = refusal;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        Result = outcome.Result!;
        if (!dryRun)
        {
            // The history and the round's status now include this version.
            await LoadAsync(unit, ct);
        }
        Grid = ReportGrid.Build(outcome.Request.Content, outcome.Request.FileName, Result.Issues, cancellationToken: ct);
        if (Result.Rejected)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        return Page();
    }

    /// <summary>False when the person may not see the unit asked for.</summary>
    private async Task<bool> LoadAsync(string? unit, CancellationToken ct)
    {
        var code = User.BoundUnit() ?? unit;
        if (User.IsDepartment() && unit is not null && unit != code)
        {
            return false;
        }
        Units = await reference.UnitsAsync(ct);
        if (code is null)
        {
            return true;
        }
        Unit = Units.FirstOrDefault(u => u.Code == code);
        if (Unit is null)
        {
            Error = $"Không có đơn vị mã “{code}” trong danh mục. Hãy chọn đơn vị trong danh sách.";
            return true;
        }
        var open = new List<OpenRound>();
        foreach (var r in (await reference.RoundsAsync(ct)).Where(r => !r.Closed).OrderByDescending(r => r.Deadline))
        {
            var statuses = await rollups.UnitsAsync(r, ct);
            open.Add(new OpenRound(r, statuses.FirstOrDefault(s => s.Unit == Unit.Code)));
        }
        Rounds = open;
        History = (await submissions.VersionsAsync(Unit.Code, null, ct)).OrderByDescending(v => v.ReceivedAt).ThenByDescending(v => v.Id).ToList();
        return true;
    }

    private RedirectResult Denied() => Redirect("/forbidden");
}
