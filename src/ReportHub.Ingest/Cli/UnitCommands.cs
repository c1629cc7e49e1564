using Microsoft.Extensions.DependencyInjection;
using ReportHub.Pipeline.Access;
using ReportHub.Pipeline.Reminders;

namespace ReportHub.Ingest.Cli;

/// <summary><c>units contact CODE --email ADDRESS</c>: the route <c>PUT /api/units/{code}/contact</c> for an operator.</summary>
internal static class UnitCommands
{
    public static async Task<int> SetContactAsync(string[] config, string code, string email, bool json, CancellationToken ct)
    {
        using var host = CliHost.Build(config);
        await Commands.PrepareAsync(host.Services, ct);
        var change = await host.Services.GetRequiredService<UnitContacts>().SetEmailAsync(code, email, AuditActors.Cli, ct);
        if (change.Problem is { } problem)
        {
            throw new ConfigurationException(problem);
        }
        var unit = change.Unit!;
        Console.WriteLine(json
            ? CliJson.Line(new { code = unit.Code, name = unit.Name, email = change.Email, changed = change.Changed })
            : !change.Changed
                ? $"{unit.Name} ({unit.Code}) đã có địa chỉ thư {change.Email ?? "(không có)"}; không thay đổi gì."
                : change.Email is null
                    ? $"Đã xóa địa chỉ thư của {unit.Name} ({unit.Code}); đơn vị sẽ không nhận thư nhắc."
                    : $"Đã đặt địa chỉ thư của {unit.Name} ({unit.Code}): {change.Email}. Thư nhắc nộp báo cáo sẽ gửi đến địa chỉ này.");
        return CliApp.Ok;
    }
}
