using System.Text;

namespace ReportHub.Readers.Csv;

/// <summary>One non-empty field of a record; Column is 1-based.</summary>
internal readonly record struct CsvField(int Column, string Text);

/// <summary>What a collecting tokenizer refuses, and whom it names in the refusal.</summary>
internal sealed record CsvFieldLimits
{
    public required string FileName { get; init; }

    public required string SheetName { get; init; }

    public required int MaxCellCharacters { get; init; }

    public required int MaxColumns { get; init; }
}

/// <summary>
/// Splits CSV text into records the way Excel opens it, reading the text in small chunks so memory stays bounded
/// whatever the file holds. A quote opens a quoted field only at the start of a field; inside one, a doubled quote
/// is a quote; text other than spaces after a closing quote, and a quote never closed, are refused as an unbalanced
/// quote. A line break ends a record outside quotes whether it is CRLF, LF or a lone CR.
/// Without limits it only counts fields (separator detection on a sample): nothing is kept and nothing is refused.
/// </summary>
internal sealed class CsvTokenizer(TextReader reader, char separator, CsvFieldLimits? limits)
{
    private const int Eof = -1;

    private enum State
    {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,

        /// <summary>Spaces after a closing quote, before the separator.</summary>
        AfterClosingQuote,
    }

    private readonly char[] _buffer = new char[16 * 1024];
    private readonly StringBuilder _field = new();
    private int _position;
    private int _length;
    private int _line = 1;
    private int _charLine = 1;
    private bool _started;

    /// <summary>The line of the file (as a text editor numbers it) where the last record began.</summary>
    public int RecordLine { get; private set; }

    /// <summary>Fields in the last record, empty ones included.</summary>
    public int FieldCount { get; private set; }

    /// <summary>False for a blank line.</summary>
    public bool RecordHasContent { get; private set; }

    /// <summary>Fields after the first that begin with an unquoted space: the mark of a separator that is really punctuation.</summary>
    public int FieldsAfterSpace { get; private set; }

    /// <summary>Skips one physical line (Excel's "sep=;" hint).</summary>
    public void SkipLine()
    {
        int c;
        while ((c = Next()) != Eof)
        {
            if (c == '\r')
            {
                ConsumeLineFeedAfterReturn();
                return;
            }
            if (c == '\n')
            {
                return;
            }
        }
    }

    /// <summary>Reads the next record; non-empty fields go to <paramref name="fields"/> when collecting. False at the end of the text.</summary>
    public bool ReadRecord(List<CsvField>? fields)
    {
        fields?.Clear();
        var c = Next();
        if (c == Eof)
        {
            return false;
        }

        RecordLine = _charLine;
        FieldCount = 1;
        RecordHasContent = false;
        FieldsAfterSpace = 0;
        _field.Clear();
        var state = State.FieldStart;
        var fieldLine = _charLine;
        var quoteLine = 0;
        var quotedSpansLines = false;
        while (true)
        {
            if (c == Eof)
            {
                if (state == State.Quoted && limits is not null)
                {
                    throw CsvRejections.UnbalancedQuote(limits.FileName, quoteLine);
                }
                EndField(fields);
                return true;
            }

            var ch = (char)c;
            switch (state)
            {
                case State.Quoted:
                    if (ch == '"')
                    {
                        state = State.QuoteInQuoted;
                    }
                    else
                    {
                        quotedSpansLines |= ch is '\r' or '\n';
                        Append(ch, fieldLine, quotedSpansLines ? quoteLine : 0);
                    }
                    break;

                case State.QuoteInQuoted when ch == '"':
                    Append('"', fieldLine, quotedSpansLines ? quoteLine : 0);
                    state = State.Quoted;
                    break;

                case State.FieldStart when ch == '"':
                    state = State.Quoted;
                    quoteLine = _charLine;
                    quotedSpansLines = false;
                    RecordHasContent = true;
                    break;

                default:
                    if (ch == separator)
                    {
                        EndField(fields);
                        FieldCount++;
                        RecordHasContent = true;
                        if (limits is not null && FieldCount > limits.MaxColumns)
                        {
                            throw Rejections.TooManyColumns(limits.FileName, limits.SheetName, limits.MaxColumns);
                        }
                        state = State.FieldStart;
                        fieldLine = _line;
                        break;
                    }
                    if (ch is '\r' or '\n')
                    {
                        if (ch == '\r')
                        {
                            ConsumeLineFeedAfterReturn();
                        }
                        EndField(fields);
                        return true;
                    }
                    // Excel and LibreOffice quote whole cells only, so text after a closing quote means that quote
                    // closed a different field than the one it opened: "a,"b,c",d" missing a quote. Reading on, as
                    // Excel does ("ab"c as abc), would shift the columns of the row, so it is refused; spaces are
                    // harmless and kept.
                    if (state is State.QuoteInQuoted or State.AfterClosingQuote)
                    {
                        if (ch != ' ' && limits is not null)
                        {
                            throw CsvRejections.UnbalancedQuote(limits.FileName, quoteLine);
                        }
                        Append(ch, fieldLine, 0);
                        state = State.AfterClosingQuote;
                        break;
                    }
                    if (state == State.FieldStart)
                    {
                        fieldLine = _charLine;
                        if (ch == ' ' && FieldCount > 1)
                        {
                            FieldsAfterSpace++;
                        }
                    }
                    Append(ch, fieldLine, 0);
                    state = State.Unquoted;
                    break;
            }
            c = Next();
        }
    }

    private void Append(char ch, int fieldLine, int openQuoteLine)
    {
        RecordHasContent = true;
        if (limits is null)
        {
            return;
        }
        // NUL and other control characters in text are debris of broken exports; tab and line breaks are content.
        if ((char.IsControl(ch) && ch is not ('\t' or '\r' or '\n')) || (ch == '\uFEFF' && _field.Length == 0))
        {
            return;
        }
        if (_field.Length >= limits.MaxCellCharacters)
        {
            // A quoted field that has swallowed line after line is far likelier a missing closing quote than a real cell.
            throw openQuoteLine > 0
                ? CsvRejections.UnbalancedQuote(limits.FileName, openQuoteLine)
                : CsvRejections.CellTooLong(limits.FileName, fieldLine, limits.MaxCellCharacters);
        }
        _field.Append(ch);
    }

    private void EndField(List<CsvField>? fields)
    {
        if (fields is not null && _field.Length > 0)
        {
            fields.Add(new CsvField(FieldCount, _field.ToString()));
        }
        _field.Clear();
    }

    /// <summary>After a CR: takes the LF of a CRLF pair.</summary>
    private void ConsumeLineFeedAfterReturn()
    {
        if (Peek() == '\n')
        {
            Next();
        }
    }

    private int Next()
    {
        if (_position == _length && !Fill())
        {
            return Eof;
        }
        var c = _buffer[_position++];
        _charLine = _line;
        // A lone CR ends a line too (old Mac exports); CRLF counts once, at its LF.
        if (c == '\n' || (c == '\r' && Peek() != '\n'))
        {
            _line++;
        }
        return c;
    }

    private int Peek() => _position == _length && !Fill() ? Eof : _buffer[_position];

    private bool Fill()
    {
        _length = reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        if (!_started && _length > 0)
        {
            _started = true;
            // A BOM the decoder left in place is not text.
            if (_buffer[0] == '\uFEFF')
            {
                _position = 1;
                return _length > 1 || Fill();
            }
        }
        return _length > 0;
    }
}
