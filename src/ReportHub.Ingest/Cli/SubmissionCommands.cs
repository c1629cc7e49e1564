using Microsoft.Extensions.DependencyInjection;
using ReportHub.Pipeline.Access;
using ReportHub.Pipeline.Ingestion;

namespace ReportHub.Ingest.Cli;

/// <summary><c>submissions reinstate ID</c>: the route <c>POST /api/submissions/{id}/reinstate</c> for an operator.</summary>
internal static class SubmissionCommands
{
    public static async Task<int> ReinstateAsync(string[] config, long id, bool json, CancellationToken ct)
    {
        using var host = CliHost.Build(config);
        await Commands.PrepareAsync(host.Services, ct);
        var outcome = await host.Services.GetRequiredService<Reinstatement>().ReinstateAsync(id, requiredUnit: null, ct);
        if (outcome.Problem is { } problem)
        {
            throw new ConfigurationException(problem);
        }
        var version = outcome.Version!;
        if (outcome.Changed)
        {
            await host.Services.GetRequiredService<AuditLog>().WriteAsync("cli:" + Environment.UserName, AuditActions.SubmissionReinstated, $"#{id}",
                $"đơn vị {version.UnitCode}; đợt {version.RoundCode}{(outcome.Replaced is { } replaced ? $"; thay cho #{replaced}" : "")}", ct);
        }
        if (json)
        {
            Console.WriteLine(CliJson.Line(new { submissionId = version.Id, unit = version.UnitCode, round = version.RoundCode, status = version.Status, replaced = outcome.Replaced, changed = outcome.Changed }));
        }
        else
        {
            Console.WriteLine(!outcome.Changed
                ? $"Báo cáo #{id} đã là bản được tính của đơn vị {version.UnitCode} trong đợt {version.RoundCode}; không thay đổi gì."
                : $"Đã khôi phục báo cáo #{id} thành bản được tính của đơn vị {version.UnitCode} trong đợt {version.RoundCode}"
                  + (outcome.Replaced is { } r ? $"; báo cáo #{r} chuyển thành bản bị thay thế." : "."));
        }
        return CliApp.Ok;
    }
}
