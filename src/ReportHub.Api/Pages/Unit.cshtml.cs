using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ReportHub.Aggregate.Rollups;
using ReportHub.Api.Access;
using ReportHub.Api.Web;
using ReportHub.Core.Domain;
using ReportHub.Pipeline.Access;
using ReportHub.Pipeline.Ingestion;
using ReportHub.Pipeline.Intake;
using ReportHub.Warehouse.Reference;
using ReportHub.Warehouse.Submissions;

namespace ReportHub.Api.Pages;

/// <summary>A department's page: blank forms of the open rounds, the upload with its result shown back, and its history.</summary>
[Authorize(Policy = AccessRegistration.UploadPolicy)]
public sealed class UnitModel(ReferenceStore reference, RollupService rollups, SubmissionStore submissions, IngestService ingest,
    AuditLog audit, IOptions<IngestOptions> options) : PageModel
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
        ReceivedFile received;
        await using (var stream = upload.OpenReadStream())
        {
            received = await ReceivedFile.ReadAsync(stream, options.Value.MaxFileBytes, upload.Length, ct);
        }
        var request = IngestRequest.From(received, upload.FileName, "upload") with
        {
            RoundHint = string.IsNullOrWhiteSpace(round) ? null : round,
            UnitHint = Unit.Code,
            RequiredUnit = Unit.Code,
            DryRun = dryRun,
        };
        try
        {
            Result = await ingest.IngestAsync(request, ct);
        }
        catch (UnitScopeException ex)
        {
            await audit.WriteAsync(User.Actor(), AuditActions.Upload, Unit.Code, $"Từ chối: {ex.Message}", ct);
            Error = ex.Message;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        if (!dryRun)
        {
            await audit.WriteIngestAsync(User.Actor(), AuditActions.Upload, Result, ct);
            // The history and the round's status now include this version.
            await LoadAsync(unit, ct);
        }
        Grid = ReportGrid.Build(received.Content, request.FileName, Result.Issues, cancellationToken: ct);
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
