using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ReportHub.Core.Domain;
using ReportHub.Pipeline.Access;
using ReportHub.Pipeline.Rounds;

namespace ReportHub.Ingest.Cli;

/// <summary>CONTRACT §4 <c>rounds create|list|close|reopen</c>: an analyst's rounds, straight on the warehouse.</summary>
internal static class RoundCommands
{
    // The API names fields as in its JSON body; on the command line the same problem points at the flag.
    private static readonly Dictionary<string, string> Flags = new(StringComparer.Ordinal)
    {
        ["code"] = "--code",
        ["title"] = "--title",
        ["template"] = "--template",
        ["requestDocument"] = "--request-document",
        ["requestDate"] = "--request-date",
        ["deadline"] = "--deadline",
        ["expected.types"] = "--types",
        ["expected.parents"] = "--parents",
        ["expected.units"] = "--units",
        ["expected"] = "--types/--parents/--units",
    };

    public static async Task<int> CreateAsync(string[] config, RoundDraft draft, bool json, CancellationToken ct)
    {
        using var host = CliHost.Build(config);
        await Commands.PrepareAsync(host.Services, ct);
        var created = await host.Services.GetRequiredService<RoundService>().CreateAsync(draft, ct);
        if (created.Round is not { } round)
        {
            foreach (var problem in created.Problems)
            {
                await Console.Error.WriteLineAsync($"{Flags.GetValueOrDefault(problem.Field, problem.Field)}: {problem.Message}");
            }
            return CliApp.UsageError;
        }
        Console.WriteLine(json ? CliJson.Line(RoundView.From(round)) : $"Đã tạo {Describe(round)}");
        return CliApp.Ok;
    }

    public static async Task<int> ListAsync(string[] config, bool json, CancellationToken ct)
    {
        using var host = CliHost.Build(config);
        await Commands.PrepareAsync(host.Services, ct);
        foreach (var round in await host.Services.GetRequiredService<RoundService>().ListAsync(ct))
        {
            Console.WriteLine(json ? CliJson.Line(RoundView.From(round)) : Describe(round));
        }
        return CliApp.Ok;
    }

    public static async Task<int> SetClosedAsync(string[] config, string code, bool closed, CancellationToken ct)
    {
        using var host = CliHost.Build(config);
        await Commands.PrepareAsync(host.Services, ct);
        var round = await host.Services.GetRequiredService<RoundService>().SetClosedAsync(code, closed, ct)
            ?? throw new ConfigurationException($"Không có đợt báo cáo mã “{code}”. Hãy xem các đợt hiện có bằng lệnh rounds list.");
        Console.WriteLine(closed
            ? $"Đã đóng {Describe(round)}. Báo cáo gửi vào đợt này sẽ bị từ chối cho đến khi mở lại (rounds reopen {round.Code})."
            : $"Đã mở lại {Describe(round)}. Đợt nhận báo cáo trở lại.");
        return CliApp.Ok;
    }

    public static async Task<int> AddUnitAsync(string[] config, string code, string unit, bool json, CancellationToken ct)
    {
        using var host = CliHost.Build(config);
        await Commands.PrepareAsync(host.Services, ct);
        var addition = await host.Services.GetRequiredService<RoundService>().AddUnitAsync(code, unit, ct);
        if (addition.Problem is { } problem)
        {
            throw new ConfigurationException(problem);
        }
        if (addition.Added)
        {
            await host.Services.GetRequiredService<AuditLog>().WriteAsync("cli:" + Environment.UserName, AuditActions.RoundUnitAdded, addition.Round!.Code,
                $"bổ sung đơn vị {addition.Unit!.Code} ({addition.Unit.Name}); {addition.Round.ExpectedUnits.Count} đơn vị", ct);
        }
        var view = RoundUnitView.From(addition);
        Console.WriteLine(json ? CliJson.Line(view) : addition.Added
            ? $"Đã bổ sung {view.Name} ({view.Unit}) vào đợt {view.Round}: {view.UnitsExpected} đơn vị phải báo cáo. Báo cáo của đơn vị này gửi vào đợt được nhận từ bây giờ."
            : $"{view.Name} ({view.Unit}) đã thuộc danh sách đơn vị phải báo cáo của đợt {view.Round}; không thay đổi gì.");
        return CliApp.Ok;
    }

    private static string Describe(Round round)
    {
        var requested = round.RequestDate is { } date ? $" ngày {Show(date)}" : "";
        var state = round.Closed ? "đã đóng" : "đang nhận báo cáo";
        return $"đợt {round.Code} ({state}): {round.Title}; biểu mẫu {round.Template}; công văn {round.RequestDocument}{requested}; " +
            $"hạn nộp {Show(round.Deadline)}; {round.ExpectedUnits.Count} đơn vị phải báo cáo";
    }

    private static string Show(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
