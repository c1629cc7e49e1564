using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ReportHub.Api.Access;
using ReportHub.Api.Endpoints;
using ReportHub.Api.Uploads;
using ReportHub.Core.Domain;
using ReportHub.Pipeline.Ingestion;
using ReportHub.Pipeline.Intake.Archives;
using ReportHub.Warehouse.Reference;

namespace ReportHub.Api.Pages;

/// <summary>
/// An analyst sends a .zip of the reports received by e-mail; the answer lists each file with what became of it.
/// The plain form post renders the list; bulk.js adds the upload's progress and a processing indicator.
/// </summary>
[Authorize(Policy = AccessRegistration.AnalystPolicy)]
public sealed class BulkModel(BulkUploads bulk, ReferenceStore reference, IOptions<IngestOptions> ingest) : PageModel
{
    public IReadOnlyList<Round> OpenRounds { get; private set; } = [];
    public BulkAnswer? Answer { get; private set; }
    public string? Error { get; private set; }
    public string? Round { get; private set; }
    public ArchiveOptions Limits => bulk.Limits;
    public long MaxFileBytes => ingest.Value.MaxFileBytes;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(IFormFile? archive, string? round, CancellationToken ct)
    {
        await LoadAsync(ct);
        Round = string.IsNullOrWhiteSpace(round) ? null : round;
        if (archive is null || archive.Length == 0)
        {
            Error = archive is null
                ? "Chưa chọn tệp nén. Hãy bấm “Chọn tệp…” và chọn tệp .zip chứa các báo cáo rồi bấm “Gửi tệp nén”."
                : $"Tệp “{Path.GetFileName(archive.FileName)}” rỗng (0 byte). Hãy chọn tệp .zip chứa các báo cáo.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (archive.Length > Limits.MaxArchiveBytes)
        {
            Error = BulkApi.ArchiveTooLargeDetail(Limits);
            Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Page();
        }
        try
        {
            await using var content = archive.OpenReadStream();
            Answer = await bulk.HandleAsync(User, content, Round, ct);
        }
        catch (ArchiveRefusedException refused)
        {
            Error = refused.Message;
            Response.StatusCode = refused.OverLimit ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status422UnprocessableEntity;
        }
        return Page();
    }

    /// <summary>The words and colour of a file's outcome.</summary>
    public static (string Label, string Badge) Outcome(string status) => status switch
    {
        "accepted" => ("Đã nhận", "badge-ok"),
        "duplicate" => ("Trùng bản đã gửi", "badge-muted"),
        "rejected" => ("Bị từ chối", "badge-bad"),
        _ => ("Không đọc", "badge-warn"),
    };

    public static string Megabytes(long bytes) => ReportHub.Api.Errors.ErrorWording.Megabytes(bytes);

    public static string ArchiveTooLarge(ArchiveOptions limits) => BulkApi.ArchiveTooLargeDetail(limits);

    private async Task LoadAsync(CancellationToken ct) =>
        OpenRounds = (await reference.RoundsAsync(ct)).Where(r => !r.Closed).OrderByDescending(r => r.Deadline).ToList();
}
