using ClosedXML.Excel;
using ReportHub.Aggregate.Export.Styling;
using ReportHub.Core.Domain;
using ReportHub.Core.Templates;

namespace ReportHub.Aggregate.Export;

/// <summary>What a person typed into a form on a page: each table's rows by column key, each narrative's text.</summary>
public sealed record FormValues
{
    /// <summary>Rows of each table section by the section's key; a row maps column keys to the text typed, as typed.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>> Tables { get; init; } =
        new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>>();

    /// <summary>The text of each narrative section by its key.</summary>
    public IReadOnlyDictionary<string, string> Narratives { get; init; } = new Dictionary<string, string>();
}

/// <summary>Where one cell of the filled workbook came from on the form.</summary>
public sealed record FormPlace
{
    /// <summary>A label of the letter: "unit", "round" or "deadline"; null for a cell of a section.</summary>
    public string? Field { get; init; }

    public string? Section { get; init; }

    /// <summary>The row's position in the section's list, from 1; null for a table's header or a narrative.</summary>
    public int? Row { get; init; }

    public string? Column { get; init; }
}

/// <summary>A filled form: the workbook's bytes and, for each cell written from the form, the place on the form.</summary>
public sealed record FilledWorkbook
{
    public required byte[] Content { get; init; }

    /// <summary>The sheet the places are on.</summary>
    public required string Sheet { get; init; }

    /// <summary>Places by A1 address on <see cref="Sheet"/>.</summary>
    public required IReadOnlyDictionary<string, FormPlace> Places { get; init; }
}

/// <summary>
/// The round's blank form (<see cref="BlankTemplateWorkbook"/>) with a page's values typed in, as a clerk types them in
/// Excel: every value a text cell, so "1.234" is read by the same rules as a typed cell. A real workbook that reads,
/// downloads and replays as any uploaded one.
/// </summary>
public static class FilledTemplateWorkbook
{
    public static FilledWorkbook Write(TemplateDefinition template, Unit unit, Unit? province, Round round, FormValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var filling = new FormFilling(values);
        using var buffer = new MemoryStream();
        BlankTemplateWorkbook.Write(buffer, template, unit, province, round, filling);
        return new FilledWorkbook { Content = buffer.ToArray(), Sheet = BlankTemplateWorkbook.ReportSheet, Places = filling.Places };
    }
}

/// <summary>Types the values into the blank form as it is laid out, noting where each cell of the form went.</summary>
internal sealed class FormFilling(FormValues values)
{
    private static readonly string[] LabelFields = ["unit", "round", "deadline"];

    private readonly Dictionary<string, FormPlace> _places = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, FormPlace> Places => _places;

    public int RowCount(SectionDefinition section) => values.Tables.TryGetValue(section.Key, out var rows) ? rows.Count : 0;

    public void Label(int index, IXLCell value, IXLCell label)
    {
        if (index < LabelFields.Length)
        {
            var place = new FormPlace { Field = LabelFields[index] };
            _places[value.Address.ToString()!] = place;
            _places[label.Address.ToString()!] = place;
        }
    }

    public void Table(IXLWorksheet sheet, SectionDefinition section, int headerRow)
    {
        var columns = section.Table!.Columns;
        _places[sheet.Cell(headerRow - 1, 1).Address.ToString()!] = new FormPlace { Section = section.Key };
        for (var c = 0; c < columns.Count; c++)
        {
            _places[sheet.Cell(headerRow, c + 1).Address.ToString()!] = new FormPlace { Section = section.Key, Column = columns[c].Key };
        }
        if (!values.Tables.TryGetValue(section.Key, out var rows))
        {
            return;
        }
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                var cell = sheet.Cell(headerRow + 1 + r, c + 1);
                _places[cell.Address.ToString()!] = new FormPlace { Section = section.Key, Row = r + 1, Column = columns[c].Key };
                if (rows[r].TryGetValue(columns[c].Key, out var text) && !string.IsNullOrWhiteSpace(text))
                {
                    OfficialStyle.SetText(cell, text);
                    cell.Style.Alignment.WrapText = true;
                }
            }
        }
    }

    public void Narrative(IXLWorksheet sheet, SectionDefinition section, int firstLine)
    {
        _places[sheet.Cell(firstLine - 1, 1).Address.ToString()!] = new FormPlace { Section = section.Key };
        for (var line = 0; line < BlankTemplateWorkbook.BlankNarrativeRows; line++)
        {
            _places[sheet.Cell(firstLine + line, 1).Address.ToString()!] = new FormPlace { Section = section.Key };
        }
        if (values.Narratives.TryGetValue(section.Key, out var text) && !string.IsNullOrWhiteSpace(text))
        {
            var cell = sheet.Cell(firstLine, 1);
            OfficialStyle.SetText(cell, text);
            var lines = text.Split('\n').Length;
            sheet.Row(firstLine).Height = OfficialStyle.RowHeight(Math.Max(1, lines));
        }
    }
}
