using ReportHub.Core.Issues;

namespace ReportHub.Readers.Csv;

/// <summary>
/// Names the fault in a record CsvHelper stopped reading because it outgrew MaxRecordSize. CsvHelper says only where
/// the record began, so the text is read again, streaming, from that line: a record whose first line alone is over
/// the size is one giant cell; one whose first line ends well before it went on past a line break, which only an
/// open quote does, so a quote was never closed. Either way no more than the record's first line is looked at.
/// </summary>
internal static class OversizedRecord
{
    public static FileRejectedException Rejection(CsvSource source, int line, int maxRecordBytes, CsvFieldLimits limits)
    {
        using var text = source.Open();
        var buffer = new char[16 * 1024];
        var current = 1;
        var previousReturn = false;
        var bytes = 0L;
        int read;
        while ((read = text.Read(buffer, 0, buffer.Length)) > 0)
        {
            foreach (var c in buffer.AsSpan(0, read))
            {
                if (current < line)
                {
                    // CR LF, a lone LF and a lone CR each end a line, as CsvHelper counts them.
                    if (c == '\r' || (c == '\n' && !previousReturn))
                    {
                        current++;
                    }
                    previousReturn = c == '\r';
                    continue;
                }
                if (c == '\n' && previousReturn && bytes == 0)
                {
                    // The LF of the CR LF that ended the line before.
                    previousReturn = false;
                    continue;
                }
                previousReturn = false;
                if (c is '\r' or '\n')
                {
                    return CsvRejections.UnbalancedQuote(limits.FileName, line);
                }
                // UTF-8 length, as CsvHelper measures records; a surrogate pair is two halves of two bytes.
                bytes += c < 0x80 ? 1 : c < 0x800 || char.IsSurrogate(c) ? 2 : 3;
                if (bytes > maxRecordBytes)
                {
                    return CsvRejections.CellTooLong(limits.FileName, line, limits.MaxCellCharacters);
                }
            }
        }
        return CsvRejections.CellTooLong(limits.FileName, line, limits.MaxCellCharacters);
    }
}
