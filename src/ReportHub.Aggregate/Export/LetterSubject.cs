using System.Globalization;
using ReportHub.Aggregate.Export.Styling;
using ReportHub.Core.Templates;

namespace ReportHub.Aggregate.Export;

/// <summary>
/// The "V/v …" line of a template's blank letter, shared by the blank forms and the template page so both say it
/// the same way: once, whether the definition's <c>subject</c> already starts with "V/v" or not.
/// </summary>
public static class LetterSubject
{
    private const string Prefix = "V/v";
    private const string FormPrefix = "BIỂU MẪU ";
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>
    /// The template's subject with one "V/v " in front (a "v/v:" or a repeated "V/v V/v" the definition carries is
    /// written once); a template that proposes none gets one from its title ("BIỂU MẪU BÁO CÁO TÌNH HÌNH …" →
    /// "V/v báo cáo tình hình …"), which the sender may still reword.
    /// </summary>
    public static string Of(TemplateDefinition template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var subject = WithoutPrefix(OfficialStyle.Clean(template.Subject ?? string.Empty));
        if (subject.Length > 0)
        {
            return $"{Prefix} {subject}";
        }
        var title = OfficialStyle.Clean(template.Title).Trim();
        if (title.StartsWith(FormPrefix, StringComparison.OrdinalIgnoreCase))
        {
            title = title[FormPrefix.Length..].TrimStart();
        }
        return $"{Prefix} {title.ToLower(Vietnamese)}";
    }

    /// <summary>The text after every leading "V/v" (any case, with or without a colon).</summary>
    private static string WithoutPrefix(string text)
    {
        var rest = text.Trim();
        while (rest.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            rest = rest[Prefix.Length..].TrimStart().TrimStart(':', '.').TrimStart();
        }
        return rest;
    }
}
