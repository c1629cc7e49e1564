namespace ReportHub.Corpus.Tests.Support;

/// <summary>
/// How the corpus runs the shared hosts: always on a SQLite file (its assertions read the stored rows directly),
/// reference data loaded without the sample reports, and no log output from the hundreds of hosts it starts.
/// </summary>
public static class CorpusHosts
{
    public static ReportHubApp App(IEnumerable<KeyValuePair<string, string>>? settings = null, TimeProvider? clock = null) =>
        ReportHubApp.ReferenceOnly(settings: settings, provider: "Sqlite", clock: clock, quiet: true);

    public static CliWorkspace Cli(IEnumerable<KeyValuePair<string, string>>? settings = null) =>
        new(settings: settings, provider: "Sqlite");
}
