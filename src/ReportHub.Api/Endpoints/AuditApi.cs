using System.Globalization;
using ReportHub.Api.Access;
using ReportHub.Api.Web;
using ReportHub.Pipeline.Access;
using ReportHub.Warehouse.Access;

namespace ReportHub.Api.Endpoints;

public static class AuditApi
{
    /// <summary>How many entries match the filters in all, whatever the page: a script pages with <c>offset</c> until it has them.</summary>
    public const string TotalHeader = "X-Total-Count";

    /// <summary><c>GET /api/audit</c> for admins, latest first, filtered and paged.</summary>
    public static RouteGroupBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(AccessRegistration.AdminPolicy).SignedIn();
        group.MapGet("/", async (int? limit, int? offset, string? actor, string? action, string? from, string? to, string? q,
                HttpContext http, AuditLog audit, CancellationToken ct) =>
            {
                if (offset < 0)
                {
                    return Results.Problem(title: "Yêu cầu không hợp lệ", detail: "`offset` phải là số không âm.", statusCode: StatusCodes.Status400BadRequest);
                }
                var filter = new AuditFilter { Actor = actor, Action = action, From = from, To = to, Text = q };
                var (query, problem) = filter.ToQuery(offset ?? 0, limit ?? 200);
                if (query is null)
                {
                    return Results.Problem(title: "Yêu cầu không hợp lệ", detail: problem, statusCode: StatusCodes.Status400BadRequest);
                }
                var page = await audit.SearchAsync(query, ct);
                http.Response.Headers[TotalHeader] = page.Total.ToString(CultureInfo.InvariantCulture);
                return TypedResults.Ok(page.Entries);
            })
            .WithName("ListAudit")
            .WithSummary("Nhật ký thao tác làm thay đổi dữ liệu (quản trị viên)")
            .WithDescription("Các thao tác gần nhất trước: gửi báo cáo, tạo/đóng/mở lại đợt, thêm mẫu, thay đổi tài khoản và khóa; "
                + "mỗi dòng có người hoặc mã truy cập API thực hiện, thời điểm, đối tượng và chi tiết. `limit` mặc định 200 (1–1000), `offset` bỏ qua "
                + "bấy nhiêu mục đầu. Lọc: `actor` (người hoặc mã truy cập API, chứa chuỗi), `action` (mã thao tác, ví dụ round.create), "
                + "`from`, `to` (ngày theo giờ Việt Nam, yyyy-MM-dd, tính cả hai ngày), `q` (chữ trong đối tượng, chi tiết hoặc người thực hiện). "
                + "Tổng số mục khớp ở tiêu đề X-Total-Count. Chỉ quản trị viên.")
            .Produces<IReadOnlyList<AuditEntry>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }
}
