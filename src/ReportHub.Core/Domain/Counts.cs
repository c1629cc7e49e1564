namespace ReportHub.Core.Domain;

/// <summary>The bound on a plausible count and arithmetic on counts that never throws.</summary>
public static class Counts
{
    /// <summary>
    /// The largest count one cell may hold: 10^12. Vietnam has about 100 million people; every one of them scanning a
    /// QR code ten times a day for a year is under 4×10^11, so a larger figure is a slip (a pasted phone number or
    /// ID, digits typed twice), not a count. Keeping cells this far below long.MaxValue (≈9.2×10^18) also means the
    /// sum of every row the readers accept (at most 2 million cells a sheet) stays exact, and 10^12 is still a whole
    /// number in the double Excel stores.
    /// </summary>
    public const long MaxPlausible = 1_000_000_000_000;

    /// <summary>a + b, held at long.MaxValue (or MinValue) instead of overflowing.</summary>
    public static long Add(long a, long b)
    {
        var sum = unchecked(a + b);
        // Signed overflow happened exactly when both operands share a sign that the result lacks.
        if (((a ^ sum) & (b ^ sum)) < 0)
        {
            return a < 0 ? long.MinValue : long.MaxValue;
        }
        return sum;
    }

    /// <summary>
    /// A sum that saturates rather than throws: a warehouse may already hold figures from before the plausibility
    /// bound, and a round's totals must still answer (showing the ceiling) instead of failing for every unit.
    /// </summary>
    public static long Sum<T>(IEnumerable<T> items, Func<T, long> selector)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(selector);
        var total = 0L;
        foreach (var item in items)
        {
            total = Add(total, selector(item));
        }
        return total;
    }
}
