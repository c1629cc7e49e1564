using CsvHelper;

namespace ReportHub.Readers.Csv;

/// <summary>
/// Picks the separator that splits the records of a sample into the most consistent number of fields. Excel writes
/// ',' or ';' by the list separator of the Windows region (Vietnamese Excel, whose decimal mark is ',', writes ';'),
/// "Unicode text" exports use tab, and some systems use '|'.
/// Each candidate is tried with CsvHelper, quoting as the file is read, so a quoted separator or line break does not
/// count, and only records it splits into two or more fields are scored: title lines that hold one cell say nothing,
/// and prose with commas in a ';' file splits into counts that disagree with each other (and after spaces), while
/// table rows agree.
/// </summary>
internal static class DelimiterDetector
{
    // The order breaks exact ties: the separators Excel writes come first.
    private static readonly char[] Candidates = [';', ',', '\t', '|'];
    private const int SampleRecords = 200;

    public static char Detect(string sample)
    {
        var best = ',';
        var bestScore = Score.None;
        var decimalCommas = CommasLookDecimal(sample);
        foreach (var candidate in Candidates)
        {
            var score = Measure(sample, candidate);
            if (score.Agreeing == 0)
            {
                continue;
            }
            // "1,5;2,5": when every comma sits between digits, commas are decimal marks; ';' wins any tie with ','.
            if (candidate == ',' && decimalCommas && best == ';' && score.Agreeing <= bestScore.Agreeing)
            {
                continue;
            }
            if (score.CompareTo(bestScore) > 0)
            {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    private static Score Measure(string sample, char separator)
    {
        using var reader = CsvReader.FromText(sample, CsvRecords.Options(separator));
        var counts = new Dictionary<int, int>();
        var multiField = 0;
        for (var records = 0; records < SampleRecords && reader.Read(); records++)
        {
            var fieldCount = reader.FieldCount;
            // "Quảng Ngãi, ngày 27": a separator followed by a space is prose punctuation, not a cell boundary.
            // A field's raw text starts with a space only when it is not quoted.
            var afterSpace = 0;
            for (var i = 1; i < fieldCount; i++)
            {
                if (reader.GetRawSpan(i) is [(byte)' ', ..])
                {
                    afterSpace++;
                }
            }
            if (fieldCount < 2 || afterSpace * 2 >= fieldCount - 1)
            {
                continue;
            }
            multiField++;
            counts[fieldCount] = counts.GetValueOrDefault(fieldCount) + 1;
        }
        if (multiField == 0)
        {
            return Score.None;
        }
        var (fields, agreeing) = counts.OrderByDescending(c => c.Value).ThenByDescending(c => c.Key).First();
        return new Score(agreeing, multiField, fields);
    }

    private static bool CommasLookDecimal(string sample)
    {
        var seen = false;
        for (var i = 0; i < sample.Length; i++)
        {
            if (sample[i] != ',')
            {
                continue;
            }
            if (i == 0 || i + 1 >= sample.Length || !char.IsAsciiDigit(sample[i - 1]) || !char.IsAsciiDigit(sample[i + 1]))
            {
                return false;
            }
            seen = true;
        }
        return seen;
    }

    /// <summary>Records that agree on the commonest field count, then records with several fields, then that count.</summary>
    private readonly record struct Score(int Agreeing, int MultiField, int Fields) : IComparable<Score>
    {
        public static Score None => new(0, 0, 0);

        public int CompareTo(Score other) =>
            Agreeing != other.Agreeing ? Agreeing.CompareTo(other.Agreeing)
            : MultiField != other.MultiField ? MultiField.CompareTo(other.MultiField)
            : Fields.CompareTo(other.Fields);
    }
}
