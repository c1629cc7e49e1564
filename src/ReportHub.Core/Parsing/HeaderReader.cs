using ReportHub.Core.Domain;
using ReportHub.Core.Issues;
using ReportHub.Core.Templates;
using ReportHub.Core.Text;

namespace ReportHub.Core.Parsing;

/// <summary>Reads the header and signature lines that sit around the appendix, in whatever order they come.</summary>
public static class HeaderReader
{
    private enum Mode
    {
        None,
        Recipients,
        Distribution,
        Signer,
    }

    /// <param name="context">Where a second label with another value is reported (a second letter), when given.</param>
    public static ReportHeader Read(SheetGrid grid, IEnumerable<int> rows, TemplateDefinition template, ParseContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        var labels = new Dictionary<string, string>();
        var cells = new Dictionary<string, string>();
        var block = new List<(string Text, string Cell)>();
        var blockOpen = true;
        int? blockColumn = null;
        var rowList = rows as IReadOnlyList<int> ?? rows.ToList();
        var bodyColumnLimit = BodyColumnLimit(grid, rowList);
        var recipients = new List<string>();
        var signer = new List<string>();
        Citation? number = null;
        Citation? request = null;
        PlaceDate? placeDate = null;
        string? subject = null;
        string? signerName = null;
        var mode = Mode.None;
        var labelKeys = template.Labels.SelectMany(l => l.Variants.Append(l.Label).Select(v => (l.Key, Folded: MatchKey.Of(v)))).ToList();

        foreach (var rowNumber in rowList)
        {
            var row = grid.Row(rowNumber);
            for (var i = 0; i < row.Count; i++)
            {
                var cell = row[i];
                if (TryLabel(cell, row, i, labelKeys, out var key, out var value, out var consumedNext))
                {
                    if (!labels.TryAdd(key, value) && MatchKey.Of(labels[key]) != MatchKey.Of(value))
                    {
                        var label = template.Labels.First(l => l.Key == key).Label;
                        context?.Error(IssueCodes.LetterSeveral, cell.Address, Messages.SecondLabel(label, labels[key], value));
                    }
                    cells.TryAdd(key, cell.Address);
                    i += consumedNext ? 1 : 0;
                    continue;
                }
                foreach (var line in cell.Text.Split('\n'))
                {
                    var text = line.Trim();
                    if (text.Length == 0)
                    {
                        continue;
                    }
                    var folded = VietnameseText.Fold(text);
                    if (HeaderLines.IsNumberLine(folded))
                    {
                        mode = Mode.None;
                        blockOpen = false;
                        if (number is null && Citations.TryParse(text, out var c))
                        {
                            number = c;
                            cells.TryAdd("number", cell.Address);
                        }
                    }
                    else if (placeDate is null && VietnameseDates.TryParsePlaceDate(text, out var pd))
                    {
                        mode = Mode.None;
                        blockOpen &= blockColumn is null || cell.Column > blockColumn;
                        placeDate = pd;
                        cells.TryAdd("placeDate", cell.Address);
                    }
                    else if (HeaderLines.IsSubject(folded))
                    {
                        mode = Mode.None;
                        blockOpen = false;
                        subject ??= text[3..].Trim();
                    }
                    else if (HeaderLines.IsRecipients(folded))
                    {
                        mode = Mode.Recipients;
                        blockOpen = false;
                        recipients.AddRange(HeaderLines.SplitList(HeaderLines.AfterColon(text)));
                    }
                    else if (HeaderLines.IsDistribution(folded))
                    {
                        mode = Mode.Distribution;
                        blockOpen = false;
                    }
                    else if (HeaderLines.IsMotto(folded) || HeaderLines.IsSignatureNote(folded))
                    {
                        // A motto under the block in the same column ends it; one beside it (to the right) does not.
                        blockOpen &= blockColumn is null || cell.Column > blockColumn;
                    }
                    else if (HeaderLines.IsSignerTitle(folded))
                    {
                        mode = Mode.Signer;
                        blockOpen = false;
                        signer.Add(text);
                    }
                    else if (request is null && HeaderLines.IsRequest(folded) && Citations.FindAll(text) is { Count: > 0 } cited)
                    {
                        mode = Mode.None;
                        blockOpen = false;
                        request = cited[0];
                        cells.TryAdd("request", cell.Address);
                    }
                    else if (mode == Mode.Signer && (IsTitle(text, template) || HeaderLines.IsAppendixHeading(folded)))
                    {
                        // A blank letter's signature block has no name under the title: the appendix heading that
                        // follows it (“PHỤ LỤC”, upper case like a name) ends the block instead of signing it.
                        mode = Mode.None;
                    }
                    else if (mode == Mode.Recipients && (text.StartsWith('-') || text.StartsWith('–')))
                    {
                        recipients.AddRange(HeaderLines.SplitList(text));
                    }
                    else if (mode == Mode.Distribution && (text.StartsWith('-') || text.StartsWith('–')))
                    {
                        continue;
                    }
                    else if (mode == Mode.Signer && signerName is null && HeaderLines.LooksLikeName(text) && !HeaderLines.NamesABody(folded))
                    {
                        signerName = text;
                    }
                    else if (blockOpen && cell.Column < bodyColumnLimit && !IsTitle(text, template)
                        && HeaderLines.IsBodyLine(text, block.Count > 0 ? block[^1].Text : null))
                    {
                        block.Add((text, cell.Address));
                        blockColumn ??= cell.Column;
                    }
                }
            }
        }

        var bodies = HeaderLines.JoinBodies(block.Select(b => b.Text).ToList());
        if (bodies.Count > 0)
        {
            cells.TryAdd("issuingBody", block[bodies[^1].FirstLine].Cell);
        }
        if (bodies.Count > 1)
        {
            cells.TryAdd("governingBody", block[bodies[^2].FirstLine].Cell);
        }

        return new ReportHeader
        {
            IssuingBody = block.Select(b => b.Text).ToList(),
            GoverningBody = bodies.Count > 1 ? bodies[^2].Text : null,
            IssuingBodyLine = bodies.Count > 0 ? bodies[^1].Text : null,
            Number = number,
            PlaceDate = placeDate,
            Subject = subject,
            Recipients = recipients,
            RequestCited = request,
            Signer = signer,
            SignerName = signerName,
            Labels = labels,
            Cells = cells,
        };
    }

    /// <summary>
    /// The issuing-body block is the letter's top-left corner: where the national motto stands to the right of the
    /// sheet's first column, nothing from the motto's column rightwards belongs to the block.
    /// </summary>
    private static int BodyColumnLimit(SheetGrid grid, IReadOnlyList<int> rows)
    {
        var left = int.MaxValue;
        var motto = int.MaxValue;
        foreach (var cell in rows.SelectMany(grid.Row))
        {
            left = Math.Min(left, cell.Column);
            if (cell.Text.Split('\n').Any(l => HeaderLines.IsMotto(VietnameseText.Fold(l))))
            {
                motto = Math.Min(motto, cell.Column);
            }
        }
        return motto > left ? motto : int.MaxValue;
    }

    private static bool IsTitle(string text, TemplateDefinition template)
    {
        var key = MatchKey.Of(text);
        return key == MatchKey.Of(template.AppendixHeading) || key == MatchKey.Of(template.Title)
            || MatchKey.Of(template.Title).StartsWith(key, StringComparison.Ordinal) && key.Length > 10;
    }

    private static bool TryLabel(GridCell cell, IReadOnlyList<GridCell> row, int index, List<(string Key, string Folded)> labelKeys,
        out string key, out string value, out bool consumedNext)
    {
        key = value = "";
        consumedNext = false;
        var folded = MatchKey.Of(cell.Text.Split(':')[0]);
        var match = labelKeys.FirstOrDefault(l => l.Folded == folded);
        if (match.Key is null)
        {
            return false;
        }
        key = match.Key;
        var inline = HeaderLines.AfterColon(cell.Text);
        if (inline.Length > 0)
        {
            value = inline;
            return true;
        }
        if (index + 1 < row.Count)
        {
            value = row[index + 1].Text.Trim();
            consumedNext = true;
            return value.Length > 0;
        }
        return false;
    }
}
