using ReportHub.Api.Access;
using ReportHub.Api.Endpoints;
using ReportHub.Api.Infrastructure;
using ReportHub.Api.Infrastructure.OpenApi;
using ReportHub.Api.Uploads;
using ReportHub.Api.Web;

var builder = WebApplication.CreateBuilder(ContentRoot.Options(args));

builder.AddReportHubLoggingDefaults();
builder.AddReportHub();
builder.AddReportHubAccess();
builder.AddReportHubPages();
builder.AddBulkIntake();

var app = builder.Build();

// First: the client's real address and scheme behind the configured proxies, for everything after.
app.UseReportHubForwarding();
app.UseReportHubErrors();
// On every answer, static files and refusals included.
app.UseSecurityHeaders();
// Before access control: the style and scripts of the sign-in page are public.
app.UseReportHubStaticFiles();
app.UseMissingStaticFilesAsNotFound();
app.UseReportHubAccess();
// After access control: only a signed-in person allowed on the page has an oversized form read to its end.
app.UseOversizedPageUploads();
app.MapReportHubApiReference();

app.MapHealth();

// Every API route: a browser session's state-changing call must carry its antiforgery token.
var api = app.MapGroup("").AddEndpointFilter<CookieCsrfFilter>();
api.MapRounds();
api.MapReminders();
api.MapUnits();
api.MapSubmissions();
api.MapEntry();
api.MapBulkSubmissions();
api.MapTemplates();
api.MapAudit();

app.MapReportHubPages();

app.Run();

public partial class Program;
