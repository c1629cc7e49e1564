using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using ReportHub.Aggregate.Export.Styling;
using ReportHub.Aggregate.Export.Word;
using ReportHub.Aggregate.Rollups;
using ReportHub.Core.Domain;

namespace ReportHub.Aggregate.Export;

/// <summary>
/// The công văn đôn đốc of a round in the Nghị định 30/2020 layout: the requesting body reminds the units that have
/// not reported, citing the round's request document and deadline, and names those that reported late. The number
/// and the signature are left for the clerk, as in the blank form's letter.
/// </summary>
public static class ReminderLetterDocument
{
    public const string ContentType = BlankTemplateDocument.ContentType;

    public static string FileName(Round round)
    {
        ArgumentNullException.ThrowIfNull(round);
        return $"don-doc-{round.Code}.docx";
    }

    public static void Write(Stream output, Round round, Unit? province, IReadOnlyList<UnitStatus> units, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(units);

        var missing = units.Where(u => u.Status == UnitStatuses.Missing).ToList();
        var late = units.Where(u => u.Status == UnitStatuses.Late).ToList();
        var requester = RequestingBody.Of(round);
        var deadline = Day(round.Deadline);
        var content = new List<OpenXmlElement>
        {
            LetterLayout.Letterhead(OfficialLetter.GoverningBody(province), requester.Heading, OfficialLetter.NumberLine,
                $"V/v đôn đốc gửi báo cáo {Lower(round.Title)}", PlaceDate(province, today)),
        };
        content.AddRange(Recipients(missing));

        var citation = OfficialLetter.RequestCitation(round) is { } c
            ? $"{c} về việc {Lower(round.Title)}, các đơn vị được đề nghị gửi báo cáo trước ngày {deadline}."
            : $"Về việc {Lower(round.Title)}, các đơn vị được đề nghị gửi báo cáo trước ngày {deadline}.";
        content.Add(Body(citation));
        if (missing.Count == 0)
        {
            content.Add(Body($"Đến ngày {Day(today)}, tất cả các đơn vị đã gửi báo cáo."));
        }
        else
        {
            content.Add(Body(today > round.Deadline
                ? $"Đến ngày {Day(today)}, đã quá hạn nộp nhưng {Count(missing.Count)} sau chưa gửi báo cáo:"
                : $"Đến ngày {Day(today)}, {Count(missing.Count)} sau chưa gửi báo cáo:"));
            content.AddRange(missing.Select(u => Item(Name(u))));
        }
        if (late.Count > 0)
        {
            content.Add(Body($"{Count(late.Count)} sau đã gửi báo cáo sau hạn ngày {deadline}:"));
            content.AddRange(late.Select(u => Item($"{Name(u)} (nhận lúc {Time(u.ReceivedAt)})")));
        }
        if (missing.Count > 0)
        {
            content.Add(Body($"{requester.Name} đề nghị Thủ trưởng các đơn vị chưa gửi báo cáo khẩn trương chỉ đạo hoàn thành và gửi báo cáo " +
                $"về {requester.Name} qua hệ thống ReportHub; các đơn vị gửi báo cáo sau hạn lưu ý bảo đảm thời hạn ở các kỳ báo cáo sau./."));
        }
        else
        {
            content.Add(Body($"{requester.Name} đề nghị các đơn vị gửi báo cáo sau hạn lưu ý bảo đảm thời hạn ở các kỳ báo cáo sau./."));
        }
        content.Add(LetterLayout.SignerBlock(["- Như trên;", "- Lưu: VT."], OfficialLetter.DirectorTitle, OfficialLetter.SignatureNote));
        WordPackage.Save(output, content);
    }

    /// <summary>"Kính gửi:" with one unit on the same line, or the units one per line below it.</summary>
    private static IEnumerable<OpenXmlElement> Recipients(IReadOnlyList<UnitStatus> missing)
    {
        if (missing.Count == 1)
        {
            yield return WordBlocks.Paragraph(new WordLine { Text = $"Kính gửi: {Name(missing[0])}.", Align = JustificationValues.Center, Before = 12, After = 12 });
            yield break;
        }
        yield return WordBlocks.Paragraph(new WordLine
        {
            Text = missing.Count == 0 ? "Kính gửi: Các đơn vị có tên tại Công văn này." : "Kính gửi:",
            Align = JustificationValues.Center, Before = 12, After = missing.Count == 0 ? 12 : 0,
        });
        for (var i = 0; i < missing.Count; i++)
        {
            yield return WordBlocks.Paragraph(new WordLine
            {
                Text = $"- {Name(missing[i])}{(i == missing.Count - 1 ? "." : ";")}", Align = JustificationValues.Center, After = i == missing.Count - 1 ? 12 : 0,
            });
        }
    }

    private static Paragraph Body(string text) =>
        WordBlocks.Paragraph(new WordLine { Text = text, Align = JustificationValues.Both, Indent = true, After = 6 });

    private static Paragraph Item(string text) =>
        WordBlocks.Paragraph(new WordLine { Text = "- " + text + ";", Align = JustificationValues.Both, Indent = true });

    private static string Name(UnitStatus unit) => unit.Name.Trim();

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture) + " đơn vị";

    private static string PlaceDate(Unit? province, DateOnly today) =>
        $"{OfficialLetter.Place(province)}, ngày {today.Day:00} tháng {today.Month:00} năm {today.Year.ToString(CultureInfo.InvariantCulture)}";

    private static string Day(DateOnly day) => day.ToString(OfficialStyle.DateFormat, CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset? at) =>
        at is { } t ? OfficialStyle.ToLocal(t).ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture) : "";

    /// <summary>A title inside a sentence starts lower-case ("Báo cáo …" → "báo cáo …"), unless it starts with an acronym.</summary>
    private static string Lower(string title)
    {
        var t = title.Trim();
        return t.Length > 1 && char.IsUpper(t[0]) && !char.IsUpper(t[1]) ? char.ToLower(t[0], CultureInfo.GetCultureInfo("vi-VN")) + t[1..] : t;
    }
}
