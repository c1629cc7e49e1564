using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using ReportHub.Pipeline.Access;
using ReportHub.Warehouse.Access;

namespace ReportHub.Api.Access;

/// <summary>Who may do what: cookie sessions for people, bearer keys for scripts, roles, rate limits and headers.</summary>
public static class AccessRegistration
{
    public const string AnalystPolicy = "analyst";
    public const string AdminPolicy = "admin";
    public const string UploadPolicy = "upload";
    public const string SignInPath = "/signin";

    public static WebApplicationBuilder AddReportHubAccess(this WebApplicationBuilder builder)
    {
        builder.Services.AddAccess(builder.Configuration);
        builder.Services.AddSingleton<ValidatedKeys>();
        builder.Services.AddSingleton<ValidatedSessions>();
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services
            .AddAuthentication(AccessClaims.Scheme)
            .AddPolicyScheme(AccessClaims.Scheme, "Cookie or key", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith(ApiKeyAuthenticationHandler.BearerPrefix, StringComparison.OrdinalIgnoreCase)
                    ? AccessClaims.KeyScheme
                    : AccessClaims.CookieScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AccessClaims.KeyScheme, null)
            .AddCookie(AccessClaims.CookieScheme, o =>
            {
                o.Cookie.Name = "reporthub.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.LoginPath = SignInPath;
                o.AccessDeniedPath = "/forbidden";
                // A cookie is only as good as its session: signed out, disabled or reset ends it on the next request.
                o.Events.OnValidatePrincipal = ValidatedSessions.ValidatePrincipalAsync;
                o.Events.OnRedirectToLogin = context => IsApi(context.Request)
                    ? AccessProblems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized)
                    : Redirect(context);
                o.Events.OnRedirectToAccessDenied = context => IsApi(context.Request)
                    ? AccessProblems.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden)
                    : Redirect(context);
            });

        builder.Services.AddAuthorizationBuilder()
            // Everything not marked otherwise needs a session or a key: a new route is closed until opened on purpose.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AnalystPolicy, p => p.RequireRole(Roles.Analyst, Roles.Admin))
            .AddPolicy(AdminPolicy, p => p.RequireRole(Roles.Admin))
            .AddPolicy(UploadPolicy, p => p.RequireRole(Roles.Department, Roles.Admin));

        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "reporthub.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.HeaderName = "X-CSRF-TOKEN";
        });

        var access = builder.Configuration.GetSection(AccessOptions.Section).Get<AccessOptions>() ?? new AccessOptions();
        builder.Services.Configure<ForwardedHeadersOptions>(o => ConfigureProxies(o, access));
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            // The proxy's public name is whatever the province gives it; the defaults would skip only localhost.
            o.ExcludedHosts.Clear();
        });
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, token) =>
            {
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await AccessProblems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests);
            };
            // One budget per key or account; anonymous callers share one per client address. Sign-in attempts have
            // their own budgets (SignInThrottle); showing the sign-in page costs nothing.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignInPageView(context.Request)
                ? RateLimitPartition.GetNoLimiter("sign-in-page")
                : RateLimitPartition.GetFixedWindowLimiter(PartitionOf(context), _ => Window(access.RequestsPerMinute)));
        });
        return builder;
    }

    /// <summary>
    /// The client's address and scheme as the configured proxies forwarded them (first in the pipeline, so rate
    /// limits, lockouts and the Secure flag of cookies see the real client), and HSTS on https outside Development.
    /// </summary>
    public static WebApplication UseReportHubForwarding(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        return app;
    }

    private static void ConfigureProxies(ForwardedHeadersOptions options, AccessOptions access)
    {
        options.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
        if (access.KnownProxies.Length == 0 && access.KnownNetworks.Length == 0)
        {
            // The defaults: 127.0.0.0/8 and ::1, a proxy on the same machine.
            return;
        }
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in access.KnownProxies.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            options.KnownProxies.Add(System.Net.IPAddress.TryParse(proxy.Trim(), out var address)
                ? address
                : throw new InvalidOperationException($"Access:KnownProxies: “{proxy}” is not an IP address."));
        }
        foreach (var network in access.KnownNetworks.Where(n => !string.IsNullOrWhiteSpace(n)))
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network.Trim(), out var parsed)
                ? parsed
                : throw new InvalidOperationException($"Access:KnownNetworks: “{network}” is not a network such as 10.0.0.0/24."));
        }
    }

    private static bool IsSignInPageView(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && request.Path.Equals(SignInPath, StringComparison.OrdinalIgnoreCase);

    /// <summary>Authentication, rate limits and authorization, in that order, so a key's budget is its own.</summary>
    public static WebApplication UseReportHubAccess(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    private static FixedWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = Math.Max(1, permits),
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static string PartitionOf(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true && context.User.Identity.Name is { } name ? name : "ip:" + Address(context);

    /// <summary>The client's address (the forwarded one behind a known proxy), for rate limits and lockouts.</summary>
    public static string Address(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Connection.RemoteIpAddress is { } ip ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString() : "unknown";
    }

    private static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi") || request.Path.StartsWithSegments("/scalar")
        || request.Headers.Authorization.Count > 0;

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Opens a server-side session for the person and gives the browser its cookie (the pages' sign-in handler).</summary>
    public static async Task SignInAsync(HttpContext context, UserRow user)
    {
        ArgumentNullException.ThrowIfNull(context);
        var session = await context.RequestServices.GetRequiredService<SessionService>().StartAsync(user, context.RequestAborted);
        await context.SignInAsync(AccessClaims.CookieScheme, AccessClaims.ForUser(user, session), new AuthenticationProperties { IsPersistent = false });
    }

    /// <summary>
    /// Ends the session on the server, not only in this browser: a copy of the cookie taken earlier is refused from
    /// the next request on. The person's sessions in other browsers go on.
    /// </summary>
    public static async Task SignOutAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.FindFirstValue(AccessClaims.SessionClaim) is { Length: > 0 } session)
        {
            await context.RequestServices.GetRequiredService<SessionService>().EndAsync(session, CancellationToken.None);
        }
        await context.SignOutAsync(AccessClaims.CookieScheme);
    }

    internal static string? UnitOf(ClaimsPrincipal user) => user.BoundUnit();
}
