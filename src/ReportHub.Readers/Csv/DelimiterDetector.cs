namespace ReportHub.Readers.Csv;

/// <summary>
/// Picks the separator whose field counts agree best over the first records. Excel writes ',' or ';'
/// depending on the list separator of the Windows region (Vietnamese uses ','; many offices switch it),
/// and "Unicode text" exports use tab.
/// </summary>
internal static class DelimiterDetector
{
    private static readonly char[] Candidates = [',', ';', '\t', '|'];
    private const int SampleRecords = 50;
    private const int SampleChars = 256 * 1024;

    public static char Detect(string text)
    {
        var best = ',';
        var bestScore = (Agreeing: 0, Fields: 1);
        var commaIsDecimal = CommaOnlyBetweenDigits(text);
        foreach (var candidate in Candidates)
        {
            if (candidate == ',' && commaIsDecimal)
            {
                continue; // "1,5;2,5": the comma is the decimal mark of a ';'-separated file
            }
            var counts = CountFields(text, candidate);
            if (counts.Count == 0)
            {
                continue;
            }
            var (fields, agreeing) = counts
                .GroupBy(c => c)
                .Select(g => (Fields: g.Key, Agreeing: g.Count()))
                .OrderByDescending(g => g.Agreeing)
                .ThenByDescending(g => g.Fields)
                .First();
            if (fields < 2)
            {
                continue;
            }
            // More records agreeing wins; then more columns; ties keep the earlier (more common) candidate.
            if (agreeing > bestScore.Agreeing || (agreeing == bestScore.Agreeing && fields > bestScore.Fields))
            {
                best = candidate;
                bestScore = (agreeing, fields);
            }
        }
        return best;
    }

    private static bool CommaOnlyBetweenDigits(string text)
    {
        var limit = Math.Min(text.Length, SampleChars);
        var seen = false;
        for (var i = 0; i < limit; i++)
        {
            if (text[i] != ',')
            {
                continue;
            }
            if (i == 0 || i + 1 >= limit || !char.IsAsciiDigit(text[i - 1]) || !char.IsAsciiDigit(text[i + 1]))
            {
                return false;
            }
            seen = true;
        }
        return seen && text.AsSpan(0, limit).Contains(';');
    }

    /// <summary>Field counts of the first non-empty records, honouring quotes so a quoted separator or line break does not count.</summary>
    private static List<int> CountFields(string text, char separator)
    {
        var counts = new List<int>();
        var fields = 1;
        var inQuotes = false;
        var recordHasContent = false;
        var limit = Math.Min(text.Length, SampleChars);
        for (var i = 0; i < limit && counts.Count < SampleRecords; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < limit && text[i + 1] == '"')
                    {
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                continue;
            }
            if (c == '"')
            {
                inQuotes = true;
                recordHasContent = true;
            }
            else if (c == separator)
            {
                fields++;
                recordHasContent = true;
            }
            else if (c is '\r' or '\n')
            {
                if (recordHasContent)
                {
                    counts.Add(fields);
                }
                fields = 1;
                recordHasContent = false;
            }
            else
            {
                recordHasContent = true;
            }
        }
        if (recordHasContent && counts.Count < SampleRecords)
        {
            counts.Add(fields);
        }
        return counts;
    }
}
