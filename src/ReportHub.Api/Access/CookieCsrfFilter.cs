using Microsoft.AspNetCore.Antiforgery;

namespace ReportHub.Api.Access;

/// <summary>
/// A signed-in person's browser sends the session cookie with any request, so a state-changing API call made with the
/// cookie must carry the antiforgery token too (header <c>X-CSRF-TOKEN</c> or form field). Keys are not sent by
/// browsers on their own, so bearer calls need no token.
/// </summary>
public sealed class CookieCsrfFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
            && http.User.Identity is { IsAuthenticated: true, AuthenticationType: AccessClaims.CookieScheme })
        {
            try
            {
                await antiforgery.ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                return TypedResults.Problem(title: "Thiếu mã chống giả mạo yêu cầu",
                    detail: "Yêu cầu thay đổi dữ liệu từ trình duyệt phải kèm mã chống giả mạo (CSRF). Hãy tải lại trang rồi thực hiện lại.",
                    statusCode: StatusCodes.Status400BadRequest);
            }
        }
        return await next(context);
    }
}
