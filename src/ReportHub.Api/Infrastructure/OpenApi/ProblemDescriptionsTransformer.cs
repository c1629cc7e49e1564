using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ReportHub.Api.Infrastructure.OpenApi;

/// <summary>
/// Says in Vietnamese when each error answer happens, in place of the bare reason phrase the generator writes
/// ("Not Found"), so the reference reads like the problem details the API actually returns.
/// </summary>
public sealed class ProblemDescriptionsTransformer : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["400"] = "Yêu cầu không hợp lệ: nội dung sai định dạng, hoặc yêu cầu từ trình duyệt thiếu mã chống giả mạo (CSRF).",
        ["401"] = "Chưa đăng nhập, hoặc mã truy cập API không hợp lệ, đã thu hồi hay hết hạn.",
        ["403"] = "Vai trò hoặc đơn vị của tài khoản/khóa không được phép (ví dụ tài khoản đơn vị truy cập dữ liệu đơn vị khác).",
        ["404"] = "Không tìm thấy đợt báo cáo, đơn vị, báo cáo, tệp hoặc mẫu được yêu cầu.",
        ["409"] = "Đã có một đợt báo cáo cùng mã.",
        ["413"] = "Tệp vượt quá dung lượng cho phép (Ingest:MaxFileBytes, mặc định 20 MB); bị từ chối trước khi đọc nội dung.",
        ["422"] = "Nội dung đọc được nhưng không được chấp nhận; danh sách lỗi kèm theo chỉ rõ vị trí và cách sửa.",
        ["429"] = "Vượt giới hạn số yêu cầu mỗi phút của tài khoản hoặc mã truy cập API; `detail` nói cần đợi bao lâu, tiêu đề Retry-After cho số giây.",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (operation.Responses is null)
        {
            return Task.CompletedTask;
        }
        foreach (var (status, response) in operation.Responses)
        {
            if (Descriptions.TryGetValue(status, out var text) && response is OpenApiResponse concrete)
            {
                concrete.Description = text;
            }
        }
        return Task.CompletedTask;
    }
}
