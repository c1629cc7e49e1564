using System.Text.Json;

namespace ReportHub.Bench.Run;

/// <summary>The Release builds of the CLI and the API, started with `dotnet`, each on its own SQLite warehouse.</summary>
internal static class Tools
{
    public static string CliDll => Path.Combine(Paths.Repo, "artifacts", "bin", "ReportHub.Ingest", "release", "reporthub.dll");

    public static string ApiDll => Path.Combine(Paths.Repo, "artifacts", "bin", "ReportHub.Api", "release", "ReportHub.Api.dll");

    /// <summary>The CLI published ReadyToRun (precompiled, so a short run spends little time in the JIT): how it is deployed.</summary>
    public static string CliReadyToRunDll => Path.Combine(Paths.Repo, "artifacts", "publish", "reporthub-r2r", "reporthub.dll");

    /// <summary>Publishes the CLI ReadyToRun for this machine's runtime identifier; the runtime stays shared.</summary>
    public static void PublishReadyToRun()
    {
        Console.WriteLine("publishing src/ReportHub.Ingest ReadyToRun (Release) …");
        Proc.Check(Proc.Run("dotnet", ["publish", "src/ReportHub.Ingest", "-c", "Release", "-r", System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier,
            "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", Path.GetDirectoryName(CliReadyToRunDll)!, "-v", "q", "--nologo"]),
            "dotnet publish -c Release -p:PublishReadyToRun=true src/ReportHub.Ingest");
    }

    public static void BuildRelease()
    {
        foreach (var project in new[] { "src/ReportHub.Ingest", "src/ReportHub.Api" })
        {
            Console.WriteLine($"building {project} (Release) …");
            Proc.Check(Proc.Run("dotnet", ["build", "-c", "Release", project, "-v", "q", "--nologo"]), $"dotnet build -c Release {project}");
        }
    }

    public static Dictionary<string, string> WarehouseEnv(string database) => new()
    {
        ["Warehouse__Provider"] = "Sqlite",
        ["Warehouse__ConnectionString"] = $"Data Source={database}",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
    };

    public static ProcResult Cli(string database, IEnumerable<string> args, bool measureRss = false) =>
        Cli(RuntimeVariant.Deployed, database, args, measureRss);

    public static ProcResult Cli(RuntimeVariant variant, string database, IEnumerable<string> args, bool measureRss = false) =>
        Proc.Run("dotnet", [variant.Dll, .. args], new Dictionary<string, string>(WarehouseEnv(database).Concat(variant.Environment)), measureRss);

    /// <summary>A fresh warehouse with the registry and round 2021-10, made by `reporthub init` (never timed).</summary>
    public static void InitWarehouse(string database)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(database + suffix);
        }
        Proc.Check(Cli(database, ["init"]), "reporthub init");
    }

    /// <summary>The round's totals as `reporthub totals --json` prints them.</summary>
    public static (long Directives, long QrCodes, long QrScans) CliTotals(string database, string round)
    {
        var result = Proc.Check(Cli(database, ["totals", "--round", round, "--json"]), "reporthub totals");
        return Totals(result.Stdout);
    }

    public static (long Directives, long QrCodes, long QrScans) Totals(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        long Get(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : -1;
        return (Get("directives"), Get("qrCodes"), Get("qrScans"));
    }

    /// <summary>This benchmark binary again, as a child process (`dotnet ReportHub.Bench.dll …` or the apphost).</summary>
    public static ProcResult Self(IEnumerable<string> args, bool measureRss = true)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var isDotnet = Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        return Proc.Run(self, isDotnet ? [typeof(Tools).Assembly.Location, .. args] : args, measureRss: measureRss);
    }

    /// <summary>Debian's python3, where apt puts pandas and openpyxl (a pyenv python3 on PATH would not see them).</summary>
    public static string Python => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    /// <summary>Installs wrk, pandas and openpyxl with apt-get when they are missing.</summary>
    public static void EnsurePeers()
    {
        var missing = new List<string>();
        if (Proc.Run(Python, ["-c", "import pandas, openpyxl"]).ExitCode != 0)
        {
            missing.AddRange(["python3-pandas", "python3-openpyxl"]);
        }
        if (!File.Exists("/usr/bin/wrk") && Proc.Run("sh", ["-c", "command -v wrk"]).ExitCode != 0)
        {
            missing.Add("wrk");
        }
        if (missing.Count == 0)
        {
            return;
        }
        Console.WriteLine($"installing {string.Join(' ', missing)} with apt-get …");
        Proc.Check(Proc.Run("apt-get", ["update", "-qq"]), "apt-get update");
        Proc.Check(Proc.Run("apt-get", ["install", "-y", "-qq", .. missing], new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" }),
            "apt-get install");
    }
}
