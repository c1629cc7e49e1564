namespace ReportHub.Readers.Docx;

/// <summary>
/// Counts the visible characters each font covers in one cell or paragraph. The grid holds one font per cell,
/// so the cell takes the font of most of its text: a .VnTime cell with a Times New Roman space stays TCVN3.
/// </summary>
internal sealed class FontTally
{
    private const string NoFont = "";

    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    public void Add(string? font, ReadOnlySpan<char> text)
    {
        var visible = 0;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                visible++;
            }
        }
        if (visible > 0)
        {
            var key = font ?? NoFont;
            _counts[key] = _counts.GetValueOrDefault(key) + visible;
        }
    }

    public void Add(FontTally other)
    {
        foreach (var (font, count) in other._counts)
        {
            _counts[font] = _counts.GetValueOrDefault(font) + count;
        }
    }

    /// <summary>The font covering most characters; null when that is no named font. Ties go to the first seen.</summary>
    public string? Dominant()
    {
        string? best = null;
        var bestCount = 0;
        foreach (var (font, count) in _counts)
        {
            if (count > bestCount)
            {
                (best, bestCount) = (font, count);
            }
        }
        return string.IsNullOrEmpty(best) ? null : best;
    }
}
