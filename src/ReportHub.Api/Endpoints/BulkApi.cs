using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using ReportHub.Api.Access;
using ReportHub.Api.Uploads;
using ReportHub.Pipeline.Intake.Archives;

namespace ReportHub.Api.Endpoints;

/// <summary><c>POST /api/submissions/bulk</c>: a .zip of reports received by e-mail, one outcome per file.</summary>
public static class BulkApi
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static RouteHandlerBuilder MapBulkSubmissions(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var requestBytes = BulkIntakeRegistration.RequestBytes(app.ServiceProvider);
        return app.MapPost("/api/submissions/bulk", BulkAsync)
            .WithTags("Submissions")
            .DisableAntiforgery()
            .RequireAuthorization(AccessRegistration.AnalystPolicy)
            .WithRequestSizeLimits(requestBytes)
            .WithName("UploadSubmissionsBulk")
            .WithSummary("Gửi một tệp nén .zip gồm nhiều báo cáo (chuyên viên, quản trị viên)")
            .WithDescription("multipart/form-data, trường `file` (tệp .zip), tùy chọn `round` (mã đợt; không có thì nhận dạng từ từng tệp như khi gửi một tệp). "
                + "Mỗi tệp trong tệp nén đi đúng con đường của một tệp gửi lên, đơn vị nhận dạng từ chính tệp. 200 với `files` (mỗi tệp một kết quả: "
                + "`accepted`, `rejected`, `duplicate`, hoặc `refused` khi tệp không được đọc) và `summary`. 413 khi tệp nén, số tệp hoặc tổng dung lượng "
                + "sau giải nén vượt giới hạn (không tệp nào được nhận); 422 khi không phải tệp .zip đọc được. Tài khoản đơn vị: 403.")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = Body();
                return Task.CompletedTask;
            })
            .Produces<BulkAnswer>(StatusCodes.Status200OK)
            .Changes()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    private static async Task<Results<Ok<BulkAnswer>, ProblemHttpResult>> BulkAsync(HttpRequest request, [FromQuery] string? round, ClaimsPrincipal user,
        BulkUploads bulk, CancellationToken ct)
    {
        var limits = bulk.Limits;
        var (form, file, problem) = await MultipartFile.ReadAsync(request, BulkUploads.RequestBytes(limits), () => ArchiveTooLarge(limits),
            "Hãy gửi tệp nén dưới dạng multipart/form-data, trường “file” (ví dụ curl -F file=@bao-cao.zip).",
            "Thiếu trường “file” chứa tệp nén .zip các báo cáo.", ct);
        if (file is null)
        {
            return problem!;
        }
        if (file.Length > limits.MaxArchiveBytes)
        {
            return ArchiveTooLarge(limits);
        }
        try
        {
            await using var content = file.OpenReadStream();
            return TypedResults.Ok(await bulk.HandleAsync(user, content, round ?? form!["round"].FirstOrDefault(), ct));
        }
        catch (ArchiveRefusedException refused)
        {
            return Refused(refused, limits);
        }
    }

    /// <summary>The problem for an archive refused whole: 413 naming the limit, else 422.</summary>
    internal static ProblemHttpResult Refused(ArchiveRefusedException refused, ArchiveOptions limits)
    {
        ArgumentNullException.ThrowIfNull(refused);
        var key = refused.Refusal switch
        {
            ArchiveRefusal.TooManyEntries => $"{ArchiveOptions.Section}:{nameof(ArchiveOptions.MaxEntries)}",
            ArchiveRefusal.TooLarge => $"{ArchiveOptions.Section}:{nameof(ArchiveOptions.MaxTotalBytes)}",
            _ => null,
        };
        return TypedResults.Problem(
            title: refused.OverLimit ? "Tệp nén vượt quá giới hạn" : "Không đọc được tệp nén",
            detail: refused.Message,
            statusCode: refused.OverLimit ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?> { ["refusal"] = Code(refused.Refusal), ["limit"] = key });
    }

    /// <summary>The archive's body over <c>Bulk:MaxArchiveBytes</c>: refused before it is read.</summary>
    internal static ProblemHttpResult ArchiveTooLarge(ArchiveOptions limits) => TypedResults.Problem(
        title: "Tệp nén quá lớn",
        detail: ArchiveTooLargeDetail(limits),
        statusCode: StatusCodes.Status413PayloadTooLarge,
        extensions: new Dictionary<string, object?>
        {
            ["refusal"] = "archive-too-large",
            ["limit"] = $"{ArchiveOptions.Section}:{nameof(ArchiveOptions.MaxArchiveBytes)}",
        });

    public static string ArchiveTooLargeDetail(ArchiveOptions limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return $"Tệp nén gửi lên vượt quá {Errors.ErrorWording.Megabytes(limits.MaxArchiveBytes)} MB (giới hạn mỗi tệp nén) nên không được nhận. "
            + "Hãy chia các báo cáo thành nhiều tệp nén nhỏ hơn rồi gửi lần lượt.";
    }

    private static string Code(ArchiveRefusal refusal) => refusal switch
    {
        ArchiveRefusal.NotZip => "not-zip",
        ArchiveRefusal.Corrupt => "corrupt",
        ArchiveRefusal.SingleReport => "single-report",
        ArchiveRefusal.Empty => "empty",
        ArchiveRefusal.TooManyEntries => "too-many-entries",
        _ => "too-large",
    };

    private static OpenApiRequestBody Body() => new()
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
                        ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "Tệp nén .zip gồm các tệp báo cáo." },
                        ["round"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Mã đợt báo cáo (không bắt buộc)." },
                    },
                },
            },
        },
    };
}
