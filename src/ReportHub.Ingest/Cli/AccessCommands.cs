using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ReportHub.Pipeline.Access;
using ReportHub.Warehouse.Access;

namespace ReportHub.Ingest.Cli;

/// <summary>The <c>users …</c> and <c>keys …</c> commands: accounts and API keys, straight on the warehouse.</summary>
internal static class AccessCommands
{
    public static async Task<int> CreateUserAsync(string[] config, string name, string? displayName, string role, string? unit, CancellationToken ct)
    {
        using var host = CliHost.Build(config);
        await Commands.PrepareAsync(host.Services, ct);
        var (password, generated) = await PasswordAsync();
        var result = await host.Services.GetRequiredService<AccountService>().CreateAsync(name, displayName ?? name, role, unit, password, ct);
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync(WithCliHint(result.Error));
            return CliApp.UsageError;
        }
        await AuditAsync(host.Services, AuditActions.UserCreated, name, AuditDetails.Role(role, unit), ct);
        Console.WriteLine($"Đã tạo tài khoản “{name}” (vai trò {Roles.Label(role)}{(unit is null ? "" : $", đơn vị {unit}")}).");
        if (generated)
        {
            Console.WriteLine("Mật khẩu (chỉ hiện một lần):");
            Console.WriteLine(password);
        }
        return CliApp.Ok;
    }

    public static async Task<int> ListUsersAsync(string[] config, bool json, CancellationToken ct)
    {
        using var host = CliHost.Build(config);
        await Commands.PrepareAsync(host.Services, ct);
        var users = await host.Services.GetRequiredService<AccountService>().ListAsync(ct);
        foreach (var u in users)
        {
            Console.WriteLine(json
                ? CliJson.Line(new { userName = u.UserName, displayName = u.DisplayName, role = u.Role, unit = u.UnitCode, disabled = u.Disabled, lockedUntil = u.LockedUntil })
                : $"{u.UserName,-20} {u.Role,-10} {u.UnitCode ?? "-",-10} {(u.Disabled ? "đã khóa" : "hoạt động")}  {u.DisplayName}");
        }
        return CliApp.Ok;
    }

    public static async Task<int> SetDisabledAsync(string[] config, string name, bool disabled, CancellationToken ct)
    {
        using var host = CliHost.Build(config);
        await Commands.PrepareAsync(host.Services, ct);
        var result = await host.Services.GetRequiredService<AccountService>().SetDisabledAsync(name, disabled, ct);
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync(result.Error);
            return CliApp.UsageError;
        }
        await AuditAsync(host.Services, disabled ? AuditActions.UserDisabled : AuditActions.UserEnabled, name, null, ct);
        Console.WriteLine(disabled ? $"Đã khóa tài khoản “{name}”; mọi phiên đăng nhập của tài khoản đã kết thúc." : $"Đã mở lại tài khoản “{name}”.");
        return CliApp.Ok;
    }

    public static async Task<int> ResetPasswordAsync(string[] config, string name, CancellationToken ct)
    {
        using var host = CliHost.Build(config);
        await Commands.PrepareAsync(host.Services, ct);
        var (password, generated) = await PasswordAsync();
        var result = await host.Services.GetRequiredService<AccountService>().ResetPasswordAsync(name, password, ct);
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync(result.Error);
            return CliApp.UsageError;
        }
        await AuditAsync(host.Services, AuditActions.PasswordReset, name, null, ct);
        Console.WriteLine($"Đã đặt lại mật khẩu của “{name}”; tài khoản được mở khóa.");
        if (generated)
        {
            Console.WriteLine("Mật khẩu mới (chỉ hiện một lần):");
            Console.WriteLine(password);
        }
        return CliApp.Ok;
    }

    public static async Task<int> CreateKeyAsync(string[] config, string role, string? unit, string? label, CancellationToken ct)
    {
        using var host = CliHost.Build(config);
        await Commands.PrepareAsync(host.Services, ct);
        var key = await host.Services.GetRequiredService<ApiKeyService>().CreateAsync(role, unit, label, ct);
        if (!key.Succeeded)
        {
            await Console.Error.WriteLineAsync(WithCliHint(key.Error));
            return CliApp.UsageError;
        }
        await AuditAsync(host.Services, AuditActions.KeyCreated, key.Prefix, AuditDetails.Role(key.Role, key.UnitCode), ct);
        Console.WriteLine($"Đã tạo mã truy cập API {key.Prefix} (vai trò {Roles.Label(role)}{(unit is null ? "" : $", đơn vị {unit}")}"
            + (key.ExpiresAt is { } e ? $", hết hạn {e.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : "") + "). Mã đầy đủ chỉ hiện một lần:");
        // The key is the last line, so a script can take it with `tail -n 1`.
        Console.WriteLine(key.Key);
        return CliApp.Ok;
    }

    public static async Task<int> ListKeysAsync(string[] config, bool json, CancellationToken ct)
    {
        using var host = CliHost.Build(config);
        await Commands.PrepareAsync(host.Services, ct);
        foreach (var k in await host.Services.GetRequiredService<ApiKeyService>().ListAsync(ct))
        {
            var state = k.RevokedAt is not null ? "đã thu hồi" : k.ExpiresAt is { } e && e <= DateTimeOffset.UtcNow ? "hết hạn" : "hiệu lực";
            Console.WriteLine(json
                ? CliJson.Line(new { prefix = k.Prefix, role = k.Role, unit = k.UnitCode, label = k.Label, createdAt = k.CreatedAt, expiresAt = k.ExpiresAt, revokedAt = k.RevokedAt })
                : $"{k.Prefix,-12} {k.Role,-10} {k.UnitCode ?? "-",-10} {state,-11} {k.Label}");
        }
        return CliApp.Ok;
    }

    public static async Task<int> RevokeKeyAsync(string[] config, string prefix, CancellationToken ct)
    {
        using var host = CliHost.Build(config);
        await Commands.PrepareAsync(host.Services, ct);
        if (!await host.Services.GetRequiredService<ApiKeyService>().RevokeAsync(prefix, ct))
        {
            await Console.Error.WriteLineAsync($"Không có mã truy cập API đang hiệu lực với tiền tố “{prefix}”. Xem danh sách bằng: reporthub keys list");
            return CliApp.UsageError;
        }
        await AuditAsync(host.Services, AuditActions.KeyRevoked, prefix, null, ct);
        Console.WriteLine($"Đã thu hồi mã truy cập API {prefix}.");
        return CliApp.Ok;
    }

    /// <summary>The services' refusals name no option; on the command line the fix is an option.</summary>
    private static string? WithCliHint(string? error) =>
        error == AccountService.MissingUnit ? error + " Hãy thêm --unit MÃ_ĐƠN_VỊ." : error;

    /// <summary>The password from standard input when it is redirected (scripts, tests); otherwise a generated one.</summary>
    private static async Task<(string Password, bool Generated)> PasswordAsync()
    {
        if (Console.IsInputRedirected && await Console.In.ReadLineAsync() is { Length: > 0 } line)
        {
            return (line.TrimEnd('\r'), false);
        }
        return (AccountService.GeneratePassword(), true);
    }

    private static Task AuditAsync(IServiceProvider services, string action, string? target, string? detail, CancellationToken ct) =>
        services.GetRequiredService<AuditLog>().WriteAsync(AuditActors.Cli, action, target, detail, ct);
}
