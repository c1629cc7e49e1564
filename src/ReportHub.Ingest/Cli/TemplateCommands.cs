using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ReportHub.Pipeline.Access;
using ReportHub.Pipeline.Templates;

namespace ReportHub.Ingest.Cli;

/// <summary>The template commands: `templates add FILE`, `templates list`, `templates show ID [--version N]`.</summary>
internal static class TemplateCommands
{
    // A definition is text; a few bytes per character at most, so anything far larger is not one.
    private const long MaxFileBytes = TemplateValidator.MaxChars * 4L;

    public static async Task<int> AddAsync(string[] config, string file, bool json, CancellationToken ct)
    {
        if (!File.Exists(file))
        {
            throw new ConfigurationException($"Không tìm thấy tệp định nghĩa mẫu: {file}. Hãy kiểm tra lại đường dẫn tệp .json.");
        }
        if (new FileInfo(file).Length > MaxFileBytes)
        {
            return await RefusedAsync([new TemplateError { Path = "$", Message = $"Tệp “{Path.GetFileName(file)}” quá lớn để là một định nghĩa mẫu. Hãy kiểm tra lại đã chọn đúng tệp .json." }], json);
        }
        var text = await File.ReadAllTextAsync(file, ct);
        using var host = CliHost.Build(config);
        await Commands.PrepareAsync(host.Services, ct);
        var result = await host.Services.GetRequiredService<TemplateRegistry>().AddAsync(text, ct);
        if (!result.Accepted)
        {
            return await RefusedAsync(result.Errors, json);
        }
        var t = result.Template!;
        if (result.Status == RegistrationStatus.Registered)
        {
            await host.Services.GetRequiredService<AuditLog>().WriteAsync(AuditActors.Cli, AuditActions.TemplateAdded,
                AuditDetails.Template(t.Id, t.Version), t.Title, ct);
        }
        var status = result.Status == RegistrationStatus.Registered ? "registered" : "unchanged";
        Console.WriteLine(json
            ? CliJson.Line(new { status, id = t.Id, version = t.Version, title = t.Title })
            : $"{t.Id} {t.Version}{(result.Status == RegistrationStatus.Unchanged ? " (đã đăng ký trước đây, không thay đổi)" : "")}");
        return CliApp.Ok;
    }

    public static async Task<int> ListAsync(string[] config, bool json, CancellationToken ct)
    {
        using var host = CliHost.Build(config);
        await Commands.PrepareAsync(host.Services, ct);
        var templates = await host.Services.GetRequiredService<TemplateRegistry>().ListAsync(ct);
        if (json)
        {
            Console.WriteLine(CliJson.Line(templates));
            return CliApp.Ok;
        }
        foreach (var t in templates)
        {
            Console.WriteLine($"{t.Id}\t{t.Version}\t{t.Title}{(t.Broken ? $"\t(hỏng: {t.Reason})" : "")}");
        }
        return CliApp.Ok;
    }

    public static async Task<int> ShowAsync(string[] config, string id, int? version, CancellationToken ct)
    {
        using var host = CliHost.Build(config);
        await Commands.PrepareAsync(host.Services, ct);
        var template = await host.Services.GetRequiredService<TemplateRegistry>().GetAsync(id, version, ct)
            ?? throw new ConfigurationException(version is null
                ? $"Không có mẫu báo cáo “{id}”. Hãy xem danh sách bằng lệnh: reporthub templates list"
                : $"Mẫu báo cáo “{id}” không có phiên bản {version}. Hãy xem phiên bản mới nhất bằng lệnh: reporthub templates show {id}");
        Console.WriteLine(JsonNode.Parse(template.Definition)!.ToJsonString(Indented));
        return CliApp.Ok;
    }

    private static readonly JsonSerializerOptions Indented = new(CliJson.Options) { WriteIndented = true };

    private static async Task<int> RefusedAsync(IReadOnlyList<TemplateError> errors, bool json)
    {
        foreach (var error in errors)
        {
            await Console.Error.WriteLineAsync(error.ToString());
        }
        if (json)
        {
            Console.WriteLine(CliJson.Line(new { status = "refused", errors }));
        }
        return CliApp.Rejected;
    }
}
