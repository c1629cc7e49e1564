using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.WebEncoders;
using ReportHub.Api.Access;

namespace ReportHub.Api.Web;

/// <summary>The server-rendered pages people work in: Razor Pages over the same services the API uses.</summary>
public static class PagesRegistration
{
    public static WebApplicationBuilder AddReportHubPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(o =>
        {
            o.Conventions.AllowAnonymousToPage("/SignIn");
            o.Conventions.AllowAnonymousToPage("/Forbidden");
        });
        // Notices ride in TempData's cookie between an action and the page after it; it carries no secret but is set
        // like the session's: unreadable to scripts and never sent from another site.
        builder.Services.Configure<CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = "reporthub.notice";
            o.Cookie.HttpOnly = true;
            o.Cookie.IsEssential = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        // Vietnamese text is written as itself, not as numeric entities: readable source, and searchable by tests.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return builder;
    }

    /// <summary>
    /// Static files before authentication, so the sign-in page's style and scripts are public. The security headers
    /// are added before this, so these answers carry them too.
    /// </summary>
    public static WebApplication UseReportHubStaticFiles(this WebApplication app)
    {
        app.UseStaticFiles();
        return app;
    }

    public static WebApplication MapReportHubPages(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapCharts();
        app.MapRoundLive();
        return app;
    }
}
