using ReportHub.Core.Domain;
using ReportHub.Core.Issues;
using ReportHub.Core.Templates;
using ReportHub.Core.Text;

namespace ReportHub.Core.Parsing;

/// <summary>Turns generic table rows into directives and QR rows, checking each value as it goes.</summary>
internal sealed class ReportProjector(TemplateDefinition template, ParseContext context, ParseOptions options, ReportHeader header)
{
    public IReadOnlyList<DirectiveRow> Directives(TableData table)
    {
        var latest = (header.PlaceDate?.Date ?? options.Today).AddDays(31);
        var seen = new Dictionary<string, string>();
        var result = new List<DirectiveRow>();
        foreach (var row in table.Rows)
        {
            var content = row.Text("content");
            var citationCell = row["citation"];
            Citation? citation = null;
            if (citationCell is null)
            {
                context.Warning(IssueCodes.CitationInvalid, CellOf(row, table, "citation"), Messages.CitationMissing());
            }
            else if (!Citations.TryParse(citationCell.Text, out var parsed))
            {
                context.Warning(IssueCodes.CitationInvalid, citationCell.Address, Messages.CitationInvalid(citationCell.Text));
            }
            else
            {
                citation = parsed;
                if (parsed.Date is { } date && (date < options.EarliestDate || date > latest))
                {
                    context.Warning(IssueCodes.DateImplausible, citationCell.Address, Messages.DateImplausible(date, options.EarliestDate, latest));
                }
            }
            if (string.IsNullOrWhiteSpace(content))
            {
                context.Warning(IssueCodes.DirectiveContentMissing, CellOf(row, table, "content"), Messages.ContentMissing());
            }
            var key = MatchKey.Of(content) + "|" + MatchKey.Of(citation?.Reference ?? citationCell?.Text);
            var address = row["content"]?.Address ?? row.FirstAddress;
            if (!seen.TryAdd(key, address))
            {
                context.Warning(IssueCodes.DuplicateRow, address, Messages.DuplicateDirective(seen[key]));
            }
            result.Add(new DirectiveRow
            {
                Ordinal = Ordinal(row),
                Content = content ?? "",
                CitationText = citationCell?.Text,
                Citation = citation,
                IssuingUnit = row.Text("issuingUnit"),
                Recipients = HeaderLines.SplitList(row.Text("recipients")),
                Cell = address,
            });
        }
        return result;
    }

    public IReadOnlyList<QrRow> QrRows(TableData table)
    {
        var section = template.TableOf("qr")!;
        var seen = new Dictionary<string, string>();
        var result = new List<QrRow>();
        foreach (var row in table.Rows)
        {
            var entity = row.Text("entity");
            var codes = Count(row, table, section, "qrCodes");
            var scans = Count(row, table, section, "qrScans");
            var address = row["entity"]?.Address ?? row.FirstAddress;
            if (string.IsNullOrWhiteSpace(entity))
            {
                context.Warning(IssueCodes.EntityMissing, CellOf(row, table, "entity"), Messages.EntityMissing());
            }
            else if (!seen.TryAdd(SameName(entity), address))
            {
                context.Warning(IssueCodes.DuplicateRow, address, Messages.DuplicateEntity(entity, seen[SameName(entity)]));
            }
            if (codes == 0 && scans > 0)
            {
                context.Warning(IssueCodes.ScansWithoutCodes, row["qrCodes"]?.Address ?? CellOf(row, table, "qrCodes"), Messages.ScansWithoutCodes(entity ?? address, scans));
            }
            result.Add(new QrRow
            {
                Ordinal = Ordinal(row),
                Entity = entity ?? "",
                QrCodes = codes,
                QrScans = scans,
                Note = row.Text("note"),
                Cell = address,
            });
        }
        if (table.TotalRow is { } total)
        {
            CheckTotal(total, section, "qrCodes", Counts.Sum(result, r => r.QrCodes));
            CheckTotal(total, section, "qrScans", Counts.Sum(result, r => r.QrScans));
        }
        return result;
    }

    private void CheckTotal(TableRow total, SectionDefinition section, string key, long sum)
    {
        if (total[key] is not { } cell)
        {
            return;
        }
        var parsed = VietnameseNumbers.ParseCount(cell.Text, cell.Kind == Grid.CellKind.Number ? cell.Number : null);
        if (parsed.Status == CountStatus.Ok && parsed.Value != sum)
        {
            context.Error(IssueCodes.TotalMismatch, cell.Address, Messages.TotalMismatch(Header(section, key), parsed.Value, sum));
        }
    }

    private long Count(TableRow row, TableData table, SectionDefinition section, string key)
    {
        var cell = row[key];
        var header = Header(section, key);
        if (cell is null)
        {
            context.Warning(IssueCodes.NumberInvalid, CellOf(row, table, key), Messages.BlankCount(header));
            return 0;
        }
        var parsed = VietnameseNumbers.ParseCount(cell.Text, cell.Kind == Grid.CellKind.Number ? cell.Number : null);
        switch (parsed.Status)
        {
            case CountStatus.Ok:
                return parsed.Value;
            case CountStatus.Blank:
                context.Warning(IssueCodes.NumberInvalid, cell.Address, Messages.BlankCount(header));
                return 0;
            case CountStatus.Negative:
                context.Error(IssueCodes.NumberNegative, cell.Address, Messages.Negative(header, cell.Text));
                return 0;
            case CountStatus.Fractional:
                context.Error(IssueCodes.NumberFractional, cell.Address, Messages.Fractional(header, cell.Text));
                return 0;
            case CountStatus.Implausible:
                context.Error(IssueCodes.NumberImplausible, cell.Address, Messages.Implausible(header, cell.Text, cell.Address));
                return 0;
            default:
                context.Error(IssueCodes.NumberInvalid, cell.Address, Messages.NotANumber(header, cell.Text));
                return 0;
        }
    }

    // Tones matter here: "Xã Bình Thanh" and "Xã Bình Thạnh" are two communes of Bình Sơn.
    private static string SameName(string name) => VietnameseText.Clean(name).ToLowerInvariant();

    private static string Header(SectionDefinition section, string key) =>
        section.Table!.Columns.First(c => c.Key == key).Header;

    private static string? CellOf(TableRow row, TableData table, string key) =>
        table.Layout.ColumnOf(key) is { } column ? Grid.A1.Format(row.Row, column) : row.FirstAddress;

    private static int Ordinal(TableRow row) =>
        int.TryParse(row.Text("ordinal")?.Trim('.', ' '), out var n) ? n : row.Sequence;
}
