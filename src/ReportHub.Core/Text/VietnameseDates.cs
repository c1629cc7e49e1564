using System.Globalization;
using System.Text.RegularExpressions;
using ReportHub.Core.Domain;

namespace ReportHub.Core.Text;

public static partial class VietnameseDates
{
    // Serial 2958465 is 9999-12-31, the last day DateOnly holds.
    private const double LastSerial = 2958465;

    /// <summary>"Quảng Ngãi, ngày 27 tháng 10 năm 2021"; "Bình Sơn, ngày   tháng   năm 2021" gives a null Date and Year 2021.</summary>
    public static bool TryParsePlaceDate(string? line, out PlaceDate placeDate)
    {
        placeDate = null!;
        var clean = VietnameseText.Clean(DigitFolding.Fold(line).Text);
        var match = PlaceDatePattern().Match(clean);
        if (!match.Success)
        {
            return false;
        }

        // Markdown and Word exports wrap the line in emphasis marks; they are not part of the place name.
        var place = match.Groups["place"].Value.Trim(' ', ',', '*', '_');
        if (place.Length == 0)
        {
            return false;
        }

        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        DateOnly? date = null;
        if (match.Groups["d"].Success && match.Groups["m"].Success
            && TryMake(match.Groups["d"].Value, match.Groups["m"].Value, match.Groups["y"].Value, out var day))
        {
            date = day;
        }

        placeDate = new PlaceDate { Place = place, Date = date, Year = year };
        return true;
    }

    /// <summary>"07/05/2021", "7/5/2021", "07-05-2021", "07.05.2021", "2021-05-07", "ngày 27 tháng 10 năm 2021"; day first.</summary>
    public static bool TryParseDate(string? text, out DateOnly date)
    {
        date = default;
        var clean = VietnameseText.Clean(DigitFolding.Fold(text).Text).TrimEnd('.', ',', ';', ' ');
        if (clean.Length == 0)
        {
            return false;
        }

        var match = DayFirstPattern().Match(clean);
        if (!match.Success)
        {
            match = IsoPattern().Match(clean);
        }

        if (!match.Success)
        {
            match = WordsPattern().Match(clean);
        }

        return match.Success && TryMake(match.Groups["d"].Value, match.Groups["m"].Value, match.Groups["y"].Value, out date);
    }

    /// <summary>An Excel (1900 system) serial as a date.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The serial is below 1, is 60 (Excel's 29 February 1900, a day that never existed), or is past 9999-12-31.
    /// </exception>
    public static DateOnly FromSerial(double serial) =>
        TryFromSerial(serial, out var date)
            ? date
            : throw new ArgumentOutOfRangeException(nameof(serial), serial, "Not a date serial of Excel's 1900 system.");

    /// <summary><see cref="FromSerial"/> without the exception; the time of day is ignored.</summary>
    public static bool TryFromSerial(double serial, out DateOnly date)
    {
        date = default;
        if (double.IsNaN(serial) || serial < 1 || serial >= LastSerial + 1)
        {
            return false;
        }

        var day = Math.Floor(serial);
        if (day == 60)
        {
            // Excel keeps Lotus 1-2-3's 29 February 1900; no real day has this serial.
            return false;
        }

        // From 61 on, Excel serials equal OLE Automation dates. Before the phantom leap day they run one day behind.
        var oa = day < 60 ? day + 1 : day;
        date = DateOnly.FromDateTime(DateTime.FromOADate(oa));
        return true;
    }

    private static bool TryMake(string d, string m, string y, out DateOnly date)
    {
        date = default;
        if (!int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return false;
        }

        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    // Blank day and month are written as spaces, dots or underscores ("ngày ... tháng ... năm 2021").
    [GeneratedRegex(@"^(?<place>[^,0-9]*?[^\s,0-9])\s*,?\s*(?:ngày|ngay)(?:[\s.…_]*(?<d>[0-9]{1,2}))?[\s.…_/]*(?:tháng|thang)(?:[\s.…_]*(?<m>[0-9]{1,2}))?[\s.…_/]*(?:năm|nam)[\s.…_]*(?<y>[0-9]{4})(?![0-9])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlaceDatePattern();

    [GeneratedRegex(@"^(?:(?:ngày|ngay)\s*)?(?<d>[0-9]{1,2})\s*(?<sep>[/.-])\s*(?<m>[0-9]{1,2})\s*\k<sep>\s*(?<y>[0-9]{4})$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayFirstPattern();

    [GeneratedRegex(@"^(?<y>[0-9]{4})-(?<m>[0-9]{1,2})-(?<d>[0-9]{1,2})$")]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"^(?:(?:ngày|ngay)\s*)?(?<d>[0-9]{1,2})\s*(?:tháng|thang)\s*(?<m>[0-9]{1,2})\s*,?\s*(?:năm|nam)\s*(?<y>[0-9]{4})$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WordsPattern();
}
