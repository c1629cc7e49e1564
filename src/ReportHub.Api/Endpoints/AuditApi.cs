using ReportHub.Api.Access;
using ReportHub.Pipeline.Access;
using ReportHub.Warehouse.Access;

namespace ReportHub.Api.Endpoints;

public static class AuditApi
{
    /// <summary><c>GET /api/audit</c> for admins, latest first.</summary>
    public static RouteGroupBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(AccessRegistration.AdminPolicy).SignedIn();
        group.MapGet("/", async (int? limit, AuditLog audit, CancellationToken ct) =>
            TypedResults.Ok<IReadOnlyList<AuditEntry>>(await audit.RecentAsync(limit ?? 200, ct)))
            .WithName("ListAudit")
            .WithSummary("Nhật ký thao tác làm thay đổi dữ liệu (quản trị viên)")
            .WithDescription("Các thao tác gần nhất trước: gửi báo cáo, tạo/đóng/mở lại đợt, thêm mẫu, thay đổi tài khoản và khóa; "
                + "mỗi dòng có người hoặc mã truy cập API thực hiện, thời điểm, đối tượng và chi tiết. `limit` mặc định 200. Chỉ quản trị viên.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }
}
