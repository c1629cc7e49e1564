using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ReportHub.Api.Access;

/// <summary><c>Authorization: Bearer rh_…</c>: a key that is genuine, not revoked and not expired.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ValidatedKeys keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var presented = header[BearerPrefix.Length..].Trim();
        var key = await keys.ValidateAsync(Context, presented, Context.RequestAborted);
        if (key is null)
        {
            return AuthenticateResult.Fail("Mã truy cập API không hợp lệ, đã bị thu hồi hoặc đã hết hạn.");
        }
        return AuthenticateResult.Success(new AuthenticationTicket(AccessClaims.ForKey(key), AccessClaims.KeyScheme));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        AccessProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        AccessProblems.WriteAsync(Context, StatusCodes.Status403Forbidden);
}
