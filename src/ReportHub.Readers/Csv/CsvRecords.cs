using System.Buffers;
using System.Globalization;
using System.Text;
using CsvHelper;
using ReportHub.Readers.Common;

namespace ReportHub.Readers.Csv;

/// <summary>
/// The records of a decoded CSV, split by CsvHelper, checked the way Excel users need them checked. CsvHelper reads
/// in RFC 4180 mode, where a quote opens a quoted field only at the start of a field and a quote elsewhere is text,
/// as in Excel. What it recovers from silently is refused here, since either would shift the columns of the row:
/// text other than spaces after a closing quote (a quote that closed a different field than the one it opened) and
/// a quote never closed. CsvHelper reports those records (OnMalformedRecord) and only those get our closer look.
/// Control characters are stripped from the cells (debris of broken exports); tab and line breaks are content.
/// </summary>
internal sealed class CsvRecords : IDisposable
{
    private const byte Quote = (byte)'"';

    // NUL and other C0/C1 controls except tab, CR and LF; a BOM is dropped only at the start of a cell.
    private static readonly SearchValues<char> Debris = SearchValues.Create(
        [.. Enumerable.Range(0, 0xA0).Select(c => (char)c).Where(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n')), '\uFEFF']);

    private readonly CsvSource _source;
    private readonly CsvFieldLimits _limits;
    private readonly int _maxRecordBytes;
    private readonly int _lineOffset;
    private readonly HashSet<long> _malformedLines = [];
    private readonly CsvReader _reader;
    private readonly char _separator;
    private readonly SeparatorSwap? _swap;
    private readonly List<(int Line, char Separator)> _mixedLines = [];

    public CsvRecords(CsvSource source, char separator, bool skipSeparatorHint, CsvFieldLimits limits)
    {
        _source = source;
        _limits = limits;
        _maxRecordBytes = MaxRecordBytes(limits.MaxCellCharacters);
        _separator = separator;
        if (!SeparatorSwap.IsNative(separator))
        {
            _swap = SeparatorSwap.For(source, separator)
                ?? throw CsvRejections.SeparatorUnusable(limits.FileName, separator);
            separator = _swap.StandIn;
        }
        var text = source.Open();
        try
        {
            if (skipSeparatorHint)
            {
                SkipLine(text);
                // CsvHelper numbers the lines it is given; the hint is line 1 in Notepad.
                _lineOffset = 1;
            }
            if (_swap is not null)
            {
                text = _swap.Wrap(text);
            }
            _reader = CsvReader.Create(text, Options(separator) with
            {
                MaxRecordSize = _maxRecordBytes,
                OnMalformedRecord = record => _malformedLines.Add(record.LineNumber),
            }, leaveOpen: false);
        }
        catch
        {
            text.Dispose();
            throw;
        }
    }

    /// <summary>How CsvHelper is told to read what Excel writes: the separator is ours to choose, nothing is a header, trimmed or skipped.</summary>
    public static CsvReaderOptions Options(char separator) => new()
    {
        Separator = separator,
        DetectSeparatorHint = false,
        HasHeader = false,
        Mode = CsvMode.Rfc4180,
        AllowLineBreaksInQuotes = true,
        // Blank lines are blank rows in Excel; keeping them keeps row numbers the same as Excel shows.
        SkipEmptyLines = false,
        TrimWhitespace = false,
        TrimInsideQuotes = false,
        MalformedData = CsvMalformedDataHandling.Recover,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        TrackLineNumbers = true,
        FormatProvider = CultureInfo.InvariantCulture,
        IncludeValuesInExceptions = false,
    };

    /// <summary>
    /// The largest record CsvHelper buffers: sixteen cells of the longest Excel allows, at four UTF-8 bytes a
    /// character. Rows of real reports are far smaller, and a record that outgrows this is a giant cell or a quote
    /// that swallowed the rest of the file; CsvHelper then stops before buffering it (its buffer stays under twice this).
    /// </summary>
    public static int MaxRecordBytes(int maxCellCharacters) => (int)Math.Min(int.MaxValue / 4, 64L * maxCellCharacters);

    /// <summary>Reads the next record; its non-empty cells go to <paramref name="fields"/>. False at the end of the text.</summary>
    public bool Read(List<CsvField> fields)
    {
        fields.Clear();
        try
        {
            if (!_reader.Read())
            {
                if (_mixedLines.Count > 0)
                {
                    throw CsvRejections.MixedSeparators(_limits.FileName, _mixedLines, _separator);
                }
                return false;
            }
        }
        catch (CsvFormatException e)
        {
            // Reading with Recover and any field count, the only record CsvHelper refuses is one past MaxRecordSize.
            throw OversizedRecord.Rejection(_source, _lineOffset + (int)e.LineNumber, _maxRecordBytes, _limits);
        }

        var count = _reader.FieldCount;
        if (count > _limits.MaxColumns)
        {
            throw Rejections.TooManyColumns(_limits.FileName, _limits.SheetName, _limits.MaxColumns);
        }
        var malformed = _malformedLines.Count > 0 && _malformedLines.Remove(_reader.LineNumber);
        var fieldLine = _lineOffset + (int)_reader.LineNumber;
        if ((malformed || count <= 2) && _swap is null && OtherSeparator(count) is { } other)
        {
            // Refused when the file ends: every such line is named at once, and its quotes are not the problem.
            if (_mixedLines.Count < MaxMixedLinesNamed)
            {
                _mixedLines.Add((fieldLine, other));
            }
            else
            {
                throw CsvRejections.MixedSeparators(_limits.FileName, _mixedLines, _separator);
            }
            return true;
        }
        for (var i = 0; i < count; i++)
        {
            var raw = _reader.GetRawSpan(i);
            var quoted = raw.Length > 0 && raw[0] == Quote;
            if (malformed && quoted)
            {
                CheckQuotes(raw, fieldLine);
            }
            if (!_reader.IsEmpty(i))
            {
                var text = Clean(_reader.GetString(i) ?? "");
                if (_swap is not null)
                {
                    text = _swap.Restore(text);
                }
                if (text.Length > _limits.MaxCellCharacters)
                {
                    // A quoted cell that has swallowed line after line is far likelier a missing closing quote than a real cell.
                    throw quoted && raw.IndexOfAny((byte)'\r', (byte)'\n') >= 0
                        ? CsvRejections.UnbalancedQuote(_limits.FileName, fieldLine)
                        : CsvRejections.CellTooLong(_limits.FileName, fieldLine, _limits.MaxCellCharacters);
                }
                if (text.Length > 0)
                {
                    fields.Add(new CsvField(i + 1, text));
                }
            }
            if (quoted)
            {
                // Only a quoted cell holds line breaks; the next cell starts that many lines further down.
                fieldLine += LineBreaks(raw);
            }
        }
        return true;
    }

    public void Dispose() => _reader.Dispose();

    private const int MaxMixedLinesNamed = 10;

    // The separators a spreadsheet program writes; a line split by another one of them was pasted from another export.
    private static readonly char[] OtherSeparators = [';', ',', '\t', '|'];

    /// <summary>
    /// The separator the current record was written with, when it is not the file's: the record reads as one or two
    /// cells (or with broken quotes) by the file's separator, but as three or more well-quoted cells by another, and
    /// not as prose ("Kính gửi: Sở A; Sở B; Sở C" has a space after each mark).
    /// </summary>
    private char? OtherSeparator(int count)
    {
        var line = new ArrayBufferWriter<byte>();
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                line.Write([(byte)_separator]);
            }
            line.Write(_reader.GetRawSpan(i));
        }
        foreach (var other in OtherSeparators)
        {
            if (other != _separator && CountFields(line.WrittenSpan, (byte)other, (byte)_separator) is var (fields, afterSpace)
                && fields >= 3 && fields > count && afterSpace * 2 < fields - 1)
            {
                return other;
            }
        }
        return null;
    }

    /// <summary>
    /// Fields of <paramref name="line"/> split on <paramref name="separator"/> as Excel quotes them; null when a quote is
    /// broken or the file's own <paramref name="fileSeparator"/> stands outside quotes ("1,5;2,5" is decimals, not commas).
    /// </summary>
    private static (int Fields, int AfterSpace)? CountFields(ReadOnlySpan<byte> line, byte separator, byte fileSeparator)
    {
        var fields = 1;
        var afterSpace = 0;
        var at = 0;
        while (true)
        {
            if (at < line.Length && line[at] == Quote)
            {
                at++;
                while (true)
                {
                    var close = line[at..].IndexOf(Quote);
                    if (close < 0)
                    {
                        return null;
                    }
                    at += close + 1;
                    if (at < line.Length && line[at] == Quote)
                    {
                        at++;
                        continue;
                    }
                    break;
                }
                if (at < line.Length && line[at] != separator)
                {
                    return null;
                }
            }
            else if (at < line.Length && line[at] == ' ' && fields > 1)
            {
                afterSpace++;
            }
            var next = line[at..].IndexOf(separator);
            var field = next < 0 ? line[at..] : line.Slice(at, next);
            if (field.Contains(fileSeparator))
            {
                return null;
            }
            if (next < 0)
            {
                return (fields, afterSpace);
            }
            at += next + 1;
            fields++;
        }
    }

    /// <summary>
    /// A quoted cell as it stands in the file must close its quote, and only spaces may follow the closing quote:
    /// Excel and LibreOffice quote whole cells, so "a,"b,c",d" is missing a quote, and reading it as CsvHelper
    /// recovers it ("ab"c as abc, or the rest of the file as one cell) would shift the columns of the row.
    /// </summary>
    private void CheckQuotes(ReadOnlySpan<byte> raw, int quoteLine)
    {
        var at = 1;
        while (true)
        {
            var next = raw[at..].IndexOf(Quote);
            if (next < 0)
            {
                throw CsvRejections.UnbalancedQuote(_limits.FileName, quoteLine);
            }
            at += next + 1;
            if (at < raw.Length && raw[at] == Quote)
            {
                at++;
                continue;
            }
            if (raw[at..].IndexOfAnyExcept((byte)' ') >= 0)
            {
                throw CsvRejections.UnbalancedQuote(_limits.FileName, quoteLine);
            }
            return;
        }
    }

    private static string Clean(string text)
    {
        if (text.AsSpan().IndexOfAny(Debris) < 0)
        {
            return text;
        }
        var clean = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if ((char.IsControl(ch) && ch is not ('\t' or '\r' or '\n')) || (ch == '\uFEFF' && clean.Length == 0))
            {
                continue;
            }
            clean.Append(ch);
        }
        return clean.ToString();
    }

    /// <summary>CR LF, a lone LF and a lone CR (old Mac exports) each end one line, as CsvHelper and Notepad count them.</summary>
    private static int LineBreaks(ReadOnlySpan<byte> raw)
    {
        var lines = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\n' || (raw[i] == '\r' && (i + 1 == raw.Length || raw[i + 1] != '\n')))
            {
                lines++;
            }
        }
        return lines;
    }

    /// <summary>Skips Excel's "sep=;" hint line, which is not data.</summary>
    private static void SkipLine(TextReader text)
    {
        int c;
        while ((c = text.Read()) != -1)
        {
            if (c == '\r')
            {
                if (text.Peek() == '\n')
                {
                    text.Read();
                }
                return;
            }
            if (c == '\n')
            {
                return;
            }
        }
    }
}
