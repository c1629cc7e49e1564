using System.Globalization;
using ClosedXML.Excel;
using ReportHub.Aggregate.Export.Styling;
using ReportHub.Core.Domain;
using ReportHub.Core.Templates;

namespace ReportHub.Aggregate.Export;

/// <summary>
/// The "Hướng dẫn" sheet. Lines are bullets, never "1." and the like: the parser finds sections by numbered headings.
/// </summary>
internal static class BlankTemplateGuide
{
    private const string Bullet = "• ";

    public static void Write(XLWorkbook workbook, TemplateDefinition template, Round round)
    {
        var sheet = OfficialStyle.AddSheet(workbook, BlankTemplateWorkbook.GuideSheet, [75]);
        OfficialStyle.Banner(sheet, 1, 1, 1, "HƯỚNG DẪN ĐIỀN BIỂU MẪU", bold: true);
        var row = 2;
        foreach (var line in Lines(template, round))
        {
            row++;
            var cell = OfficialStyle.SetText(sheet.Cell(row, 1), Bullet + line);
            cell.Style.Alignment.WrapText = true;
            cell.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            OfficialStyle.FitRowHeight(sheet, row, 1, 1);
        }
        OfficialStyle.PageSetup(sheet, XLPageOrientation.Portrait, headerRow: 0, lastRow: row, lastColumn: 1);
    }

    public static IEnumerable<string> Lines(TemplateDefinition template, Round round)
    {
        var sections = template.Sections;
        if (sections.Count > 0)
        {
            yield return $"Điền đầy đủ các mục từ {sections[0].Number} đến {sections[^1].Number} ở trang \"{BlankTemplateWorkbook.ReportSheet}\"; " +
                "không xóa, không đổi tên các đề mục và tiêu đề cột.";
        }
        foreach (var section in sections.Where(s => s.Table is not null))
        {
            yield return $"Mục {section.Number}: mỗi {(section.Table!.RowNoun ?? "nội dung")} ghi trên một dòng; " +
                "thiếu dòng thì chèn thêm dòng trong bảng, không ghi số thứ tự vào dòng để trống.";
        }
        var columns = sections.Where(s => s.Table is not null).SelectMany(s => s.Table!.Columns).ToList();
        foreach (var citation in columns.Where(c => c.Type == ColumnType.Citation))
        {
            yield return $"Cột \"{citation.Header}\" ghi số, ký hiệu và ngày văn bản, ví dụ: \"780/SCT-VP ngày 07/05/2021\".";
        }
        foreach (var list in columns.Where(c => c.Type == ColumnType.List))
        {
            yield return $"Cột \"{list.Header}\": mỗi đối tượng một dòng (Alt+Enter để xuống dòng), bắt đầu bằng dấu \"-\".";
        }
        if (columns.Any(c => c.Type == ColumnType.Count))
        {
            yield return "Các cột số lượng ghi bằng số nguyên (ví dụ: 541), không ghi chữ hay đơn vị tính.";
        }
        foreach (var amount in columns.Where(c => c.Type == ColumnType.Amount))
        {
            yield return $"Cột \"{amount.Header}\" ghi bằng số, có thể có phần thập phân (ví dụ: 1.250.000,5), không ghi chữ hay đơn vị tính.";
        }
        foreach (var percent in columns.Where(c => c.Type == ColumnType.Percent))
        {
            yield return $"Cột \"{percent.Header}\" ghi tỷ lệ phần trăm bằng số (ví dụ: 85,5), không ghi dấu %.";
        }
        foreach (var date in columns.Where(c => c.Type == ColumnType.Date))
        {
            yield return $"Cột \"{date.Header}\" ghi ngày dạng ngày/tháng/năm, ví dụ: 07/05/{round.Deadline.Year.ToString(CultureInfo.InvariantCulture)}.";
        }
        foreach (var choice in columns.Where(c => c.Type == ColumnType.Choice && c.Values.Count > 0))
        {
            yield return $"Cột \"{choice.Header}\": {BlankTemplateSections.ChoiceNote(choice.Values)}";
        }
        // The template's own advice comes after the generic lines and before the deadline, which closes the guide.
        foreach (var instruction in template.Layout.Instructions.Where(i => !string.IsNullOrWhiteSpace(i)))
        {
            yield return instruction.Trim();
        }
        var empty = template.EmptyMarkers.FirstOrDefault() ?? "Không có";
        yield return $"Mục nào không có nội dung thì ghi \"{empty}\".";
        var labels = string.Join(" và ", template.Labels.Select(l => $"\"{l.Label}\""));
        if (labels.Length > 0)
        {
            yield return $"Không sửa các ô tô màu {labels}: ReportHub dùng các ô này để nhận biết đơn vị và đợt báo cáo.";
        }
        var deadline = round.Deadline.ToString(OfficialStyle.DateFormat, CultureInfo.InvariantCulture);
        yield return $"Lưu tệp dạng .xlsx, tải lên ReportHub hoặc gửi về {OfficialLetter.Requester(round)} " +
            $"chậm nhất ngày {deadline}.";
    }
}
