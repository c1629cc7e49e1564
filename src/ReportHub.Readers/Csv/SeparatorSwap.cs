namespace ReportHub.Readers.Csv;

/// <summary>
/// CsvHelper splits on a printable ASCII separator only, while Excel's "sep=" line may name any character ("sep=§",
/// a fullwidth "；"). Such a separator is read as a stand-in ASCII character that the file never uses, and the stand-in
/// is turned back in the cells: since the file has none of its own, every one in a cell was the separator, quoted.
/// </summary>
internal sealed class SeparatorSwap
{
    // Tried in order; '"' is the quote and can never stand in.
    private const string StandIns = "\t|;,^~`#@!$%&*+=:?_\\/<>{}[]()'-.0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ ";

    private SeparatorSwap(char original, char standIn)
    {
        Original = original;
        StandIn = standIn;
    }

    public char Original { get; }

    public char StandIn { get; }

    /// <summary>True when CsvHelper takes <paramref name="separator"/> as it is.</summary>
    public static bool IsNative(char separator) => separator == '\t' || (separator is >= ' ' and <= '~' && separator != '"');

    /// <summary>The swap for <paramref name="separator"/>, or null when every stand-in occurs in the text.</summary>
    public static SeparatorSwap? For(CsvSource source, char separator)
    {
        var used = new bool[128];
        using (var text = source.Open())
        {
            var buffer = new char[16 * 1024];
            int read;
            while ((read = text.Read(buffer, 0, buffer.Length)) > 0)
            {
                foreach (var c in buffer.AsSpan(0, read))
                {
                    if (c < 128)
                    {
                        used[c] = true;
                    }
                }
            }
        }
        foreach (var c in StandIns)
        {
            if (!used[c])
            {
                return new SeparatorSwap(separator, c);
            }
        }
        return null;
    }

    public TextReader Wrap(TextReader inner) => new Reader(inner, Original, StandIn);

    public string Restore(string cell) => cell.Contains(StandIn, StringComparison.Ordinal) ? cell.Replace(StandIn, Original) : cell;

    private sealed class Reader(TextReader inner, char from, char to) : TextReader
    {
        public override int Peek() => Map(inner.Peek());

        public override int Read() => Map(inner.Read());

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            var read = inner.Read(buffer);
            buffer[..read].Replace(from, to);
            return read;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }

        private int Map(int c) => c == from ? to : c;
    }
}
