using ReportHub.Core.Domain;
using ReportHub.Core.Grid;
using ReportHub.Core.Issues;
using ReportHub.Core.Measures;
using ReportHub.Core.Parsing;
using ReportHub.Core.Templates;
using ReportHub.Core.Validation;

namespace ReportHub.Core;

/// <summary>
/// Turns one worksheet into a typed report by the template definition alone: sections are found by their headings,
/// tables by their header rows, header lines by their shape. Nothing here knows a particular template.
/// </summary>
public sealed class TemplateParser(TemplateDefinition template)
{
    public const string Version = "1.0";

    public TemplateDefinition Template { get; } = template;

    public ParseResult Parse(IWorkbookReader reader, ParseOptions options, CancellationToken cancellationToken = default)
    {
        SheetGrid? bestGrid = null;
        var bestIndex = reader.Sheets.FirstOrDefault()?.Index ?? 0;
        IReadOnlyList<SectionHit> bestHits = [];
        // Visible sheets first: a hidden sheet wins only when it alone holds the appendix.
        foreach (var sheet in reader.Sheets.OrderBy(s => s.Hidden))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var grid = SheetGrid.Build(sheet.Name, reader.ReadRows(sheet.Index, cancellationToken), () => reader.MergedRanges(sheet.Index), cancellationToken);
            var hits = SectionLocator.Locate(grid, Template, cancellationToken);
            if (hits.Count > bestHits.Count)
            {
                (bestGrid, bestHits, bestIndex) = (grid, hits, sheet.Index);
            }
            if (hits.Count == Template.Sections.Count)
            {
                break;
            }
        }
        if (bestGrid is null || !bestHits.Any(h => h.Section.Table is not null))
        {
            var sheetName = bestGrid?.Name ?? reader.Sheets.FirstOrDefault()?.Name;
            var locator = IssueLocator.For(reader, bestIndex);
            return new ParseResult(null, locator.Locate([Issue.Error(IssueCodes.SheetNotFound, Messages.NoAppendix(Template), sheetName)])) { Locator = locator };
        }
        var result = ParseGrid(bestGrid, bestHits, options, cancellationToken);
        if (reader.Sheets.FirstOrDefault(s => s.Index == bestIndex) is { Hidden: true } hidden)
        {
            // Figures nobody can see in Excel are easy to forget; taking them silently would store numbers the
            // sender never checked.
            result = result with { Issues = [Issue.Warning(IssueCodes.SheetHiddenUsed, Messages.HiddenSheetUsed(hidden.Name), bestGrid.Name), .. result.Issues] };
        }
        var notes = reader.Notes(bestIndex);
        if (notes.Count > 0)
        {
            result = result with { Issues = [.. notes.Select(n => Issue.Warning(n.Code, n.Message, bestGrid.Name)), .. result.Issues] };
        }
        var found = IssueLocator.For(reader, bestIndex);
        return result with { Issues = found.Locate(result.Issues), Locator = found };
    }

    public ParseResult ParseGrid(SheetGrid grid, IReadOnlyList<SectionHit> hits, ParseOptions options, CancellationToken cancellationToken = default)
    {
        var context = new ParseContext(grid.Name);
        if (grid.LegacyCellsConverted > 0)
        {
            context.Warning(IssueCodes.LegacyTextConverted, null, Messages.LegacyConverted(grid.LegacyCharset.ToString().ToUpperInvariant(), grid.LegacyCellsConverted));
        }
        foreach (var section in Template.Sections.Where(s => hits.All(h => h.Section.Key != s.Key)))
        {
            var cell = hits.FirstOrDefault()?.Cell.Address;
            if (section.Required)
            {
                context.Error(IssueCodes.SectionMissing, cell, Messages.SectionMissing(section));
            }
            else
            {
                context.Warning(IssueCodes.SectionMissing, cell, Messages.SectionMissing(section));
            }
        }

        var headerRows = grid.RowNumbers.Where(r => r < hits[0].Cell.Row).ToList();
        var tables = new List<TableReading>();
        var narratives = new List<NarrativeSection>();
        for (var i = 0; i < hits.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var hit = hits[i];
            var endRow = i + 1 < hits.Count ? hits[i + 1].Cell.Row : int.MaxValue;
            if (hit.Section.Table is not null)
            {
                if (TableReader.Read(grid, hit.Section, hit.Cell.Row, endRow, context, cancellationToken) is { } data)
                {
                    tables.Add(TableTyper.Type(hit.Section, data));
                }
            }
            else
            {
                var (narrative, stoppedAt) = NarrativeReader.Read(grid, hit.Section, hit.Cell, endRow, Template);
                narratives.Add(narrative);
                if (stoppedAt is { } stop)
                {
                    headerRows.AddRange(grid.RowNumbers.Where(r => r >= stop && r < endRow));
                }
            }
        }

        if (grid.FormulaCells > 0)
        {
            FormulaNotes.Warn(tables, context);
        }
        SecondLetter.Check(grid, Template, context);
        var header = HeaderReader.Read(grid, headerRows, Template, context);
        ReportValidator.Validate(Template, tables, header, options, context, cancellationToken);
        if (tables.Count > 0 && tables.All(t => t.Rows.Count == 0))
        {
            context.Error(IssueCodes.AppendixEmpty, hits[0].Cell.Address, Messages.TablesEmpty(Template));
        }

        var parsed = tables.ToDictionary(t => t.Section.Key, t => t.ToParsed());
        var report = new ParsedReport
        {
            TemplateId = Template.Id,
            TemplateVersion = Template.Version,
            Sheet = grid.Name,
            Header = header,
            Narratives = narratives,
            Tables = parsed,
            Figures = Figures.Compute(Template, parsed),
        };
        return new ParseResult(report, context.Issues);
    }
}
