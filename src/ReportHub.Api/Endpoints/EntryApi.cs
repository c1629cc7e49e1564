using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using ReportHub.Aggregate.Export;
using ReportHub.Api.Access;
using ReportHub.Api.Entry;
using ReportHub.Pipeline.Ingestion;
using ReportHub.Warehouse.Submissions;

namespace ReportHub.Api.Endpoints;

/// <summary><c>POST /api/submissions/entry</c>: a report's values sent as JSON, answered exactly as an upload of the filled blank.</summary>
public static class EntryApi
{
    /// <summary>The body as documented; the handler reads it itself so every fault is named in Vietnamese.</summary>
    public sealed record EntryBodyDocument
    {
        public required string Round { get; init; }
        public required string Unit { get; init; }
        public Dictionary<string, List<Dictionary<string, string>>>? Tables { get; init; }
        public Dictionary<string, string>? Narratives { get; init; }
        public bool DryRun { get; init; }
    }

    public static RouteGroupBuilder MapEntry(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/submissions").WithTags("Submissions").SignedIn();
        group.MapPost("/entry", EnterAsync).RequireAuthorization(AccessRegistration.UploadPolicy)
            .WithName("EnterSubmission")
            .WithSummary("Gửi báo cáo nhập trực tiếp (tài khoản đơn vị, quản trị viên)")
            .WithDescription("JSON {round, unit, tables: {mục: [{cột: giá trị}]}, narratives: {mục: văn bản}, dryRun}; mọi giá trị là chuỗi, đúng như gõ vào ô. "
                + "Biểu mẫu trống của đợt được điền các giá trị rồi xử lý như một tệp tải lên: cùng mã trả lời, cùng các bước kiểm tra; "
                + "mỗi lỗi có thêm `entry` {field, section, row, column} chỉ ô trên biểu mẫu. 400 khi nội dung không phải JSON, "
                + "413 khi quá 2 MB, 422 kèm `errors` khi có mục, cột không có trong mẫu hoặc giá trị không phải chuỗi.")
            .JsonBody(typeof(EntryBodyDocument))
            .Produces<IngestResult>(StatusCodes.Status201Created)
            .Produces<IngestResult>(StatusCodes.Status200OK)
            .Changes()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/entry/draft", GetDraftAsync).RequireAuthorization(AccessRegistration.UploadPolicy)
            .WithName("GetEntryDraft")
            .WithSummary("Bản nháp báo cáo nhập trực tiếp của đơn vị trong đợt")
            .WithDescription("200 {round, unit, tables, narratives, savedAt}; 404 khi chưa có bản nháp. Tài khoản đơn vị chỉ xem được bản nháp của mình.")
            .Produces<DraftAnswer>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/entry/draft", SaveDraftAsync).RequireAuthorization(AccessRegistration.UploadPolicy)
            .WithName("SaveEntryDraft")
            .WithSummary("Lưu bản nháp báo cáo nhập trực tiếp")
            .WithDescription("Cùng thân yêu cầu như POST /api/submissions/entry (bỏ qua `dryRun`); thay bản nháp trước đó của đơn vị trong đợt. "
                + "200 {round, unit, savedAt}; 422 kèm `errors` như khi gửi.")
            .JsonBody(typeof(EntryBodyDocument))
            .Produces(StatusCodes.Status200OK)
            .Changes()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/entry/draft", DeleteDraftAsync).RequireAuthorization(AccessRegistration.UploadPolicy)
            .WithName("DeleteEntryDraft")
            .WithSummary("Xóa bản nháp báo cáo nhập trực tiếp")
            .WithDescription("204 khi đã xóa; 404 khi không có bản nháp.")
            .Produces(StatusCodes.Status204NoContent)
            .Changes()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    /// <summary>A stored draft as the API shows it.</summary>
    public sealed record DraftAnswer
    {
        public required string Round { get; init; }
        public required string Unit { get; init; }
        public required IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>> Tables { get; init; }
        public required IReadOnlyDictionary<string, string> Narratives { get; init; }
        public required DateTimeOffset SavedAt { get; init; }
    }

    /// <summary>The unit a draft route is for: a department's own, else the query's; or the problem that answers.</summary>
    private static (string? Unit, IResult? Problem) DraftUnit(ClaimsPrincipal user, string? round, string? unit)
    {
        if (user.BoundUnit() is { } bound && unit is not null && unit != bound)
        {
            return (null, Problems.OtherUnit(bound));
        }
        var code = user.BoundUnit() ?? unit;
        return round is null || code is null
            ? (null, Problems.BadRequest("Hãy cho biết đợt và đơn vị: ?round=MÃ_ĐỢT&unit=MÃ_ĐƠN_VỊ."))
            : (code, null);
    }

    private static ProblemHttpResult NoDraft(string unit, string round) =>
        Problems.NotFound("Chưa có bản nháp", $"Đơn vị {unit} chưa lưu bản nháp nào cho đợt {round}.");

    private static async Task<IResult> GetDraftAsync(string? round, string? unit, ClaimsPrincipal user, EntryService entries, CancellationToken ct)
    {
        var (code, problem) = DraftUnit(user, round, unit);
        if (code is null)
        {
            return problem!;
        }
        if (await entries.DraftAsync(round!, code, ct) is not { } draft)
        {
            return NoDraft(code, round!);
        }
        return TypedResults.Ok(new DraftAnswer
        {
            Round = round!,
            Unit = code,
            Tables = draft.Values.Tables,
            Narratives = draft.Values.Narratives,
            SavedAt = draft.SavedAt,
        });
    }

    private static async Task<IResult> DeleteDraftAsync(string? round, string? unit, ClaimsPrincipal user, EntryService entries, CancellationToken ct)
    {
        var (code, problem) = DraftUnit(user, round, unit);
        if (code is null)
        {
            return problem!;
        }
        return await entries.DeleteDraftAsync(round!, code, ct) ? TypedResults.NoContent() : NoDraft(code, round!);
    }

    private static async Task<IResult> SaveDraftAsync(HttpRequest request, ClaimsPrincipal user, EntryService entries, CancellationToken ct)
    {
        var (entry, _, problem) = await ReadEntryAsync(request, user, ct);
        if (entry is null)
        {
            return problem!;
        }
        var form = await entries.FormAsync(entry.Round, entry.Unit, ct);
        switch (form.Failure)
        {
            case EntryFailure.RoundNotFound:
                return Problems.RoundNotFound(entry.Round);
            case EntryFailure.UnitNotFound:
                return Problems.UnitNotFound(entry.Unit);
            case EntryFailure.TemplateNotFound:
                return Problems.TemplateNotFound(form.Round?.Template ?? "");
        }
        if (EntryService.Check(form.Template!, entry.Values) is { Count: > 0 } faults)
        {
            return Invalid(faults);
        }
        var at = await entries.SaveDraftAsync(user, entry.Round, entry.Unit, entry.Values, ct);
        return TypedResults.Ok(new { round = entry.Round, unit = entry.Unit, savedAt = at });
    }

    /// <summary>
    /// The body read as JSON, its unit checked against a department's own before anything else is looked at, then read
    /// as an entry; or the problem that answers it. The entry holds copies, so the document is gone when it returns.
    /// </summary>
    private static async Task<(EntryRequest? Entry, string? Bound, IResult? Problem)> ReadEntryAsync(HttpRequest request, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var (document, problem) = await ReadAsync(request, ct);
        if (document is null)
        {
            return (null, null, problem);
        }
        using (document)
        {
            var bound = user.BoundUnit();
            if (bound is not null && EntryBody.UnitOf(document.RootElement) is { } named && named != bound)
            {
                return (null, bound, Problems.OtherUnit(bound));
            }
            var (entry, errors) = EntryBody.Read(document.RootElement);
            return entry is null ? (null, bound, Invalid(errors)) : (entry, bound, null);
        }
    }

    /// <summary>The body as JSON, read within <see cref="EntryLimits.MaxBodyBytes"/>; or the problem that answers it.</summary>
    private static async Task<(JsonDocument? Document, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var tooLarge = TypedResults.Problem(title: "Nội dung quá lớn",
            detail: $"Nội dung nhập gửi lên vượt quá {EntryLimits.BodyLabel}. Hãy gửi báo cáo lớn bằng tệp Excel (POST /api/submissions).",
            statusCode: StatusCodes.Status413PayloadTooLarge);
        if (request.ContentLength > EntryLimits.MaxBodyBytes)
        {
            return (null, tooLarge);
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            await buffer.WriteAsync(chunk.AsMemory(0, read), ct);
            if (buffer.Length > EntryLimits.MaxBodyBytes)
            {
                return (null, tooLarge);
            }
        }
        if (buffer.Length == 0)
        {
            return (null, Problems.BadRequest($"Chưa gửi nội dung báo cáo. Hãy gửi một đối tượng JSON {EntryBody.Shape}."));
        }
        try
        {
            return (JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 16 }), null);
        }
        catch (JsonException ex)
        {
            return (null, Problems.BadRequest($"Nội dung gửi lên không phải JSON hợp lệ (dòng {ex.LineNumber + 1}). Hãy gửi một đối tượng JSON {EntryBody.Shape}."));
        }
    }


    private static async Task<IResult> EnterAsync(HttpRequest request, ClaimsPrincipal user, EntryService entries, IOptions<JsonOptions> json,
        CancellationToken ct)
    {
        var (entry, bound, problem) = await ReadEntryAsync(request, user, ct);
        if (entry is null)
        {
            return problem!;
        }
        var outcome = await entries.SubmitAsync(user, entry, bound ?? entry.Unit, ct);
        switch (outcome.Failure)
        {
            case EntryFailure.RoundNotFound:
                return Problems.RoundNotFound(entry.Round);
            case EntryFailure.UnitNotFound:
                return Problems.UnitNotFound(entry.Unit);
            case EntryFailure.TemplateNotFound:
                return Problems.TemplateNotFound(outcome.Form?.Round?.Template ?? "");
            case EntryFailure.Invalid:
                return Invalid(outcome.Errors);
        }
        var upload = outcome.Upload!;
        if (upload.Refusal is { } refusal)
        {
            return Problems.Forbidden(refusal);
        }
        var result = upload.Result!;
        var issues = Issues(outcome.Issues, json.Value.SerializerOptions);
        if (result.Rejected)
        {
            // As the upload answers: an approved report's lock is a conflict with the round's state, not a bad form.
            var locked = SubmissionsApi.IsLockedByApproval(result);
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
                    ["issues"] = issues,
                });
        }
        var answer = JsonSerializer.SerializeToNode(result, json.Value.SerializerOptions)!.AsObject();
        answer["issues"] = issues;
        if (entry.DryRun || result.Status == Outcomes.Duplicate)
        {
            return TypedResults.Json(answer, json.Value.SerializerOptions);
        }
        return new CreatedJson($"/api/submissions/{result.SubmissionId}",
            TypedResults.Json(answer, json.Value.SerializerOptions, statusCode: StatusCodes.Status201Created));
    }

    /// <summary>The upload's issues with where each points on the form: <c>entry</c> {field, section, row, column}, or null.</summary>
    private static JsonArray Issues(IReadOnlyList<LocatedIssue> issues, JsonSerializerOptions options)
    {
        var array = new JsonArray();
        foreach (var located in issues)
        {
            var node = JsonSerializer.SerializeToNode(located.Issue, options)!.AsObject();
            node["entry"] = located.Place is { } place ? JsonSerializer.SerializeToNode(Where(place), options) : null;
            array.Add(node);
        }
        return array;
    }

    private static EntryPlace Where(FormPlace place) => new()
    {
        Field = place.Field,
        Section = place.Section,
        Row = place.Row,
        Column = place.Column,
    };

    /// <summary>Where an issue points on the form: a label (<c>field</c>), or a section, its row (from 1) and its column.</summary>
    public sealed record EntryPlace
    {
        public string? Field { get; init; }
        public string? Section { get; init; }
        public int? Row { get; init; }
        public string? Column { get; init; }
    }

    private static IResult Invalid(IReadOnlyList<EntryError> errors) => TypedResults.Problem(
        title: "Nội dung nhập không hợp lệ",
        detail: errors.Count == 0 ? $"Hãy gửi một đối tượng JSON {EntryBody.Shape}." : errors[0].Message,
        statusCode: StatusCodes.Status422UnprocessableEntity,
        extensions: new Dictionary<string, object?> { ["errors"] = errors.Take(50).ToList() });

    /// <summary>201 with the answer's JSON and its Location.</summary>
    private sealed class CreatedJson(string location, IResult json) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            return json.ExecuteAsync(httpContext);
        }
    }
}
