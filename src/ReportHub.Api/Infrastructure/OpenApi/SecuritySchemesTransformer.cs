using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ReportHub.Api.Access;

namespace ReportHub.Api.Infrastructure.OpenApi;

/// <summary>
/// Declares how a caller proves who it is — a bearer API key for scripts, the session cookie for people — and makes
/// either one the requirement of every operation; <see cref="AnonymousOperationsTransformer"/> lifts it for /health.
/// </summary>
public sealed class SecuritySchemesTransformer : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "bearer";
    public const string CookieScheme = "cookie";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info ??= new OpenApiInfo();
        document.Info.Title = "ReportHub API";
        document.Info.Description =
            "API nhận, kiểm tra và tổng hợp báo cáo của các đơn vị. Mọi đường dẫn đều cần đăng nhập (cookie phiên của trang web) "
            + "hoặc mã truy cập API (`Authorization: Bearer rh_…`, tạo bằng lệnh `reporthub keys create`), trừ `/health` là công khai. "
            + "Lỗi được trả về dạng `application/problem+json` (RFC 9457) với tiêu đề và hướng dẫn bằng tiếng Việt.";

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "rh_…",
            Description = "Mã truy cập API cho script: `Authorization: Bearer rh_…`. Mã mang một vai trò (và đơn vị, với tài khoản đơn vị); "
                + "quản trị viên tạo bằng `reporthub keys create` hoặc trên trang Quản trị.",
        };
        document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = "reporthub.session",
            Description = "Phiên đăng nhập trên trang web (" + AccessRegistration.SignInPath + "). Yêu cầu thay đổi dữ liệu bằng cookie "
                + "phải kèm mã chống giả mạo trong tiêu đề X-CSRF-TOKEN.",
        };

        // Two requirement objects: either the key or the session suffices (one object with both would demand both).
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] });
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, document)] = [] });
        return Task.CompletedTask;
    }
}
