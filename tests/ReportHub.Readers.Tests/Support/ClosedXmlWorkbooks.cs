using ClosedXML.Excel;

namespace ReportHub.Readers.Tests.Support;

internal static class ClosedXmlWorkbooks
{
    public static byte[] Save(Action<XLWorkbook> build)
    {
        using var workbook = new XLWorkbook();
        build(workbook);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>A realistic appendix: Vietnamese headers, numbers, a date, a merged title, a legacy font, a hidden sheet.</summary>
    public static byte[] Appendix() => Save(workbook =>
    {
        var sheet = workbook.AddWorksheet("Phụ lục 1");
        sheet.Cell(1, 1).Value = "BÁO CÁO KẾT QUẢ";
        sheet.Range("A1:C1").Merge();
        sheet.Cell(2, 1).Value = "Đơn vị";
        sheet.Cell(2, 2).Value = "Số lượng";
        sheet.Cell(3, 1).Value = "Sở Y tế";
        sheet.Cell(3, 2).Value = 541;
        sheet.Cell(3, 3).Value = new DateTime(2024, 3, 15);
        sheet.Cell(4, 1).Value = "Tû lÖ";
        sheet.Cell(4, 1).Style.Font.FontName = ".VnTime";
        sheet.Cell(4, 2).Value = 1.5;
        var hidden = workbook.AddWorksheet("Ẩn");
        hidden.Cell(1, 1).Value = "bí mật";
        hidden.Hide();
    });
}
