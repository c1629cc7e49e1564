using System.Globalization;
using ReportHub.Aggregate.Export.Styling;
using ReportHub.Core.Domain;
using ReportHub.Core.Templates;

namespace ReportHub.Aggregate.Export;

/// <summary>
/// The words of the cover letter a blank template carries, shared by the Excel and Word templates so both say the
/// same thing and the parser finds the same header lines in either.
/// </summary>
internal static class OfficialLetter
{
    public const string NumberLine = "Số:      /";
    public const string SignerTitle = "THỦ TRƯỞNG ĐƠN VỊ";
    public const string DirectorTitle = "GIÁM ĐỐC";
    public const string SignatureNote = "(Ký, ghi rõ họ tên, đóng dấu)";
    public const string DeadlineLabel = "Hạn báo cáo";
    public const string DoNotEditNote = "Không sửa các ô này";

    private const string DefaultPlace = "Quảng Ngãi";

    /// <summary>"Quảng Ngãi": the place in the date line and in the recipient's name.</summary>
    public static string Place(Unit? province) => province is null ? DefaultPlace : ProvinceShortName(province);

    public static string ProvinceShortName(Unit province)
    {
        const string prefix = "Tỉnh ";
        var name = province.Name.Trim();
        return name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? name[prefix.Length..].Trim() : name;
    }

    /// <summary>"UBND TỈNH QUẢNG NGÃI" above the issuing body, or null when the province is unknown.</summary>
    public static string? GoverningBody(Unit? province) =>
        province is null ? null : $"UBND TỈNH {ProvinceShortName(province).ToUpperInvariant()}";

    /// <summary>"Sở Công Thương tỉnh Quảng Ngãi" → "SỞ CÔNG THƯƠNG": the province is already on the line above.</summary>
    public static string IssuingBody(Unit unit, Unit? province)
    {
        var name = unit.Name.Trim();
        if (province is not null)
        {
            var suffix = " tỉnh " + ProvinceShortName(province);
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^suffix.Length].TrimEnd();
            }
        }
        return name.ToUpperInvariant();
    }

    /// <summary>The date is left for the signer; the year is the round's, which is right for nearly every letter.</summary>
    public static string PlaceDate(Unit? province, Round round) =>
        $"{Place(province)}, ngày     tháng     năm {round.Deadline.Year.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The template's V/v line, as <see cref="LetterSubject.Of"/> writes it.</summary>
    public static string Subject(TemplateDefinition template) => LetterSubject.Of(template);

    /// <summary>The body the round's reports go to, named as in a sentence.</summary>
    public static string Requester(Round round) => RequestingBody.Of(round).Name;

    public static string Recipient(Unit? province, Round round) => $"Kính gửi: {Requester(round)} tỉnh {Place(province)}";

    /// <summary>
    /// "Theo Công văn số 1406/STTTT-BCVT&amp;CNTT ngày 26/10/2021 của Sở Thông tin và Truyền thông" (the requesting body
    /// of the round's date, <see cref="RequestingBody"/>): the parser finds
    /// the round through this citation, so number, symbol and date stay exactly as the round records them.
    /// Null when the round names no request document.
    /// </summary>
    public static string? RequestCitation(Round round)
    {
        if (string.IsNullOrWhiteSpace(round.RequestDocument))
        {
            return null;
        }
        var date = round.RequestDate is { } d
            ? $" ngày {d.ToString(OfficialStyle.DateFormat, CultureInfo.InvariantCulture)}"
            : string.Empty;
        return $"Theo Công văn số {round.RequestDocument.Trim()}{date} của {Requester(round)}";
    }

    /// <summary>A Sở is signed by its Giám đốc; any other body by its head, whose title ReportHub cannot know.</summary>
    public static string SignerTitleOf(Unit unit) =>
        unit.Type == UnitTypes.Department && unit.Name.TrimStart().StartsWith("Sở ", StringComparison.OrdinalIgnoreCase)
            ? DirectorTitle
            : SignerTitle;

    /// <summary>The label/value pairs ReportHub reads back, with the label text exactly as the template names it.</summary>
    public static IReadOnlyList<(string Label, string Value)> Labels(TemplateDefinition template, Unit unit, Round round) =>
    [
        (LabelText(template, "unitCode", "Mã đơn vị"), unit.Code),
        (LabelText(template, "roundCode", "Mã đợt báo cáo"), round.Code),
        (DeadlineLabel, round.Deadline.ToString(OfficialStyle.DateFormat, CultureInfo.InvariantCulture)),
    ];

    private static string LabelText(TemplateDefinition template, string key, string fallback) =>
        template.Labels.FirstOrDefault(l => l.Key == key)?.Label ?? fallback;
}
