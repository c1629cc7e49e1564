using System.Globalization;
using System.Text.RegularExpressions;

namespace ReportHub.Core.Text;

public enum CountStatus
{
    Blank,
    Ok,
    NotNumber,
    Negative,
    Fractional,

    /// <summary>A whole number above <see cref="Domain.Counts.MaxPlausible"/>, including one too long for a long.</summary>
    Implausible,

    /// <summary>The text holds digits of another script (Arabic-Indic, Devanagari…): see <see cref="DigitFolding"/>.</summary>
    ForeignDigits,
}

/// <param name="Dropped">Invisible characters dropped from the text before reading it (<see cref="DigitFold.Dropped"/>).</param>
public readonly record struct CountParse(CountStatus Status, long Value, string? Dropped = null);

public static partial class VietnameseNumbers
{
    /// <summary>
    /// Reads a whole count. <paramref name="raw"/> is the cell's numeric value when the spreadsheet stored a number.
    /// Text forms: "01", "541", "1.234" and "1,234" (thousands), "1 234", "1.234.567". "1,5" or "1.5" with one or two
    /// trailing digits is Fractional; "-3" is Negative; "Không", "-" and "" are Blank.
    /// </summary>
    /// <remarks>
    /// Value is the count for Ok, the (truncated) signed value for Negative, the whole part for Fractional and 0
    /// for Blank, NotNumber and Implausible. A decimal part of only zeros ("5,0", "12.00") is a whole count.
    /// </remarks>
    public static CountParse ParseCount(string? text, double? raw = null)
    {
        if (raw is { } number)
        {
            return FromNumber(number);
        }

        var digits = DigitFolding.Fold(text);
        if (digits.HasForeignDigits)
        {
            return new CountParse(CountStatus.ForeignDigits, 0);
        }
        var parse = ParseCountText(digits.Text);
        return digits.Dropped is null || parse.Status == CountStatus.Blank ? parse : parse with { Dropped = digits.Dropped };
    }

    private static CountParse ParseCountText(string text)
    {
        var clean = VietnameseText.Clean(text);
        var folded = VietnameseText.Fold(clean);
        if (clean.Length == 0 || IsBlankWord(clean, folded))
        {
            return new CountParse(CountStatus.Blank, 0);
        }

        var negative = false;
        var body = clean;
        if (body[0] is '-' or '\u2013' or '\u2212' or '+')
        {
            negative = body[0] != '+';
            body = body[1..].TrimStart();
        }

        if (body.Length == 0)
        {
            return new CountParse(CountStatus.NotNumber, 0);
        }

        if (!TryReadDigits(body, out var whole, out var fractional, out var tooLong))
        {
            return new CountParse(tooLong && !negative ? CountStatus.Implausible : CountStatus.NotNumber, 0);
        }

        if (negative && (whole != 0 || fractional))
        {
            return new CountParse(CountStatus.Negative, -whole);
        }

        if (whole > Domain.Counts.MaxPlausible)
        {
            return new CountParse(CountStatus.Implausible, 0);
        }

        return new CountParse(fractional ? CountStatus.Fractional : CountStatus.Ok, whole);
    }

    private static CountParse FromNumber(double number)
    {
        if (double.IsNaN(number) || double.IsNegativeInfinity(number) || number <= -9.2e18)
        {
            return new CountParse(CountStatus.NotNumber, 0);
        }

        if (number > Domain.Counts.MaxPlausible)
        {
            return new CountParse(CountStatus.Implausible, 0);
        }

        var whole = (long)Math.Truncate(number);
        if (number < 0)
        {
            return new CountParse(CountStatus.Negative, whole);
        }

        return number != Math.Floor(number)
            ? new CountParse(CountStatus.Fractional, whole)
            : new CountParse(CountStatus.Ok, whole);
    }

    /// <summary>Words and marks that departments put in a cell to mean "none".</summary>
    private static bool IsBlankWord(string clean, string folded) =>
        clean is "-" or "\u2013" or "\u2014" or "--" || folded is "khong" or "khong co";

    /// <param name="tooLong">True when the text is a well-formed whole number too large for a long.</param>
    private static bool TryReadDigits(string body, out long whole, out bool fractional, out bool tooLong)
    {
        whole = 0;
        fractional = false;
        tooLong = false;

        if (PlainDigits().IsMatch(body))
        {
            tooLong = !long.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out whole);
            return !tooLong;
        }

        // "1.234", "1,234", "1 234", "1.234.567": every group after the first has exactly three digits,
        // and one separator is used throughout.
        var grouped = Grouped().Match(body);
        if (grouped.Success)
        {
            var separators = grouped.Groups["sep"].Captures.Select(c => c.Value).Distinct().Count();
            if (separators == 1)
            {
                tooLong = !long.TryParse(StripSeparators(body), NumberStyles.None, CultureInfo.InvariantCulture, out whole);
                return !tooLong;
            }

            return false;
        }

        // "1,5", "2.75", "1.234,5": a decimal part that is not a group of three digits.
        var decimalMatch = Decimal().Match(body);
        if (decimalMatch.Success)
        {
            var integerPart = decimalMatch.Groups["int"].Value;
            var groupSeparators = decimalMatch.Groups["sep"].Captures.Select(c => c.Value).Distinct().ToList();
            var point = decimalMatch.Groups["point"].Value;
            if (groupSeparators.Count > 1 || (groupSeparators.Count == 1 && groupSeparators[0] == point))
            {
                return false;
            }

            if (!long.TryParse(StripSeparators(integerPart), NumberStyles.None, CultureInfo.InvariantCulture, out whole))
            {
                tooLong = true;
                return false;
            }

            fractional = decimalMatch.Groups["frac"].Value.Any(c => c != '0');
            return true;
        }

        return false;
    }

    private static string StripSeparators(string s) => new(s.Where(char.IsAsciiDigit).ToArray());

    // [0-9], not \d: \d matches every script's digits, which the parsers below do not read.
    [GeneratedRegex(@"^[0-9]+$")]
    private static partial Regex PlainDigits();

    [GeneratedRegex(@"^[0-9]{1,3}(?:(?<sep>[., ])[0-9]{3})+$")]
    private static partial Regex Grouped();

    [GeneratedRegex(@"^(?<int>[0-9]{1,3}(?:(?<sep>[., ])[0-9]{3})+|[0-9]+)(?<point>[.,])(?<frac>[0-9]+)$")]
    private static partial Regex Decimal();
}
