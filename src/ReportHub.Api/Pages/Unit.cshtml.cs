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
using ReportHub.Warehouse.Reviews;
using ReportHub.Warehouse.Submissions;

namespace ReportHub.Api.Pages;

/// <summary>A department's page: blank forms of the open rounds, the upload with its result shown back, and its history.</summary>
[Authorize(Policy = AccessRegistration.UploadPolicy)]
public sealed class UnitModel(ReferenceStore reference, RollupService rollups, SubmissionStore submissions, UploadHandler uploads,
    CheckedUploads checkedUploads, IOptions<IngestOptions> options, ReviewStore reviews) : PageModel
{
    /// <summary>The unit's current reports an analyst returned, with the comments to act on.</summary>
    public IReadOnlyList<ReturnedReport> Returned { get; private set; } = [];

    /// <summary>The value of the “Kiểm tra thử” button: read and check, store nothing.</summary>
    public const string CheckAction = "check";

    /// <summary>The value of the “Gửi báo cáo này” button that sends a file kept after a clean check.</summary>
    public const string SendCheckedAction = "send-checked";

    public sealed record OpenRound(Round Round, UnitStatus? Status);

    public Unit? Unit { get; private set; }
    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public IReadOnlyList<OpenRound> Rounds { get; private set; } = [];
    public IReadOnlyList<SubmissionRecord> History { get; private set; } = [];
    public IngestResult? Result { get; private set; }
    public bool DryRun { get; private set; }
    public ReportGridView? Grid { get; private set; }
    public UploadHeadline? Headline { get; private set; }
    public IReadOnlyList<ReadFigure>? Figures { get; private set; }

    /// <summary>The file kept after a clean check, sent by the “Gửi báo cáo này” button; null when none was kept.</summary>
    public CheckedUpload? Checked { get; private set; }
    public string? Error { get; private set; }
    public long MaxFileBytes => options.Value.MaxFileBytes;

    public async Task<IActionResult> OnGetAsync(string? unit, CancellationToken ct) =>
        await LoadAsync(unit, ct) ? Page() : Denied();

    /// <param name="action">"check" for the “Kiểm tra thử” button, "send-checked" with <paramref name="checkToken"/>, else a send.</param>
    /// <param name="dryRun">The older form field for a check, still honoured.</param>
    public async Task<IActionResult> OnPostAsync(string? unit, IFormFile? upload, string? action, bool dryRun, string? round, string? checkToken,
        CancellationToken ct)
    {
        if (!await LoadAsync(unit, ct))
        {
            return Denied();
        }
        if (Unit is null)
        {
            return Page();
        }
        if (action == SendCheckedAction)
        {
            return await SendCheckedAsync(unit, checkToken, ct);
        }
        DryRun = dryRun || action == CheckAction;
        if (upload is null)
        {
            Error = "Chưa chọn tệp báo cáo. Hãy bấm “Chọn tệp…” (hoặc kéo tệp vào khung) rồi bấm “Gửi báo cáo”.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (upload.Length == 0)
        {
            Headline = UploadHeadline.Empty(Path.GetFileName(upload.FileName));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var hints = new SenderHints { Round = string.IsNullOrWhiteSpace(round) ? null : round, Unit = Unit.Code, DryRun = DryRun };
        var outcome = await uploads.HandleAsync(User, upload, hints, Unit.Code, ct);
        return await AnswerAsync(unit, outcome, hints.Round, ct);
    }

    private async Task<IActionResult> SendCheckedAsync(string? unit, string? checkToken, CancellationToken ct)
    {
        if (checkedUploads.Take(checkToken ?? "", User.Actor(), Unit!.Code) is not { } kept)
        {
            Error = "Không còn tệp đã kiểm tra để gửi: tệp chỉ được giữ trên máy chủ "
                + $"{CheckedUploads.Lifetime.TotalMinutes:0} phút, chỉ gửi được một lần và chỉ bởi tài khoản đã kiểm tra nó. "
                + "Hãy chọn lại tệp rồi bấm “Gửi báo cáo”.";
            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }
        var hints = new SenderHints { Round = kept.Entry.Round, Unit = Unit.Code, DryRun = false };
        using var content = new MemoryStream(kept.Content, writable: false);
        var outcome = await uploads.HandleAsync(User, content, kept.Entry.FileName, kept.Content.Length, hints, Unit.Code, ct);
        return await AnswerAsync(unit, outcome, kept.Entry.Round, ct);
    }

    private async Task<IActionResult> AnswerAsync(string? unit, UploadOutcome outcome, string? round, CancellationToken ct)
    {
        if (outcome.Refusal is { } refusal)
        {
            Headline = UploadHeadline.Refused(refusal);
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        Result = outcome.Result!;
        if (!DryRun)
        {
            // The history and the round's status now include this version.
            await LoadAsync(unit, ct);
        }
        Grid = ReportGrid.Build(outcome.Request.Content, outcome.Request.FileName, Result.Issues, cancellationToken: ct);
        Headline = UploadHeadline.Of(Result, Grid, DryRun);
        if (!Result.Rejected && Result.Round is not null && await reference.RoundAsync(Result.Round, ct) is { } read)
        {
            Figures = ReadFigures.Of(await rollups.DefinitionAsync(read, ct), Result.Figures);
        }
        if (DryRun && !Result.Rejected && Result.Status != "duplicate")
        {
            Checked = checkedUploads.Keep(User.Actor(), Unit!.Code, round, outcome.Request.FileName, outcome.Request.Content);
        }
        if (Result.Rejected)
        {
            Response.StatusCode = Endpoints.SubmissionsApi.IsLockedByApproval(Result) ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
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
        Returned = await reviews.ReturnedAsync(Unit.Code, ct);
        return true;
    }

    private RedirectResult Denied() => Redirect("/forbidden");
}
