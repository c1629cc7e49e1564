using ReportHub.Aggregate.Export.Styling;

namespace ReportHub.Aggregate.Export.Word;

/// <summary>
/// The page of a Nghị định 30/2020/NĐ-CP letter in Word units: twips (1/1440 inch) for lengths, half-points for
/// font sizes. A4 portrait; margins top/bottom 20 mm, left 30 mm, right 15 mm.
/// </summary>
internal static class WordPage
{
    public const int Width = 11906;
    public const int Height = 16838;
    public const int MarginTop = 1134;
    public const int MarginBottom = 1134;
    public const int MarginLeft = 1701;
    public const int MarginRight = 851;
    public const int HeaderDistance = 567;
    public const int TextWidth = Width - MarginLeft - MarginRight;

    public const string FontName = OfficialStyle.FontName;
    public const double BodySize = 13;
    public const double MottoSize = 14;
    public const double TableSize = 12;
    public const double SmallSize = 12;
    public const double NoteSize = 11;

    public const int FirstLineIndent = 567;
    public const string Language = "vi-VN";

    /// <summary>The same pale blue as the workbooks' table headers, so the Word form reads like the Excel one.</summary>
    public const string HeaderFill = "DDEBF7";

    /// <summary>The workbooks' "do not edit" yellow.</summary>
    public const string LockedFill = "FFF2CC";

    public static string HalfPoints(double points) =>
        ((int)Math.Round(points * 2)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Twips(double points) =>
        ((int)Math.Round(points * 20)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Template column widths (Excel character units) scaled to <paramref name="total"/> twips, no column narrower
    /// than <paramref name="minimum"/> so "STT" never breaks, and the sum exactly the total so the table meets both
    /// margins.
    /// </summary>
    public static int[] ScaleWidths(IReadOnlyList<double> widths, int total, int minimum)
    {
        ArgumentNullException.ThrowIfNull(widths);
        if (widths.Count == 0)
        {
            return [];
        }
        minimum = Math.Min(minimum, total / widths.Count);
        var weights = widths.Select(w => double.IsFinite(w) && w > 0 ? w : 1).ToArray();
        var pinned = new bool[weights.Length];
        var result = new int[weights.Length];
        // Pinning a narrow column to the minimum takes room from the others, which may push another below it.
        for (var pass = 0; pass < weights.Length; pass++)
        {
            var free = total - pinned.Count(p => p) * minimum;
            var weight = weights.Where((_, i) => !pinned[i]).Sum();
            var changed = false;
            for (var i = 0; i < weights.Length; i++)
            {
                result[i] = pinned[i] ? minimum : (int)Math.Floor(weights[i] / weight * free);
                if (!pinned[i] && result[i] < minimum)
                {
                    pinned[i] = true;
                    changed = true;
                }
            }
            if (!changed)
            {
                break;
            }
        }
        var widest = Array.IndexOf(result, result.Max());
        result[widest] += total - result.Sum();
        return result;
    }
}
