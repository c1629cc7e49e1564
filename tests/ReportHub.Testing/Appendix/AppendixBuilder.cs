using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using ReportHub.Core.Domain;
using ReportHub.Core.Templates;
using ReportHub.Testing.Documents;

namespace ReportHub.Testing.Appendix;

/// <summary>
/// A unit's answer to a round, laid out from the round's <see cref="TemplateDefinition"/>: the Decree 30 letter
/// (issuing body, Số, place and date, V/v, Kính gửi, the citation of the round's request document), then the PHỤ LỤC
/// with each section's heading and either its table (headers from the definition, the rows given by column key) or its
/// narrative lines. Written as a cell grid, .xlsx, .csv or .docx; <see cref="ExpectedFigures"/> gives the figures the
/// template's measures make of the rows given, which ingestion must arrive at.
/// </summary>
public sealed class AppendixBuilder
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private readonly Dictionary<string, List<IReadOnlyDictionary<string, object?>>> _rows = [];
    private readonly Dictionary<string, IReadOnlyList<string>> _narratives = [];
    private readonly HashSet<string> _totals = [];

    /// <param name="template">The definition the round's reports are read with.</param>
    /// <param name="unit">The sending unit, as the registry holds it.</param>
    /// <param name="round">The round answered; its request document is cited.</param>
    /// <param name="requester">The body that sent the request, named in "Kính gửi" and the citation.</param>
    public AppendixBuilder(TemplateDefinition template, Unit unit, Round round, string requester)
    {
        Template = template;
        Unit = unit;
        Round = round;
        Requester = requester;
        var requested = round.RequestDate ?? round.Deadline.AddDays(-7);
        Date = requested.AddDays(2) < round.Deadline ? requested.AddDays(2) : round.Deadline;
        DocumentNumber = $"45/BC-{Symbol}";
    }

    public TemplateDefinition Template { get; }
    public Unit Unit { get; }
    public Round Round { get; }
    public string Requester { get; }

    public string ParentBody { get; set; } = "UBND TỈNH QUẢNG NGÃI";
    public string Place { get; set; } = "Quảng Ngãi";
    public DateOnly Date { get; set; }

    /// <summary>"45/BC-STP": the number and symbol after "Số:".</summary>
    public string DocumentNumber { get; set; }

    /// <summary>The unit's own name without the province ("Sở Tư pháp"): its first alias, as letterheads write it.</summary>
    public string ShortName => Unit.Aliases.FirstOrDefault() ?? Unit.Name;

    private string Symbol => Unit.Code.Split('.')[^1] is var s && s.All(char.IsLetter) ? s : "UBND";

    public IReadOnlyList<string> IssuingBody => [ParentBody, ShortName.ToUpper(Vietnamese)];

    public string PlaceDateLine => $"{Place}, ngày {Date.Day:00} tháng {Date.Month:00} năm {Date.Year}";

    public string Subject => $"báo cáo {LowerFirst(StripReport(Round.Title))}";

    public string Citation =>
        $"Theo Công văn số {Round.RequestDocument} ngày {Round.RequestDate:dd/MM/yyyy} của {Requester} về việc {Subject}; " +
        $"{ShortName} báo cáo theo Phụ lục đính kèm Công văn này.";

    /// <summary>The data rows of a table section, values by column key; the ordinal column is numbered when not given.</summary>
    public AppendixBuilder Rows(string sectionKey, params IReadOnlyDictionary<string, object?>[] rows)
    {
        var section = TableSection(sectionKey);
        foreach (var row in rows)
        {
            foreach (var key in row.Keys.Where(k => section.Table!.Column(k) is null))
            {
                throw new ArgumentException($"Section '{sectionKey}' of {Template.Id} has no column '{key}'.", nameof(rows));
            }
        }
        if (!_rows.TryGetValue(sectionKey, out var list))
        {
            _rows[sectionKey] = list = [];
        }
        list.AddRange(rows);
        return this;
    }

    /// <summary>A total row under the section's data rows: the template's first total label and the sum of each numeric column.</summary>
    public AppendixBuilder TotalRow(string sectionKey)
    {
        var section = TableSection(sectionKey);
        if (section.Table!.TotalLabels.Count == 0)
        {
            throw new ArgumentException($"Section '{sectionKey}' of {Template.Id} has no total labels.", nameof(sectionKey));
        }
        _totals.Add(sectionKey);
        return this;
    }

    /// <summary>The lines under a narrative section; a section given none says the template's first empty marker.</summary>
    public AppendixBuilder Narrative(string sectionKey, params string[] lines)
    {
        var section = Template.Section(sectionKey) ?? throw new ArgumentException($"{Template.Id} has no section '{sectionKey}'.", nameof(sectionKey));
        if (!section.IsNarrative)
        {
            throw new ArgumentException($"Section '{sectionKey}' of {Template.Id} is a table.", nameof(sectionKey));
        }
        _narratives[sectionKey] = lines;
        return this;
    }

    /// <summary>
    /// What the template's measures make of the rows given, as docs/templates.md states it: row counts; a blank value
    /// takes no part, so rows with no value leave a measure absent (a count of values is then 0), and only an empty
    /// table sums to 0.
    /// </summary>
    public IReadOnlyDictionary<string, decimal> ExpectedFigures()
    {
        var figures = new Dictionary<string, decimal>();
        foreach (var measure in Template.Measures)
        {
            var rows = _rows.GetValueOrDefault(measure.SectionKey) ?? [];
            if (measure.CountsRows)
            {
                figures[measure.Key] = rows.Count;
                continue;
            }
            var values = rows.Select(r => r.GetValueOrDefault(measure.ColumnKey)).Where(v => v is not null).Select(v => ToDecimal(v)).ToList();
            if (measure.Aggregate == Core.Templates.Aggregate.Count)
            {
                figures[measure.Key] = values.Count;
                continue;
            }
            if (values.Count == 0)
            {
                if (rows.Count == 0 && measure.Aggregate == Core.Templates.Aggregate.Sum)
                {
                    figures[measure.Key] = 0;
                }
                continue;
            }
            figures[measure.Key] = measure.Aggregate switch
            {
                Core.Templates.Aggregate.Min => values.Min(),
                Core.Templates.Aggregate.Max => values.Max(),
                Core.Templates.Aggregate.Average => values.Average(),
                _ => values.Sum(),
            };
        }
        return figures;
    }

    /// <summary>The report as rows of cells from A1 (null is blank): letter lines in column A, tables across.</summary>
    public IReadOnlyList<object?[]> Grid()
    {
        var grid = new List<object?[]>();
        void Line(params object?[] cells) => grid.Add(cells);

        foreach (var line in IssuingBody)
        {
            Line(line);
        }
        Line(WordLetterBuilder.Motto);
        Line(WordLetterBuilder.MottoLine2);
        Line($"Số: {DocumentNumber}");
        Line(PlaceDateLine);
        Line($"V/v {Subject}");
        Line($"Kính gửi: {Requester}");
        Line(Citation);
        Line($"Kính đề nghị {Requester} tổng hợp./.");
        Line();
        Line(Template.AppendixHeading);
        Line(Template.Title);
        foreach (var section in Template.Sections)
        {
            Line(Heading(section));
            if (section.Table is { } table)
            {
                Line([.. table.Columns.Select(c => (object?)c.Header)]);
                foreach (var row in TableRows(section))
                {
                    Line(row);
                }
            }
            else
            {
                foreach (var text in NarrativeLines(section))
                {
                    Line(text);
                }
            }
            Line();
        }
        return grid;
    }

    public byte[] ToXlsx(string sheetName = "Phụ lục")
    {
        var grid = Grid();
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(sheetName);
        for (var r = 0; r < grid.Count; r++)
        {
            for (var c = 0; c < grid[r].Length; c++)
            {
                var cell = sheet.Cell(r + 1, c + 1);
                switch (grid[r][c])
                {
                    case null:
                        break;
                    case string s:
                        cell.DataType = XLDataType.Text;
                        cell.SetValue(s);
                        break;
                    case var number:
                        cell.SetValue(Convert.ToDouble(number, CultureInfo.InvariantCulture));
                        break;
                }
            }
        }
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return buffer.ToArray();
    }

    /// <summary>As Excel's "CSV UTF-8 (Comma delimited)": BOM, commas, CRLF, every row as wide as the widest.</summary>
    public byte[] ToCsv()
    {
        var grid = Grid();
        var width = grid.Max(r => r.Length);
        var text = new StringBuilder();
        foreach (var row in grid)
        {
            var fields = Enumerable.Range(0, width).Select(c => c < row.Length ? Quote(Text(row[c])) : "");
            text.Append(string.Join(',', fields)).Append("\r\n");
        }
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return [.. utf8.GetPreamble(), .. utf8.GetBytes(text.ToString())];
    }

    /// <summary>The công văn typed in Word: the header table, the letter, the signer, then one Word table per table section.</summary>
    public byte[] ToDocx()
    {
        var word = new WordLetterBuilder()
            .Header(IssuingBody, DocumentNumber, PlaceDateLine, Subject)
            .Recipients(Requester)
            .Paragraph(Citation)
            .Paragraph($"Kính đề nghị {Requester} tổng hợp./.")
            .EmptyParagraph()
            .SignerBlock(["- Như trên;", "- Lưu: VT."], ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], "Nguyễn Văn An")
            .Heading(Template.AppendixHeading)
            .Heading(Template.Title);
        foreach (var section in Template.Sections)
        {
            word.Paragraph(Heading(section), bold: true);
            if (section.Table is { } table)
            {
                word.Table(t =>
                {
                    t.Row([.. table.Columns.Select(c => WordCell.Of(c.Header, bold: true))]);
                    foreach (var row in TableRows(section))
                    {
                        // Word holds every figure as the text typed.
                        t.Row([.. row.Select(v => WordCell.Of(Text(v)))]);
                    }
                });
            }
            else
            {
                foreach (var text in NarrativeLines(section))
                {
                    word.Paragraph(text);
                }
            }
        }
        return word.ToBytes();
    }

    private static string Heading(SectionDefinition section) => $"{section.Number}. {section.Heading}";

    private IEnumerable<object?[]> TableRows(SectionDefinition section)
    {
        var columns = section.Table!.Columns;
        var rows = _rows.GetValueOrDefault(section.Key) ?? [];
        for (var i = 0; i < rows.Count; i++)
        {
            yield return [.. columns.Select(c => c.Type == ColumnType.Ordinal && !rows[i].ContainsKey(c.Key) ? (long)(i + 1) : Cell(rows[i].GetValueOrDefault(c.Key)))];
        }
        if (_totals.Contains(section.Key))
        {
            var label = columns.FirstOrDefault(c => c.Type is ColumnType.Text or ColumnType.Unit);
            yield return [.. columns.Select(object? (c) =>
                c == label ? section.Table.TotalLabels[0]
                : c.IsNumeric ? rows.Select(r => r.GetValueOrDefault(c.Key)).Where(v => v is not null).Sum(v => ToDecimal(v))
                : null)];
        }
    }

    private IReadOnlyList<string> NarrativeLines(SectionDefinition section) =>
        _narratives.TryGetValue(section.Key, out var lines) && lines.Count > 0
            ? lines
            : [Template.EmptyMarkers.FirstOrDefault() ?? "Không có"];

    private SectionDefinition TableSection(string sectionKey) =>
        Template.Section(sectionKey) is { Table: not null } section
            ? section
            : throw new ArgumentException($"{Template.Id} has no table section '{sectionKey}'.", nameof(sectionKey));

    private static object? Cell(object? value) => value switch
    {
        DateOnly date => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        int i => (long)i,
        _ => value,
    };

    private static decimal ToDecimal(object? value) => Convert.ToDecimal(value, CultureInfo.InvariantCulture);

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        decimal d => d.ToString(Vietnamese),
        double d => d.ToString(Vietnamese),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture)!,
    };

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    private static string StripReport(string title) =>
        title.StartsWith("Báo cáo ", StringComparison.OrdinalIgnoreCase) ? title["Báo cáo ".Length..] : title;

    private static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLower(text[0], Vietnamese) + text[1..];
}
