using ReportHub.Api.Access;
using ReportHub.Pipeline.Access;
using ReportHub.Warehouse.Access;

namespace ReportHub.Api.Endpoints;

public static class AuditApi
{
    /// <summary>CONTRACT §5: <c>GET /api/audit</c> for admins, latest first.</summary>
    public static RouteGroupBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(AccessRegistration.AdminPolicy);
        group.MapGet("/", async (int? limit, AuditLog audit, CancellationToken ct) =>
            TypedResults.Ok<IReadOnlyList<AuditEntry>>(await audit.RecentAsync(limit ?? 200, ct)))
            .WithSummary("Nhật ký thao tác làm thay đổi dữ liệu (quản trị viên)");
        return group;
    }
}
