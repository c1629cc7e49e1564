using ReportHub.Api.Access;
using ReportHub.Api.Endpoints;
using ReportHub.Api.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.AddReportHub();
builder.AddReportHubAccess();

var app = builder.Build();

app.UseReportHubErrors();
app.UseReportHubAccess();
app.MapOpenApi();

app.MapHealth();

// Every API route: a browser session's state-changing call must carry its antiforgery token.
var api = app.MapGroup("").AddEndpointFilter<CookieCsrfFilter>();
api.MapRounds();
api.MapUnits();
api.MapSubmissions();
api.MapTemplates();
api.MapAudit();

app.Run();

public partial class Program;
