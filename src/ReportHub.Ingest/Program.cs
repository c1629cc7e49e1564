using ReportHub.Ingest.Cli;

return await CliApp.RunAsync(args);
