namespace ReportHub.Readers.Xlsx;

/// <summary>Whether a number format shows a date, which is the only thing that makes a serial a date in SpreadsheetML.</summary>
internal static class DateFormats
{
    public static bool IsBuiltInDate(int numFmtId) =>
        numFmtId is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58);

    /// <summary>
    /// True when the first section of the code has a day, month or year token outside quotes, brackets and
    /// escapes. "m" next to hours or seconds means minutes, so a time-only code (h:mm, [h]:mm elapsed) is not a date.
    /// </summary>
    public static bool IsDateCode(string code)
    {
        bool day = false, month = false, year = false, time = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = char.ToLowerInvariant(code[i]);
            switch (c)
            {
                case '"':
                    var close = code.IndexOf('"', i + 1);
                    i = close < 0 ? code.Length : close;
                    break;
                case '[':
                    var end = code.IndexOf(']', i + 1);
                    var inside = end < 0 ? "" : code[(i + 1)..end].ToLowerInvariant();
                    // [h], [mm], [ss] are elapsed-time tokens; [Red], [$-42A] and conditions say nothing about dates.
                    if (inside.Length > 0 && inside.All(ch => ch is 'h' or 'm' or 's'))
                    {
                        time = true;
                    }
                    i = end < 0 ? code.Length : end;
                    break;
                case '\\' or '_' or '*':
                    i++; // the next character is literal text or padding
                    break;
                case ';':
                    i = code.Length; // only the first section (positive numbers) decides how a date shows
                    break;
                case 'd':
                    day = true;
                    break;
                case 'y':
                    year = true;
                    break;
                case 'm':
                    month = true;
                    break;
                case 'h' or 's':
                    time = true;
                    break;
            }
        }
        return day || year || (month && !time);
    }
}
