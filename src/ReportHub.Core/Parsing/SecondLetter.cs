using ReportHub.Core.Issues;
using ReportHub.Core.Templates;
using ReportHub.Core.Text;

namespace ReportHub.Core.Parsing;

/// <summary>
/// One file is one letter. A second national motto or a second PHỤ LỤC heading means a second letter was pasted in
/// (two units' reports in one .docx, a form copied twice down a sheet); reading only the first would drop the other
/// without a word, so the file is refused at the second one. A second unit label with another value is caught by
/// <see cref="HeaderReader"/>, which sees the labels.
/// </summary>
public static class SecondLetter
{
    public static void Check(SheetGrid grid, TemplateDefinition template, ParseContext context)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(context);
        var appendix = MatchKey.Of(template.AppendixHeading);
        GridCell? motto = null;
        GridCell? heading = null;
        foreach (var number in grid.RowNumbers.Order())
        {
            foreach (var cell in grid.Row(number))
            {
                if (cell.Text.Split('\n').Any(l => VietnameseText.Fold(l.Trim()).StartsWith("cong hoa xa hoi chu nghia", StringComparison.Ordinal)))
                {
                    if (motto is not null)
                    {
                        context.Error(IssueCodes.LetterSeveral, cell.Address, Messages.SecondMotto());
                        return;
                    }
                    motto = cell;
                }
                if (cell.Text.Split('\n').Any(l => MatchKey.Of(l) == appendix))
                {
                    if (heading is not null)
                    {
                        context.Error(IssueCodes.LetterSeveral, cell.Address, Messages.SecondAppendix(template.AppendixHeading));
                        return;
                    }
                    heading = cell;
                }
            }
        }
    }
}
