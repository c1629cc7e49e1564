using System.Security.Claims;
using ReportHub.Api.Access;
using ReportHub.Pipeline.Access;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using ReportHub.Core.Templates;
using ReportHub.Pipeline.Templates;

namespace ReportHub.Api.Endpoints;

/// <summary>Templates as registered, versioned JSON definitions.</summary>
public static class TemplatesApi
{
    private const string SchemaMediaType = "application/schema+json";

    public static RouteGroupBuilder MapTemplates(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/templates").WithTags("Templates").SignedIn();

        group.MapGet("/", async (TemplateRegistry registry, CancellationToken ct) => TypedResults.Ok(await registry.ListAsync(ct)))
            .WithName("ListTemplates")
            .WithSummary("Danh sách mẫu báo cáo")
            .WithDescription("Mỗi mẫu đã đăng ký với mã, phiên bản mới nhất và tên.");

        // Mapped before /{id} would be ambiguous only in name: "schema.json" is not a valid template id.
        group.MapGet("/schema.json", () => TypedResults.Text(TemplateResources.SchemaJson, SchemaMediaType, Encoding.UTF8))
            .WithName("GetTemplateSchema")
            .WithSummary("JSON Schema của định nghĩa mẫu báo cáo")
            .WithDescription("Lược đồ mà mọi định nghĩa mẫu gửi lên POST /api/templates phải theo.")
            .Produces<object>(StatusCodes.Status200OK, SchemaMediaType);

        group.MapGet("/{id}", async Task<Results<ContentHttpResult, ProblemHttpResult>> (string id, int? version, TemplateRegistry registry, CancellationToken ct) =>
            await registry.GetAsync(id, version, ct) is { } template
                ? TypedResults.Text(template.Definition, "application/json", Encoding.UTF8)
                : Problems.NotFound("Không tìm thấy mẫu báo cáo", version is null
                    ? $"Không có mẫu báo cáo “{id}”. Danh sách mẫu ở /api/templates."
                    : $"Mẫu báo cáo “{id}” không có phiên bản {version}. Bỏ tham số version để lấy phiên bản mới nhất."))
            .WithName("GetTemplate")
            .WithSummary("Định nghĩa JSON của một mẫu báo cáo")
            .WithDescription("Phiên bản mới nhất, hoặc phiên bản `version`. 404 khi không có mẫu hoặc phiên bản đó.")
            .Produces<object>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);

        // Registering templates is for analysts and admins; a department only reads them.
        group.MapPost("/", Register).DisableAntiforgery().RequireAuthorization(AccessRegistration.AnalystPolicy)
            .WithName("RegisterTemplate")
            .WithSummary("Đăng ký mẫu báo cáo (chuyên viên, quản trị viên)")
            .WithDescription("Thân yêu cầu là định nghĩa JSON theo /api/templates/schema.json. 201 khi là phiên bản mới, 200 khi trùng "
                + "định nghĩa đã có; 422 kèm `errors: [{path, message}]` khi định nghĩa sai.")
            .JsonBody(typeof(JsonElement))
            .Changes()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return group;
    }

    private static async Task<Results<Created<TemplateSummary>, Ok<TemplateSummary>, ProblemHttpResult>> Register(HttpRequest request, ClaimsPrincipal user, TemplateRegistry registry, AuditLog audit, CancellationToken ct)
    {
        string body;
        // Read as text bounded by the validator's limit: a definition is small, and the body is never trusted to be.
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            var buffer = new char[TemplateValidator.MaxChars + 1];
            var read = 0;
            int n;
            while (read < buffer.Length && (n = await reader.ReadAsync(buffer.AsMemory(read), ct)) > 0)
            {
                read += n;
            }
            body = new string(buffer, 0, read);
        }
        var result = await registry.AddAsync(body, ct);
        if (!result.Accepted)
        {
            return TypedResults.Problem(
                title: "Định nghĩa mẫu không hợp lệ",
                detail: result.Errors.Count == 1 ? result.Errors[0].ToString() : $"Định nghĩa mẫu có {result.Errors.Count} lỗi; xem danh sách “errors”.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?> { ["errors"] = result.Errors });
        }
        var template = result.Template!;
        if (result.Status == RegistrationStatus.Registered)
        {
            await audit.WriteAsync(user.Actor(), AuditActions.TemplateAdded, AuditDetails.Template(template.Id, template.Version), template.Title, ct);
        }
        return result.Status == RegistrationStatus.Registered
            ? TypedResults.Created($"/api/templates/{template.Id}?version={template.Version}", template)
            : TypedResults.Ok(template);
    }
}
