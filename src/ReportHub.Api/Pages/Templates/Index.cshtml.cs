using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportHub.Api.Access;
using ReportHub.Api.Web;
using ReportHub.Pipeline.Access;
using ReportHub.Pipeline.Templates;

namespace ReportHub.Api.Pages.Templates;

/// <summary>The registered templates, and for analysts and admins the form that registers a new one.</summary>
public sealed class IndexModel(TemplateRegistry registry, AuditLog audit) : PageModel
{
    public IReadOnlyList<TemplateSummary> Templates { get; private set; } = [];
    public IReadOnlyList<TemplateError> Errors { get; private set; } = [];
    public string? Json { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Templates = await registry.ListAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(string? json, IFormFile? file, CancellationToken ct)
    {
        if (!User.IsAnalyst())
        {
            return Redirect("/forbidden");
        }
        if (file is { Length: > 0 })
        {
            if (file.Length > TemplateValidator.MaxChars * 4L)
            {
                Errors = [new TemplateError { Path = "$", Message = "Tệp định nghĩa quá lớn cho một biểu mẫu. Hãy kiểm tra lại đã chọn đúng tệp .json." }];
            }
            else
            {
                using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
                json = await reader.ReadToEndAsync(ct);
            }
        }
        Json = json;
        if (Errors.Count == 0 && string.IsNullOrWhiteSpace(json))
        {
            Errors = [new TemplateError { Path = "$", Message = "Chưa có định nghĩa biểu mẫu. Hãy dán nội dung JSON vào ô hoặc chọn tệp .json." }];
        }
        if (Errors.Count == 0)
        {
            var result = await registry.AddAsync(json!, ct);
            if (result.Accepted && result.Template is { } t)
            {
                if (result.Status == RegistrationStatus.Registered)
                {
                    await audit.WriteAsync(User.Actor(), AuditActions.TemplateAdded, AuditDetails.Template(t.Id, t.Version), t.Title, ct);
                }
                var done = result.Status == RegistrationStatus.Registered
                    ? $"Đã đăng ký biểu mẫu {t.Id} phiên bản {t.Version}."
                    : $"Biểu mẫu {t.Id} phiên bản {t.Version} đã có với đúng định nghĩa này; không có gì thay đổi.";
                TempData.SetNotice(done);
                return Redirect("/templates");
            }
            Errors = result.Errors;
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        Templates = await registry.ListAsync(ct);
        return Page();
    }
}
