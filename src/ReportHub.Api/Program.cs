using ReportHub.Api.Endpoints;
using ReportHub.Api.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.AddReportHub();

var app = builder.Build();

app.UseReportHubErrors();
app.MapOpenApi();

app.MapHealth();
app.MapRounds();
app.MapUnits();
app.MapSubmissions();
app.MapTemplates();

app.Run();

public partial class Program;
