using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ReportHub.Core.Domain;
using ReportHub.Pipeline.Access;
using ReportHub.Pipeline.Rounds;

namespace ReportHub.Ingest.Cli;

/// <summary>The <c>rounds create|list|close|reopen|upgrade</c> commands: an analyst's rounds, straight on the warehouse.</summary>
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
        await host.Services.GetRequiredService<AuditLog>().WriteAsync(AuditActors.Cli, AuditActions.RoundCreated, round.Code, AuditDetails.RoundCreated(round), ct);
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
        await host.Services.GetRequiredService<AuditLog>().WriteAsync(AuditActors.Cli, closed ? AuditActions.RoundClosed : AuditActions.RoundReopened,
            round.Code, null, ct);
        Console.WriteLine(closed
            ? $"Đã đóng {Describe(round)}. Báo cáo gửi vào đợt này sẽ bị từ chối cho đến khi mở lại (rounds reopen {round.Code})."
            : $"Đã mở lại {Describe(round)}. Đợt nhận báo cáo trở lại.");
        return CliApp.Ok;
    }

    /// <summary>
    /// <c>rounds upgrade CODE --version N [--force]</c>: exit 0 when moved, 1 when refused because some units' reports
    /// would be rejected (each unit is listed), 2 for an unknown round or version, a closed round or an older version.
    /// </summary>
    public static async Task<int> UpgradeAsync(string[] config, string code, int version, bool force, bool json, CancellationToken ct)
    {
        using var host = CliHost.Build(config);
        await Commands.PrepareAsync(host.Services, ct);
        var outcome = await host.Services.GetRequiredService<RoundUpgrader>().UpgradeAsync(code, version, force, "cli:" + Environment.UserName, ct);
        if (outcome.Upgrade is not { } upgrade)
        {
            throw new ConfigurationException(outcome.Message!);
        }
        if (json)
        {
            Console.WriteLine(CliJson.Line(upgrade));
        }
        else
        {
            Console.WriteLine(upgrade.Applied
                ? $"Đã nâng đợt {upgrade.Round} từ phiên bản {upgrade.From} lên phiên bản {upgrade.To}; đã đọc lại báo cáo của {upgrade.Units.Count} đơn vị:"
                : $"Chưa nâng đợt {upgrade.Round} (vẫn dùng phiên bản {upgrade.From}). Đọc thử bằng phiên bản {upgrade.To}:");
            foreach (var unit in upgrade.Units)
            {
                Console.WriteLine($"  {unit.Unit} (#{unit.SubmissionId}): {DescribeUnit(unit)}");
            }
        }
        if (!upgrade.Applied)
        {
            await Console.Error.WriteLineAsync(outcome.Message);
            return CliApp.Rejected;
        }
        return CliApp.Ok;
    }

    private static string DescribeUnit(UnitUpgrade unit)
    {
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        string Show(IReadOnlyDictionary<string, decimal> figures, string key) =>
            figures.TryGetValue(key, out var v) ? v.ToString("#,##0.##", vi) : "—";
        return unit.Status switch
        {
            UnitUpgrade.Unchanged => "không đổi",
            UnitUpgrade.Changed => "thay đổi: " + string.Join("; ", unit.Before.Keys.Union(unit.After.Keys)
                .Where(k => Show(unit.Before, k) != Show(unit.After, k))
                .Select(k => $"{k} {Show(unit.Before, k)} → {Show(unit.After, k)}")),
            _ => "bị từ chối: " + string.Join(" ", (unit.Issues ?? []).Select(i => i.Message)),
        };
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
        return $"đợt {round.Code} ({state}): {round.Title}; biểu mẫu {round.Template} phiên bản {round.TemplateVersion}; công văn {round.RequestDocument}{requested}; " +
            $"hạn nộp {Show(round.Deadline)}; {round.ExpectedUnits.Count} đơn vị phải báo cáo";
    }

    private static string Show(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
