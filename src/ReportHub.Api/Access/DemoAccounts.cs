using ReportHub.Pipeline.Access;
using ReportHub.Warehouse.Access;

namespace ReportHub.Api.Access;

/// <summary>
/// The accounts the README lists for trying ReportHub out. Created only in Development, with the samples, and only
/// when missing: a password changed by hand is never put back.
/// </summary>
public static class DemoAccounts
{
    public sealed record Demo(string UserName, string DisplayName, string Role, string? Unit, string Password);

    public static readonly IReadOnlyList<Demo> All =
    [
        new("quantri", "Quản trị hệ thống", Roles.Admin, null, "demo-quantri-2025"),
        new("phantich", "Chuyên viên Sở Khoa học và Công nghệ", Roles.Analyst, null, "demo-phantich-2025"),
        new("sct", "Văn thư Sở Công Thương", Roles.Department, "51.SCT", "demo-sct-2025"),
        new("binhson", "Văn thư UBND huyện Bình Sơn", Roles.Department, "51.524", "demo-binhson-2025"),
    ];

    public static async Task EnsureAsync(AccountService accounts, ILogger logger, CancellationToken cancellationToken)
    {
        foreach (var demo in All)
        {
            if (await accounts.FindAsync(demo.UserName, cancellationToken) is not null)
            {
                continue;
            }
            var result = await accounts.CreateAsync(demo.UserName, demo.DisplayName, demo.Role, demo.Unit, demo.Password, cancellationToken);
            if (!result.Succeeded)
            {
                logger.LogWarning("Demo account {User} not created: {Error}", demo.UserName, result.Error);
            }
        }
    }
}
