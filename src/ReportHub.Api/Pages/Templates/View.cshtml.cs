using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportHub.Core.Templates;
using ReportHub.Pipeline.Templates;

namespace ReportHub.Api.Pages.Templates;

/// <summary>A template shown as its blank form: what each section asks for, and which figures it yields.</summary>
public sealed class ViewModel(TemplateRegistry registry) : PageModel
{
    public TemplateRecord? Record { get; private set; }
    public TemplateDefinition? Definition { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, int? version, CancellationToken ct)
    {
        Record = await registry.GetAsync(id, version, ct);
        if (Record is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        try
        {
            Definition = TemplateDefinition.Load(Record.Definition);
        }
        catch (TemplateLoadException ex)
        {
            // Answered as the API answers it (409), rather than a page that cannot be drawn.
            throw new Warehouse.Templates.BrokenTemplateException(Record.Id, Record.Version, string.Join("; ", ex.Faults.Take(3)));
        }
        return Page();
    }

    public static string TypeName(ColumnType type) => type switch
    {
        ColumnType.Ordinal => "Số thứ tự",
        ColumnType.Text => "Chữ",
        ColumnType.Citation => "Số, ký hiệu văn bản",
        ColumnType.List => "Danh sách",
        ColumnType.Count => "Số nguyên",
        ColumnType.Amount => "Số (có thể lẻ)",
        ColumnType.Percent => "Tỷ lệ %",
        ColumnType.Date => "Ngày (dd/MM/yyyy)",
        ColumnType.Choice => "Chọn một giá trị",
        ColumnType.Unit => "Tên đơn vị",
        _ => type.ToString(),
    };

    public static string AggregateName(Core.Templates.Aggregate aggregate) => aggregate switch
    {
        Core.Templates.Aggregate.Min => "nhỏ nhất",
        Core.Templates.Aggregate.Max => "lớn nhất",
        _ => "tổng",
    };
}
