using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ReportHub.Aggregate.Export;
using ReportHub.Aggregate.Rollups;
using ReportHub.Api.Access;
using ReportHub.Pipeline.Access;
using ReportHub.Pipeline.Rounds;

namespace ReportHub.Api.Endpoints;

public static class RoundsApi
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static RouteGroupBuilder MapRounds(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/rounds").WithTags("Rounds").SignedIn();

        group.MapGet("/", async (RoundService rounds, CancellationToken ct) =>
            TypedResults.Ok((await rounds.ListAsync(ct)).Select(RoundView.From).ToList()))
            .WithName("ListRounds")
            .WithSummary("Danh sách đợt báo cáo")
            .WithDescription("Mọi đợt báo cáo với mẫu, văn bản yêu cầu, hạn nộp, các đơn vị phải báo cáo và trạng thái đóng/mở.");

        group.MapGet("/{code}", async Task<Results<Ok<RoundView>, ProblemHttpResult>> (string code, RoundService rounds, CancellationToken ct) =>
            await rounds.GetAsync(code, ct) is { } round ? TypedResults.Ok(RoundView.From(round)) : Problems.RoundNotFound(code))
            .WithName("GetRound")
            .WithSummary("Một đợt báo cáo")
            .WithDescription("Đợt báo cáo với mẫu và phiên bản mẫu đợt đang dùng, văn bản yêu cầu, hạn nộp, các đơn vị phải báo cáo và trạng thái đóng/mở. 404 khi không có đợt mã này.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        // Creating, closing and reopening rounds is for analysts and admins; a department only reads them.
        group.MapPost("/", CreateAsync).RequireAuthorization(AccessRegistration.AnalystPolicy)
            .WithName("CreateRound")
            .WithSummary("Tạo đợt báo cáo (chuyên viên, quản trị viên)")
            .WithDescription("Thân yêu cầu là JSON {code, title, template, requestDocument, requestDate, deadline, expected: {types?, parents?, units?}}, "
                + "ngày dạng yyyy-MM-dd. 409 khi mã đợt đã có; 422 kèm `errors` liệt kê từng trường sai.")
            .JsonBody(typeof(RoundDraft))
            .Changes()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{code}/close", (string code, ClaimsPrincipal user, RoundService rounds, AuditLog audit, CancellationToken ct) =>
            SetClosedAsync(code, true, user, rounds, audit, ct)).RequireAuthorization(AccessRegistration.AnalystPolicy)
            .WithName("CloseRound")
            .WithSummary("Đóng đợt báo cáo (chuyên viên, quản trị viên)")
            .WithDescription("Đánh dấu đợt đã đóng và ghi vào nhật ký. 404 khi không có đợt mã này.")
            .Changes()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{code}/reopen", (string code, ClaimsPrincipal user, RoundService rounds, AuditLog audit, CancellationToken ct) =>
            SetClosedAsync(code, false, user, rounds, audit, ct)).RequireAuthorization(AccessRegistration.AnalystPolicy)
            .WithName("ReopenRound")
            .WithSummary("Mở lại đợt báo cáo (chuyên viên, quản trị viên)")
            .WithDescription("Bỏ trạng thái đã đóng của đợt và ghi vào nhật ký. 404 khi không có đợt mã này.")
            .Changes()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{code}/upgrade", RoundUpgrading.UpgradeAsync).RequireAuthorization(AccessRegistration.AnalystPolicy)
            .WithName("UpgradeRound")
            .WithSummary("Nâng đợt báo cáo đang mở lên phiên bản biểu mẫu mới hơn (chuyên viên, quản trị viên)")
            .WithDescription("Thân yêu cầu là JSON {version, force}. Đọc lại báo cáo hiện hành của từng đơn vị từ tệp đã lưu bằng phiên bản mới "
                + "và trả lời từng đơn vị: unchanged, changed hoặc rejected. Khi phiên bản mới từ chối báo cáo của đơn vị nào, đợt không được nâng "
                + "(409 kèm `rejectedUnits`), trừ khi force = true: khi đó các báo cáo đó không còn được tính và đơn vị phải gửi lại. "
                + "409 khi đợt đã đóng; 422 khi không có phiên bản đó hoặc phiên bản không mới hơn.")
            .JsonBody(typeof(RoundUpgrading.UpgradeBody))
            .Changes()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{code}", RoundEditing.EditAsync).RequireAuthorization(AccessRegistration.AnalystPolicy)
            .WithName("EditRound")
            .WithSummary("Sửa đợt báo cáo đang mở (chuyên viên, quản trị viên)")
            .WithDescription("Thân yêu cầu là JSON với các trường cần sửa (title, requestDocument, requestDate, deadline, expected); trường bỏ trống giữ nguyên. 409 khi đợt đã đóng; 422 kèm `errors`.")
            .JsonBody(typeof(RoundDraft))
            .Changes()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{code}/units", RoundUnitAdding.AddAsync).RequireAuthorization(AccessRegistration.AnalystPolicy)
            .WithName("AddRoundUnit")
            .WithSummary("Bổ sung một đơn vị vào danh sách phải báo cáo của đợt (chuyên viên, quản trị viên)")
            .WithDescription("Thân yêu cầu là JSON {\"unit\": \"51.524\"}. Đơn vị không cần còn hoạt động vào ngày công văn (ví dụ huyện đã sáp nhập nhưng vẫn phải báo cáo), "
                + "và được giữ lại khi sửa đợt. Gửi lại đơn vị đã có thì không thay đổi gì (`added: false`). 404 khi không có đợt hoặc đơn vị; 409 khi đợt đã đóng.")
            .JsonBody(typeof(RoundUnitAdding.Body))
            .Changes()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        // A department sees its own status in a round, never the per-unit table.
        group.MapGet("/{code}/units/{unit}", async Task<Results<Ok<UnitStatus>, ProblemHttpResult>> (string code, string unit, ClaimsPrincipal user, RollupService rollups, CancellationToken ct) =>
        {
            if (!user.MaySee(unit))
            {
                return Problems.OtherUnit(user.BoundUnit());
            }
            if (await rollups.UnitsAsync(code, ct) is not { } units)
            {
                return Problems.RoundNotFound(code);
            }
            return units.FirstOrDefault(u => u.Unit == unit) is { } status
                ? TypedResults.Ok(status)
                : Problems.NotFound("Đơn vị không thuộc đợt báo cáo", $"Đơn vị “{unit}” không phải báo cáo trong đợt “{code}” và chưa gửi báo cáo nào cho đợt này.");
        })
            .WithName("GetRoundUnitStatus")
            .WithSummary("Tình trạng báo cáo của một đơn vị trong đợt")
            .WithDescription("Đã gửi, đúng hạn, trễ hạn hay chưa gửi, kèm số liệu của báo cáo hiện hành. Tài khoản đơn vị chỉ xem được đơn vị của mình (403 với đơn vị khác).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        // Department accounts never see other units' figures: every route here answers them 403.
        var analysts = group.MapGroup("").RequireAuthorization(AccessRegistration.AnalystPolicy)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        // Rollups change only when a submission lands or the round changes: answered from the last computation, with
        // an ETag of that state, and 304 when the caller already holds it.
        analysts.MapGet("/{code}/totals", async Task<Results<SerializedJson<RoundTotals>, StatusCodeHttpResult, ProblemHttpResult>> (string code, bool? approved, HttpContext http, RollupAnswers answers, CancellationToken ct) =>
            await answers.TotalsAsync(http, code, ct, approved ?? false) is { } answer
                ? RollupETag.Answer<RoundTotals>(http, answer)
                : Problems.RoundNotFound(code))
            .WithName("GetRoundTotals")
            .WithSummary("Số liệu tổng hợp toàn tỉnh của đợt (chuyên viên, quản trị viên)")
            .WithDescription("Số đơn vị phải báo cáo, đã báo cáo, đúng hạn, trễ hạn và chưa gửi; tổng các chỉ tiêu của mẫu và các tỷ lệ tính từ tổng. "
                + "`approved=true`: chỉ tính các đơn vị có báo cáo hiện hành đã được duyệt (đơn vị khác coi như chưa gửi). Kèm ETag; 304 khi If-None-Match khớp.")
            .Produces(StatusCodes.Status304NotModified);

        analysts.MapGet("/{code}/units", async Task<Results<SerializedJson<IReadOnlyList<UnitStatus>>, StatusCodeHttpResult, ProblemHttpResult>> (string code, bool? approved, HttpContext http, RollupAnswers answers, CancellationToken ct) =>
            await answers.UnitsAsync(http, code, ct, approved ?? false) is { } answer
                ? RollupETag.Answer<IReadOnlyList<UnitStatus>>(http, answer)
                : Problems.RoundNotFound(code))
            .WithName("ListRoundUnits")
            .WithSummary("Bảng từng đơn vị của đợt (chuyên viên, quản trị viên)")
            .WithDescription("Mỗi đơn vị phải báo cáo với trạng thái, thời điểm nhận, mã báo cáo, kết quả xét duyệt (`review`) và số liệu. "
                + "`approved=true`: đơn vị có báo cáo chưa được duyệt hiện là chưa gửi, không có số liệu. Kèm ETag; 304 khi If-None-Match khớp.")
            .Produces(StatusCodes.Status304NotModified);

        // Written to a temporary file the response then streams and deletes: a 64,000-row workbook is held neither as
        // a buffer nor as a second copy of it.
        analysts.MapGet("/{code}/consolidated.xlsx", async Task<Results<FileStreamHttpResult, ProblemHttpResult>> (string code, bool? approved, RollupService rollups, CancellationToken ct) =>
        {
            if (await rollups.ConsolidatedAsync(code, approved ?? false, ct) is not { } data)
            {
                return Problems.RoundNotFound(code);
            }
            var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None,
                bufferSize: 64 * 1024, FileOptions.DeleteOnClose);
            try
            {
                ConsolidatedWorkbook.Write(file, data);
                file.Position = 0;
                return TypedResults.File(file, Xlsx, $"tong-hop-{code}.xlsx");
            }
            catch
            {
                await file.DisposeAsync();
                throw;
            }
        })
            .WithName("GetConsolidatedXlsx")
            .WithSummary("Tải bảng tổng hợp .xlsx của đợt (chuyên viên, quản trị viên)")
            .WithDescription("Sổ tính tổng hợp: tổng toàn tỉnh, bảng từng đơn vị, chỉ đạo, mã QR và phần thuyết minh. Chữ của đơn vị luôn là ô văn bản. "
                + "`approved=true`: chỉ số liệu của các đơn vị có báo cáo đã được duyệt.")
            .ProducesFile(Xlsx);

        // Vietnamese headings and values by default, as an official opening the file expects; ?header=keys for scripts.
        // Comma-separated by default, as scripts have always read it; ?format=excel is the form the pages link, which
        // Excel with Vietnamese regional settings opens in columns.
        analysts.MapGet("/{code}/consolidated.csv", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (string code, string? header, string? format, bool? approved, RollupService rollups, CancellationToken ct) =>
        {
            if (CsvFormOf(format) is not { } form)
            {
                return Problems.BadRequest($"Không có dạng CSV “{format}”. Hãy dùng format=csv (phân cách bằng dấu phẩy, cho chương trình) hoặc format=excel (phân cách bằng dấu chấm phẩy, mở bằng Excel).");
            }
            if (await rollups.ConsolidatedAsync(code, approved ?? false, ct) is not { } data)
            {
                return Problems.RoundNotFound(code);
            }
            using var buffer = new MemoryStream();
            ConsolidatedCsv.Write(buffer, data, keysHeader: string.Equals(header, "keys", StringComparison.OrdinalIgnoreCase), form);
            return TypedResults.File(buffer.ToArray(), "text/csv; charset=utf-8", $"tong-hop-{code}.csv");
        })
            .WithName("GetConsolidatedCsv")
            .WithSummary("Tải bảng từng đơn vị dạng .csv (chuyên viên, quản trị viên)")
            .WithDescription("UTF-8 có BOM; dòng tiêu đề và giá trị tiếng Việt (Mã đơn vị, Tên đơn vị, …; Sở, ban, ngành; Chưa gửi) để mở bằng Excel, hoặc tên trường và mã JSON với `header=keys`. "
                + "`format=csv` (mặc định): phân cách bằng dấu phẩy, số thập phân dùng dấu chấm; `format=excel`: phân cách bằng dấu chấm phẩy, số thập phân dùng dấu phẩy, thời điểm dạng dd/MM/yyyy HH:mm giờ Việt Nam. "
                + "Ô chữ bắt đầu bằng =, +, -, @ (cả dạng toàn độ rộng), tab hay xuống dòng được thêm dấu ' phía trước; số âm vẫn là số. "
                + "`approved=true`: chỉ số liệu của các đơn vị có báo cáo đã được duyệt.")
            .ProducesFile("text/csv");

        return group;
    }

    private static async Task<Results<Ok<RoundView>, ProblemHttpResult>> SetClosedAsync(string code, bool closed, ClaimsPrincipal user,
        RoundService rounds, AuditLog audit, CancellationToken ct)
    {
        if (await rounds.SetClosedAsync(code, closed, ct) is not { } round)
        {
            return Problems.RoundNotFound(code);
        }
        await audit.WriteAsync(user.Actor(), closed ? AuditActions.RoundClosed : AuditActions.RoundReopened, code, null, ct);
        return TypedResults.Ok(RoundView.From(round));
    }

    private static async Task<Results<Created<RoundView>, ProblemHttpResult>> CreateAsync(HttpRequest request, ClaimsPrincipal user,
        RoundService rounds, AuditLog audit, CancellationToken ct)
    {
        const string Shape = "{code, title, template, requestDocument, requestDate, deadline, expected}";
        var (draft, error) = await RoundDraftBody.ReadAsync(request,
            $"Nội dung gửi lên quá dài cho một đợt báo cáo. Hãy gửi một đối tượng JSON {Shape}.",
            ex => $"Nội dung gửi lên không phải JSON hợp lệ ({ex.Path}, dòng {ex.LineNumber + 1}). Hãy gửi một đối tượng JSON {{code, title, template, requestDocument, requestDate, deadline, expected: {{types, parents, units}}}}, ngày dạng yyyy-MM-dd.",
            $"Chưa gửi nội dung đợt báo cáo. Hãy gửi một đối tượng JSON {Shape}.", ct);
        if (draft is null)
        {
            return Problems.BadRequest(error!);
        }
        var created = await rounds.CreateAsync(draft, ct);
        if (created.Round is { } round)
        {
            await audit.WriteAsync(user.Actor(), AuditActions.RoundCreated, round.Code, AuditDetails.RoundCreated(round), ct);
            return TypedResults.Created($"/api/rounds/{Uri.EscapeDataString(round.Code)}", RoundView.From(round));
        }
        var errors = created.Problems.Select(p => new { field = p.Field, message = p.Message }).ToList();
        return TypedResults.Problem(
            title: created.Duplicate ? "Đợt báo cáo đã có" : "Đợt báo cáo không hợp lệ",
            detail: string.Join(" ", created.Problems.Select(p => p.Message)),
            statusCode: created.Duplicate ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?> { ["errors"] = errors });
    }

    /// <summary>The <c>format</c> of the per-unit CSV; null for a value it does not know.</summary>
    private static CsvForm? CsvFormOf(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or "csv" => CsvForm.Comma,
        "excel" => CsvForm.Excel,
        _ => null,
    };
}
