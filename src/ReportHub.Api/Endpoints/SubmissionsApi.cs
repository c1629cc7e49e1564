using System.Security.Claims;
using System.Text.Json.Serialization;
using ReportHub.Api.Uploads;
using ReportHub.Readers;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using ReportHub.Api.Access;
using ReportHub.Pipeline.Access;
using ReportHub.Pipeline.Ingestion;
using ReportHub.Pipeline.Sources;
using ReportHub.Core.Measures;
using ReportHub.Pipeline.Reviews;
using ReportHub.Warehouse.Reviews;
using ReportHub.Warehouse.Submissions;
using ReportHub.Warehouse.Templates;

namespace ReportHub.Api.Endpoints;

public static class SubmissionsApi
{
    public sealed record SubmissionDetail
    {
        public required long Id { get; init; }
        public required string File { get; init; }
        public required string Status { get; init; }
        public required string Outcome { get; init; }
        public string? Unit { get; init; }
        public string? Round { get; init; }
        public required DateTimeOffset ReceivedAt { get; init; }
        public required string Source { get; init; }
        public required string Sha256 { get; init; }
        public required long Size { get; init; }
        public required string ParserVersion { get; init; }
        public string? Template { get; init; }

        /// <summary>The version of <see cref="Template"/> the file was read with: its round's; null when it could not be read.</summary>
        public int? TemplateVersion { get; init; }
        public IReadOnlyDictionary<string, decimal> Figures { get; init; } = new Dictionary<string, decimal>();


        /// <summary>The measures the template shows as top-level fields, as whole numbers.</summary>
        [JsonExtensionData]
        public FieldValues? Fields { get; init; }

        public string? DocumentNumber { get; init; }
        public string? Signer { get; init; }
        public long? DuplicateOf { get; init; }
        public long? Supersedes { get; init; }
        public long? ReplayOf { get; init; }

        /// <summary>False when the file was too large to keep: GET …/file then answers 404.</summary>
        public bool FileStored { get; init; } = true;

        /// <summary>
        /// The analyst's review of this version: <c>{state, comment, by, at}</c>, state <c>pending</c> while never
        /// reviewed. Null for a rejected file or a duplicate record, which are never reviewed.
        /// </summary>
        public SubmissionReview? Review { get; init; }

        public required IReadOnlyList<IssueDto> Issues { get; init; }
    }

    public static RouteGroupBuilder MapSubmissions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/submissions").WithTags("Submissions").SignedIn();

        group.MapPost("/", Upload).DisableAntiforgery().RequireAuthorization(AccessRegistration.UploadPolicy)
            .WithName("UploadSubmission")
            .WithSummary("Gửi tệp báo cáo (tài khoản đơn vị, quản trị viên)")
            .WithDescription("multipart/form-data, trường `file` (.xlsx, .xls, .csv, .docx); nội dung được nhận dạng, không tin phần mở rộng hay kiểu khai báo. "
                + "201 khi được nhận, 200 khi trùng tệp đã nhận hoặc `dryRun=true` (không lưu gì). 413 khi tệp quá dung lượng (từ chối trước khi đọc), "
                + "422 kèm `issues` chỉ rõ ô sai và cách sửa khi báo cáo bị từ chối; 409 (mã `submission.approved`, cùng dạng) khi báo cáo của đơn vị cho đợt đã được duyệt. Tài khoản đơn vị chỉ gửi được cho đơn vị của mình (403, kể cả khi tệp ghi đơn vị khác).")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = UploadBody();
                return Task.CompletedTask;
            })
            .Produces<IngestResult>(StatusCodes.Status201Created)
            .Produces<IngestResult>(StatusCodes.Status200OK)
            .Changes()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/{id:long}", async Task<Results<Ok<SubmissionDetail>, ProblemHttpResult>> (long id, ClaimsPrincipal user, SubmissionStore store, TemplateStore templates,
            ReviewStore reviews, CancellationToken ct) =>
        {
            if (await store.GetAsync(id, ct) is not { } s)
            {
                return Problems.SubmissionNotFound(id);
            }
            return user.MaySee(s.UnitCode)
                ? TypedResults.Ok(ToDetail(s, await FiguresAsync(s, templates, ct)) with { Review = await ReviewOfAsync(s, reviews, ct) })
                : Problems.OtherUnit(user.BoundUnit());
        })
            .WithName("GetSubmission")
            .WithSummary("Kết quả một lần gửi báo cáo")
            .WithDescription("Trạng thái, số liệu, văn bản, người ký, danh sách lỗi/cảnh báo kèm vị trí và kết quả xét duyệt (`review`). Tài khoản đơn vị chỉ xem được báo cáo của mình.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:long}/file", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (long id, ClaimsPrincipal user, SubmissionStore store, CancellationToken ct) =>
        {
            if (await store.GetAsync(id, ct) is not { } s)
            {
                return Problems.SubmissionNotFound(id);
            }
            if (!user.MaySee(s.UnitCode))
            {
                return Problems.OtherUnit(user.BoundUnit());
            }
            if (!s.FileKept || await store.FileAsync(id, ct) is not { } bytes)
            {
                return Problems.FileNotKept(id, s.FileName, s.FileSize);
            }
            return TypedResults.File(bytes, ContentType(s.FileName), s.FileName);
        })
            .WithName("GetSubmissionFile")
            .WithSummary("Tải tệp gốc của một lần gửi báo cáo")
            .WithDescription("Đúng các byte đã nhận. 404 khi tệp quá dung lượng nên không được lưu (chỉ còn tên, dung lượng và SHA-256). Tài khoản đơn vị chỉ tải được tệp của mình.")
            .ProducesFile("application/octet-stream")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:long}/reinstate", ReinstateAsync)
            .WithName("ReinstateSubmission")
            .WithSummary("Khôi phục một bản báo cáo cũ thành bản được tính (chuyên viên, quản trị viên, chính đơn vị)")
            .WithDescription("Bản báo cáo đã được nhận nhưng bị bản sau thay thế trở lại thành bản được tính của đơn vị trong đợt; bản đang được tính chuyển thành bản bị thay thế. "
                + "200 với báo cáo (`replaced` là mã bản vừa bị thay thế, `changed: false` khi báo cáo đã là bản được tính). 403 với báo cáo của đơn vị khác, "
                + "404 khi không có báo cáo, 409 khi báo cáo bị từ chối hoặc là bản gửi trùng, khi đợt đã đóng, hoặc khi bản được tính vừa thay đổi.")
            .Changes()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:long}/review", ReviewAsync).RequireAuthorization(AccessRegistration.AnalystPolicy)
            .WithName("ReviewSubmission")
            .WithSummary("Xét duyệt báo cáo: duyệt, trả lại kèm nhận xét, hoặc chuyển về chờ duyệt (chuyên viên, quản trị viên)")
            .WithDescription("Thân yêu cầu là JSON {\"state\": \"approved\" | \"returned\" | \"pending\", \"comment\": \"…\"}; nhận xét bắt buộc khi trả lại (tối đa 2.000 ký tự). "
                + "Chỉ xét duyệt được bản đang được tính của đơn vị (409 với bản đã bị thay thế, bị từ chối hoặc bản gửi trùng). Khi báo cáo đã được duyệt, "
                + "tệp mới của đơn vị cho đợt đó bị từ chối (409, mã `submission.approved`) cho đến khi báo cáo được chuyển về chờ duyệt. "
                + "200 với báo cáo kèm `review`; 404 khi không có báo cáo; 422 khi trạng thái hoặc nhận xét không hợp lệ; 403 với tài khoản đơn vị.")
            .JsonBody(typeof(ReviewBody))
            .Changes()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return group;
    }

    /// <summary>The body of <c>POST /api/submissions/{id}/review</c>.</summary>
    public sealed record ReviewBody
    {
        /// <summary><c>approved</c>, <c>returned</c> or <c>pending</c>.</summary>
        public string? State { get; init; }

        /// <summary>What the unit is to correct; required for <c>returned</c>.</summary>
        public string? Comment { get; init; }
    }

    private static async Task<Results<Ok<SubmissionDetail>, ProblemHttpResult>> ReviewAsync(long id, HttpRequest request, ClaimsPrincipal user,
        ReviewService reviews, TemplateStore templates, CancellationToken ct)
    {
        const string Shape = "{\"state\": \"approved\" | \"returned\" | \"pending\", \"comment\": \"…\"}";
        var (body, error) = await RoundDraftBody.ReadAsync<ReviewBody>(request,
            $"Nội dung gửi lên quá dài cho một lần xét duyệt. Hãy gửi một đối tượng JSON {Shape}.",
            ex => $"Nội dung gửi lên không phải JSON hợp lệ ({ex.Path}, dòng {ex.LineNumber + 1}). Hãy gửi một đối tượng JSON {Shape}.",
            $"Chưa gửi nội dung xét duyệt. Hãy gửi một đối tượng JSON {Shape}.", ct);
        if (body is null)
        {
            return Problems.BadRequest(error!);
        }
        var outcome = await reviews.SetAsync(id, body.State, body.Comment, user.Actor(), ct);
        switch (outcome.Failure)
        {
            case ReviewFailure.NotFound:
                return Problems.SubmissionNotFound(id);
            case ReviewFailure.Invalid:
                return TypedResults.Problem(title: "Nội dung xét duyệt không hợp lệ", detail: outcome.Problem, statusCode: StatusCodes.Status422UnprocessableEntity);
            case ReviewFailure.NotCurrent:
                return TypedResults.Problem(title: "Không phải bản đang được tính", detail: outcome.Problem, statusCode: StatusCodes.Status409Conflict);
        }
        var submission = outcome.Submission!;
        return TypedResults.Ok(ToDetail(submission, await FiguresAsync(submission, templates, ct)) with { Review = outcome.Review });
    }

    /// <summary>An accepted version's review (pending when never reviewed); null for a rejection or a duplicate record.</summary>
    internal static async Task<SubmissionReview?> ReviewOfAsync(SubmissionRecord s, ReviewStore reviews, CancellationToken ct) =>
        s.Outcome == Outcomes.Accepted ? await reviews.OfAsync(s.Id, ct) : null;

    /// <summary>The answer of <c>POST /api/submissions/{id}/reinstate</c>: the submission as it is now and what changed.</summary>
    public sealed record Reinstated
    {
        public required SubmissionDetail Submission { get; init; }

        /// <summary>The version that counted before and is superseded now; null when nothing changed.</summary>
        public long? Replaced { get; init; }

        /// <summary>False when the submission already was the current version.</summary>
        public required bool Changed { get; init; }
    }

    private static async Task<Results<Ok<Reinstated>, ProblemHttpResult>> ReinstateAsync(long id, ClaimsPrincipal user, Reinstatement reinstatement,
        TemplateStore templates, AuditLog audit, CancellationToken ct)
    {
        var outcome = await reinstatement.ReinstateAsync(id, user.IsAnalyst() ? null : user.BoundUnit() ?? "", ct);
        switch (outcome.Failure)
        {
            case ReinstateFailure.NotFound:
                return Problems.SubmissionNotFound(id);
            case ReinstateFailure.OtherUnit:
                return Problems.Forbidden(outcome.Problem!);
            case ReinstateFailure.NotAccepted:
                return TypedResults.Problem(title: "Không khôi phục được báo cáo", detail: outcome.Problem, statusCode: StatusCodes.Status409Conflict);
            case ReinstateFailure.RoundClosed:
                return TypedResults.Problem(title: "Đợt báo cáo đã đóng", detail: outcome.Problem, statusCode: StatusCodes.Status409Conflict);
            case ReinstateFailure.Concurrent:
                return TypedResults.Problem(title: "Bản được tính vừa thay đổi", detail: outcome.Problem, statusCode: StatusCodes.Status409Conflict);
            case ReinstateFailure.Approved:
                return TypedResults.Problem(title: "Báo cáo đã được duyệt", detail: outcome.Problem, statusCode: StatusCodes.Status409Conflict,
                    extensions: new Dictionary<string, object?> { ["code"] = Core.Issues.IssueCodes.SubmissionApproved });
        }
        var version = outcome.Version!;
        if (outcome.Changed)
        {
            await audit.WriteAsync(user.Actor(), AuditActions.SubmissionReinstated, $"#{id}",
                $"đơn vị {version.UnitCode}; đợt {version.RoundCode}{(outcome.Replaced is { } replaced ? $"; thay cho #{replaced}" : "")}", ct);
        }
        return TypedResults.Ok(new Reinstated
        {
            Submission = ToDetail(version, await FiguresAsync(version, templates, ct)),
            Replaced = outcome.Replaced,
            Changed = outcome.Changed,
        });
    }

    private static async Task<IResult> Upload(HttpRequest request, [FromQuery] string? round, [FromQuery] string? unit,
        [FromQuery] bool? dryRun, ClaimsPrincipal user, UploadHandler uploads, IOptions<IngestOptions> options, CancellationToken ct)
    {
        // A department reports for its own unit only: a hint for another unit is refused before the body is read.
        var bound = user.BoundUnit();
        if (bound is not null && unit is not null && unit != bound)
        {
            return Problems.OtherUnit(bound);
        }
        var (_, file, problem) = await MultipartFile.ReadAsync(request, UploadLimits.RequestBytes(options.Value),
            () => TypedResults.Problem(RequestProblems.TooLarge(request.HttpContext)),
            "Hãy gửi tệp báo cáo dưới dạng multipart/form-data, trường “file”.",
            "Thiếu trường “file” chứa tệp báo cáo (.xlsx, .xls hoặc .csv).", ct);
        if (file is null)
        {
            return problem!;
        }
        var dry = dryRun ?? false;
        var outcome = await uploads.HandleAsync(user, file, new SenderHints { Round = round, Unit = bound ?? unit, DryRun = dry }, bound, ct);
        if (outcome.Refusal is { } refusal)
        {
            return Problems.Forbidden(refusal);
        }
        var result = outcome.Result!;
        if (result.Rejected)
        {
            var locked = IsLockedByApproval(result);
            return TypedResults.Problem(
                title: locked ? "Báo cáo đã được duyệt" : "Báo cáo không được chấp nhận",
                detail: result.Issues.FirstOrDefault(i => i.Severity == "error")?.Message,
                statusCode: locked ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?>
                {
                    ["file"] = result.File,
                    ["outcome"] = result.Status,
                    ["submissionId"] = result.SubmissionId,
                    ["unit"] = result.Unit,
                    ["round"] = result.Round,
                    ["issues"] = result.Issues,
                });
        }
        if (dry || result.Status == Outcomes.Duplicate)
        {
            return TypedResults.Ok(result);
        }
        return TypedResults.Created($"/api/submissions/{result.SubmissionId}", result);
    }

    /// <summary>
    /// A file refused because the unit's report for the round is approved (issue <c>submission.approved</c>): a
    /// conflict with the round's state, answered 409 rather than 422 by every door that takes a report.
    /// </summary>
    public static bool IsLockedByApproval(IngestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Rejected && result.Issues.Any(i => i.Severity == "error" && i.Code == Core.Issues.IssueCodes.SubmissionApproved);
    }

    /// <summary>The upload's body as the handler reads it, which the generator cannot see: one multipart field "file".</summary>
    private static OpenApiRequestBody UploadBody() => new()
    {
        Required = true,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["multipart/form-data"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "file" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "Tệp báo cáo .xlsx, .xls, .csv hoặc .docx." },
                    },
                },
            },
        },
    };

    /// <summary>A submission's figures with its template's indicators, as every object shows them.</summary>
    internal static async Task<FigureView> FiguresAsync(SubmissionRecord s, TemplateStore templates, CancellationToken ct)
    {
        var definition = s.TemplateId is null ? null : await templates.DefinitionAsync(s.TemplateId, s.TemplateVersion, ct);
        return FigureView.Of(definition, s.Figures);
    }

    private static SubmissionDetail ToDetail(SubmissionRecord s, FigureView figures) => new()
    {
        Id = s.Id,
        File = s.FileName,
        Status = s.Status,
        Outcome = s.Outcome,
        Unit = s.UnitCode,
        Round = s.RoundCode,
        ReceivedAt = s.ReceivedAt,
        Source = s.Source,
        Sha256 = s.FileSha256,
        Size = s.FileSize,
        ParserVersion = s.ParserVersion,
        Template = s.TemplateId,
        TemplateVersion = s.TemplateId is null ? null : s.TemplateVersion,
        Figures = figures.Figures,
        Fields = figures.Fields,
        DocumentNumber = s.DocNumber,
        Signer = s.Signer,
        DuplicateOf = s.DuplicateOf,
        Supersedes = s.Supersedes,
        ReplayOf = s.ReplayOf,
        FileStored = s.FileKept,
        Issues = s.Issues.Select(IssueDto.From).ToList(),
    };

    private static string ContentType(string fileName) => ReportFormats.MediaTypeOf(fileName);
}
