using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

using Microsoft.Extensions.Options;
using ReportHub.Pipeline.Access;
using ReportHub.Testing.Repo;
using ReportHub.Warehouse.Access;
using ReportHub.Warehouse.Connections;
using ReportHub.Warehouse.Reference;
using Xunit;

namespace ReportHub.Testing.App;

/// <summary>The built API in a child process on a loopback port (real Kestrel), so its own memory can be measured.</summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ApiProcess(Process process, int port, string folder, string connectionString)
    {
        ConnectionString = connectionString;
        _process = process;
        Port = port;
        Folder = folder;
    }

    /// <summary>The API as the test run built it (Debug, under artifacts).</summary>
    public static string BuiltDll => Path.Combine(RepoPaths.Root, "artifacts", "bin", "ReportHub.Api", "debug", "ReportHub.Api.dll");

    public int Port { get; }
    public string Folder { get; }

    /// <summary>The process's warehouse: on a server provider each call of Warehouses.ConnectionString makes a new database.</summary>
    public string ConnectionString { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>
    /// The same site on 127.0.0.2 when started with <c>secondAddress</c>: a second client address on the same
    /// machine, for rules keyed on where a request comes from (sign-in lockouts).
    /// </summary>
    public Uri SecondAddress => new($"http://127.0.0.2:{Port}");

    /// <param name="settings">Configuration keys (Section:Key) passed as environment variables; they win.</param>
    /// <param name="demo">
    /// The Development environment over the repository's samples: the sample reports and the demo accounts the README
    /// lists, with a sign-in limit high enough for a browser that loads the sign-in page in every test.
    /// </param>
    /// <param name="dll">The API to run, e.g. a published build; null is the repository's debug build.</param>
    /// <param name="secondAddress">Listen on 127.0.0.2 as well as 127.0.0.1 (<see cref="SecondAddress"/>).</param>
    public static async Task<ApiProcess> StartAsync(IReadOnlyDictionary<string, string> settings, bool demo = false, string? dll = null, bool secondAddress = false)
    {
        dll ??= BuiltDll;
        Assert.True(File.Exists(dll), $"{dll} not built");
        var folder = RepoPaths.NewTempFolder("rh-kestrel");
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" + (secondAddress ? $";http://127.0.0.2:{port}" : "");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = demo ? "Development" : "Production";
        start.Environment["Warehouse__Provider"] = Warehouses.Warehouses.Provider;
        var connectionString = Warehouses.Warehouses.ConnectionString(folder);
        start.Environment["Warehouse__ConnectionString"] = connectionString;
        start.Environment["Ingest__RunWorker"] = "false";
        start.Environment["Samples__Load"] = "true";
        start.Environment["Samples__Path"] = demo ? RepoPaths.Samples : RepoPaths.CopyReference(folder);
        if (demo)
        {
            // Every browser test signs the same demo accounts in from one address, dozens of times a minute.
            start.Environment["Access__SignInsPerMinute"] = "1000";
            start.Environment["Access__SignInsPerAccountPerMinute"] = "1000";
        }
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var api = new ApiProcess(process, port, folder, connectionString);
        using var client = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return api;
                }
            }
            catch (HttpRequestException)
            {
            }
            Assert.False(process.HasExited, "the API exited at start");
            Assert.True(DateTime.UtcNow < deadline, "the API did not answer /health within 60 s");
            await Task.Delay(250);
        }
    }

    /// <summary>An admin key for this process's warehouse, made beside it the way `keys create` makes one.</summary>
    public async Task<string> AdminKeyAsync()
    {
        var db = new Db(new WarehouseOptions
        {
            Provider = Enum.Parse<WarehouseProvider>(Warehouses.Warehouses.Provider),
            ConnectionString = ConnectionString,
        });
        var keys = new ApiKeyService(new ApiKeyStore(db), new ReferenceStore(db), Options.Create(new AccessOptions()), TimeProvider.System);
        return (await keys.CreateAsync(Roles.Admin, null, "test", CancellationToken.None)).Key!;
    }

    /// <summary>An account in this process's warehouse, made the way `users create` makes one.</summary>
    public async Task CreateUserAsync(string userName, string role, string? unit, string password)
    {
        var db = new Db(new WarehouseOptions
        {
            Provider = Enum.Parse<WarehouseProvider>(Warehouses.Warehouses.Provider),
            ConnectionString = ConnectionString,
        });
        var accounts = new AccountService(new UserStore(db), new SignInFailureStore(db), new ReferenceStore(db), Options.Create(new AccessOptions()),
            TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<AccountService>.Instance);
        var result = await accounts.CreateAsync(userName, "Người dùng " + userName, role, unit, password, CancellationToken.None);
        Assert.True(result.Succeeded, result.Error);
    }

    /// <summary>The process's resident memory now, from /proc.</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }
        throw new InvalidOperationException("no VmRSS");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
