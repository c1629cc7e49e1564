using System.Globalization;
using System.Text.RegularExpressions;

namespace ReportHub.Core.Text;

public enum DecimalStatus
{
    Blank,
    Ok,
    NotNumber,

    /// <summary>The text holds digits of another script (Arabic-Indic, Devanagari…): see <see cref="DigitFolding"/>.</summary>
    ForeignDigits,
}

/// <param name="Percent">The text ended in "%": the value is in percent units ("12,5%" is 12.5).</param>
/// <param name="Dropped">Invisible characters dropped from the text before reading it (<see cref="DigitFold.Dropped"/>).</param>
public readonly record struct DecimalParse(DecimalStatus Status, decimal Value, bool Percent = false, string? Dropped = null);

public static partial class VietnameseNumbers
{
    /// <summary>
    /// Reads a decimal as Vietnamese and English spreadsheets write it: "1.234,5" and "1,234.5" (the last separator
    /// is the decimal point when the other one groups thousands), "1,5" and "1.5" (a lone separator followed by other
    /// than three digits is the point), "1.234" and "1,234" (a lone separator before exactly three digits groups
    /// thousands, as in <see cref="ParseCount"/>), "1 234,5", "-3,5", "12,5%". "Không", "-" and "" are Blank.
    /// <paramref name="raw"/> is the cell's stored number when the spreadsheet has one; it wins over the text.
    /// </summary>
    public static DecimalParse ParseDecimal(string? text, double? raw = null)
    {
        if (raw is null)
        {
            var digits = DigitFolding.Fold(text);
            if (digits.HasForeignDigits)
            {
                return new DecimalParse(DecimalStatus.ForeignDigits, 0);
            }
            if (digits.Dropped is not null)
            {
                var parse = ParseDecimal(digits.Text);
                return parse.Status == DecimalStatus.Blank ? parse : parse with { Dropped = digits.Dropped };
            }
            text = digits.Text;
        }

        var clean = VietnameseText.Clean(text);
        var percent = clean.EndsWith('%');
        if (raw is { } number)
        {
            if (double.IsNaN(number) || double.IsInfinity(number) || Math.Abs(number) > 7.9e27)
            {
                return new DecimalParse(DecimalStatus.NotNumber, 0);
            }
            // Excel keeps 12,5% as 0.125 and shows "12.5%"; the percent column's unit is the shown one.
            var value = (decimal)number;
            return new DecimalParse(DecimalStatus.Ok, percent ? value * 100 : value, percent);
        }

        if (clean.Length == 0 || IsBlankWord(clean, VietnameseText.Fold(clean)))
        {
            return new DecimalParse(DecimalStatus.Blank, 0);
        }

        var body = percent ? clean[..^1].TrimEnd() : clean;
        var negative = false;
        if (body.Length > 0 && body[0] is '-' or '\u2013' or '\u2212' or '+')
        {
            negative = body[0] != '+';
            body = body[1..].TrimStart();
        }

        if (body.Length == 0 || body.Length > 40 || !TryCanonical(body, out var canonical)
            || !decimal.TryParse(canonical, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
        {
            return new DecimalParse(DecimalStatus.NotNumber, 0);
        }

        return new DecimalParse(DecimalStatus.Ok, negative ? -parsed : parsed, percent);
    }

    /// <summary>The number with thousands groups removed and "." as the point, or false when its shape is not a number's.</summary>
    private static bool TryCanonical(string body, out string canonical)
    {
        canonical = "";
        if (PlainDigits().IsMatch(body))
        {
            canonical = body;
            return true;
        }

        // Whole numbers with one grouping separator throughout: "1.234", "1,234,567", "1 234".
        var grouped = Grouped().Match(body);
        if (grouped.Success)
        {
            // "0,250" has no thousands to group: it is a quarter.
            if (body[0] == '0' && grouped.Groups["sep"].Captures.Count == 1)
            {
                canonical = "0." + body[2..];
                return true;
            }
            if (grouped.Groups["sep"].Captures.Select(c => c.Value).Distinct().Count() != 1)
            {
                return false;
            }
            canonical = StripSeparators(body);
            return true;
        }

        var withPoint = Decimal().Match(body);
        if (!withPoint.Success)
        {
            return false;
        }

        var point = withPoint.Groups["point"].Value;
        var separators = withPoint.Groups["sep"].Captures.Select(c => c.Value).Distinct().ToList();
        if (separators.Count > 1 || (separators.Count == 1 && separators[0] == point))
        {
            return false;
        }

        canonical = StripSeparators(withPoint.Groups["int"].Value) + "." + withPoint.Groups["frac"].Value;
        return true;
    }
}
