using ReportHub.Warehouse.Access;

namespace ReportHub.Browser.Tests.Site;

/// <summary>
/// An API process of the sign-in tests' own (its own warehouse), on 127.0.0.1 and 127.0.0.2, so that locking,
/// signing out and changing passwords never touch the demo site's accounts that other browser tests sign in with.
/// </summary>
public sealed class SignInSite : IAsyncLifetime
{
    private ApiProcess? _api;
    private LoopbackRelay? _relay;

    public ApiProcess Api => _api ?? throw new InvalidOperationException("The site is not started.");

    /// <summary>The same site as seen from client address 127.0.0.2 (through a relay to its 127.0.0.2 listener).</summary>
    public Uri SecondClient => _relay?.BaseAddress ?? throw new InvalidOperationException("The site is not started.");

    /// <summary>The password every account of this site starts with.</summary>
    public static string PasswordOf(string userName) => $"mat-khau-{userName}-2025";

    public async Task InitializeAsync()
    {
        // Development, as the demo site: the pages' static files come from the project, not a publish folder.
        _api = await ApiProcess.StartAsync(new Dictionary<string, string>(), demo: true, secondAddress: true);
        _relay = LoopbackRelay.Start(_api.SecondAddress, System.Net.IPAddress.Parse("127.0.0.2"));
    }

    public Task CreateAsync(string userName, string role = Roles.Department, string? unit = "51.SCT") =>
        Api.CreateUserAsync(userName, role, unit, PasswordOf(userName));

    public async Task DisposeAsync()
    {
        if (_relay is not null)
        {
            await _relay.DisposeAsync();
        }
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
    }
}
