using System.Globalization;

namespace ReportHub.Core.Templates;

/// <summary>One thing a parsed definition cannot be used with: where (a JSON path such as $.rules[2].from) and why, in Vietnamese.</summary>
public sealed record TemplateFault
{
    public required string Path { get; init; }
    public required string Message { get; init; }

    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>
/// What a definition may hold, beyond its JSON Schema: sizes the exports and the checks can carry and values that make
/// sense. Registration refuses a definition that breaks them, and loading a stored one that breaks them marks it broken,
/// so that the same code decides both.
/// </summary>
public static class TemplateLimits
{
    /// <summary>Far below Excel's 16,384 columns a sheet may hold, and far above any real form (the widest has 9).</summary>
    public const int MaxColumnsPerTable = 200;
    public const int MaxColumns = 1_000;
    public const int MaxSections = 100;
    public const int MaxMeasures = 500;
    public const int MaxIndicators = 500;
    public const int MaxRules = 500;
    public const int MaxLabels = 100;

    /// <summary>Headings, labels, keywords, variants, messages: a heading longer than this is a paragraph pasted by mistake.</summary>
    public const int MaxTextLength = 500;

    /// <summary>Variants, keywords, values and other lists of words.</summary>
    public const int MaxListItems = 200;

    /// <summary>Ten years: a date later than that after the report is no deadline any form sets.</summary>
    public const int MaxDaysAfterReport = 3_660;
    public const decimal MaxFactor = 1_000_000m;
    public const int MaxVersion = 1_000_000;

    /// <summary>A dateWindow's earliest date must lie between these; outside them no real date passes or every one does.</summary>
    public static readonly DateOnly EarliestFrom = new(1900, 1, 1);
    public static readonly DateOnly LatestFrom = new(2100, 12, 31);

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static string Number(decimal value) => value.ToString("#,##0.########", Vietnamese);

    public static IReadOnlyList<TemplateFault> Check(TemplateDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var faults = new List<TemplateFault>();
        void Add(string path, string message) => faults.Add(new TemplateFault { Path = path, Message = message.Normalize() });

        void Text(string path, string? text)
        {
            if (text is not null && text.Length > MaxTextLength)
            {
                Add(path, $"Dài {Number(text.Length)} ký tự, quá giới hạn {Number(MaxTextLength)} ký tự. Hãy rút ngắn nội dung này.");
            }
        }

        void Texts(string path, IReadOnlyList<string>? texts)
        {
            if (texts is null)
            {
                return;
            }
            if (texts.Count > MaxListItems)
            {
                Add(path, $"Danh sách có {Number(texts.Count)} phần tử, quá giới hạn {Number(MaxListItems)}. Hãy bỏ bớt.");
                return;
            }
            for (var i = 0; i < texts.Count; i++)
            {
                Text($"{path}[{i}]", texts[i]);
            }
        }

        void Count(string path, int count, int max, string what)
        {
            if (count > max)
            {
                Add(path, $"Mẫu có {Number(count)} {what}, quá giới hạn {Number(max)}. Hãy tách thành nhiều mẫu hoặc bỏ bớt.");
            }
        }

        if (definition.Version is < 1 or > MaxVersion)
        {
            Add("$.version", $"Phiên bản phải là số nguyên từ 1 đến {Number(MaxVersion)}. Hãy sửa “version”.");
        }
        if (definition.Id.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            Add("$.id", "Mã mẫu không được chứa khoảng trắng, dấu xuống dòng hay ký tự điều khiển. Hãy xóa các ký tự đó.");
        }
        Text("$.title", definition.Title);
        Text("$.appendixHeading", definition.AppendixHeading);
        Text("$.subject", definition.Subject);
        Texts("$.emptyMarkers", definition.EmptyMarkers);
        Count("$.labels", definition.Labels.Count, MaxLabels, "nhãn");
        Count("$.sections", definition.Sections.Count, MaxSections, "phần");
        Count("$.measures", definition.Measures.Count, MaxMeasures, "chỉ số đo");
        Count("$.indicators", definition.Indicators.Count, MaxIndicators, "chỉ tiêu");
        Count("$.rules", definition.Rules.Count, MaxRules, "quy tắc");
        var totalColumns = definition.Sections.Sum(s => s.Table?.Columns.Count ?? 0);
        if (totalColumns > MaxColumns)
        {
            Add("$.sections", $"Các bảng của mẫu có tổng cộng {Number(totalColumns)} cột, quá giới hạn {Number(MaxColumns)}. Hãy tách thành nhiều mẫu hoặc bỏ bớt cột.");
        }
        for (var i = 0; i < Math.Min(definition.Labels.Count, MaxLabels); i++)
        {
            Text($"$.labels[{i}].label", definition.Labels[i].Label);
            Texts($"$.labels[{i}].variants", definition.Labels[i].Variants);
        }
        for (var s = 0; s < Math.Min(definition.Sections.Count, MaxSections); s++)
        {
            var section = definition.Sections[s];
            var path = $"$.sections[{s}]";
            Text(path + ".number", section.Number);
            Text(path + ".heading", section.Heading);
            Texts(path + ".keywords", section.Keywords);
            if (section.Table is not { } table)
            {
                continue;
            }
            Text(path + ".table.rowNoun", table.RowNoun);
            Texts(path + ".table.totalLabels", table.TotalLabels);
            if (table.Columns.Count > MaxColumnsPerTable)
            {
                Add(path + ".table.columns", $"Bảng có {Number(table.Columns.Count)} cột, quá giới hạn {Number(MaxColumnsPerTable)} cột một bảng (Excel chỉ chứa được 16.384 cột, và không biểu mẫu nào cần gần đến vậy). Hãy tách bảng thành nhiều phần hoặc bỏ bớt cột.");
                continue;
            }
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var column = table.Columns[c];
                var at = $"{path}.table.columns[{c}]";
                Text(at + ".header", column.Header);
                Texts(at + ".variants", column.Variants);
                Texts(at + ".values", column.Values);
                Text(at + ".missingMessage", column.MissingMessage);
                if (column.Min is { } min && column.Max is { } max && min > max)
                {
                    Add(at + ".max", $"Giá trị tối đa {Number(max)} nhỏ hơn giá trị tối thiểu {Number(min)}, nên không ô nào hợp lệ. Hãy sửa “min” hoặc “max”.");
                }
            }
            if (table.Sheet is { } sheet)
            {
                Text(path + ".table.sheet.title", sheet.Title);
                Count(path + ".table.sheet.columns", sheet.Columns.Count, MaxColumnsPerTable, "cột trên trang tính");
            }
        }
        for (var m = 0; m < Math.Min(definition.Measures.Count, MaxMeasures); m++)
        {
            Text($"$.measures[{m}].label", definition.Measures[m].Label);
            Text($"$.measures[{m}].heading", definition.Measures[m].Heading);
        }
        for (var i = 0; i < Math.Min(definition.Indicators.Count, MaxIndicators); i++)
        {
            var indicator = definition.Indicators[i];
            Text($"$.indicators[{i}].label", indicator.Label);
            if (indicator.Factor is <= 0 or > MaxFactor)
            {
                Add($"$.indicators[{i}].factor", $"Hệ số {Number(indicator.Factor)} nằm ngoài khoảng cho phép (lớn hơn 0 và không quá {Number(MaxFactor)}; ví dụ 100 để tính phần trăm). Hãy sửa “factor”.");
            }
        }
        for (var r = 0; r < Math.Min(definition.Rules.Count, MaxRules); r++)
        {
            var rule = definition.Rules[r];
            var path = $"$.rules[{r}]";
            Text(path + ".message", rule.Message);
            if (rule.Type == RuleType.Compare && rule.Left is not null && rule.Left == rule.Right && rule.Op is CompareOp.Less or CompareOp.Greater)
            {
                Add(path + ".op", $"Quy tắc so sánh cột “{rule.Left}” với chính nó bằng “{(rule.Op == CompareOp.Less ? "<" : ">")}” thì không dòng nào thỏa được. Hãy so sánh hai cột khác nhau.");
            }
            if (rule.DaysAfterReport is { } days && days > MaxDaysAfterReport)
            {
                Add(path + ".daysAfterReport", $"{Number(days)} ngày sau ngày báo cáo là quá xa (tối đa {Number(MaxDaysAfterReport)} ngày, khoảng 10 năm). Hãy sửa “daysAfterReport”.");
            }
            if (rule.From is { } from && (from < EarliestFrom || from > LatestFrom))
            {
                Add(path + ".from", $"Ngày bắt đầu {from:yyyy-MM-dd} nằm ngoài khoảng {EarliestFrom:yyyy-MM-dd} đến {LatestFrom:yyyy-MM-dd}, nên quy tắc không bao giờ đúng với ngày thật. Hãy sửa “from”.");
            }
        }
        return faults;
    }
}

/// <summary>A stored definition that cannot be used: it no longer parses, or breaks <see cref="TemplateLimits"/>.</summary>
public sealed class TemplateLoadException(IReadOnlyList<TemplateFault> faults, Exception? inner = null)
    : Exception("Template definition cannot be loaded: " + string.Join("; ", faults), inner)
{
    public IReadOnlyList<TemplateFault> Faults { get; } = faults;
}
