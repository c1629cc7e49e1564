using System.Text;
using System.Text.Unicode;

namespace ReportHub.Readers.Csv;

/// <summary>
/// The bytes of a CSV and how to decode them. Excel on Vietnamese Windows writes "CSV" in Windows-1258 with no BOM,
/// "Unicode text" as UTF-16 LE with a BOM and "CSV UTF-8" with a BOM; LibreOffice and hand-made files are often UTF-8
/// without one; files typed with .VnTime or VNI fonts hold TCVN3 or VNI bytes. The text is decoded as it is read,
/// never into one string for the whole file.
/// </summary>
internal sealed class CsvSource
{
    private const int SampleBytes = 64 * 1024;
    private const int BlockUnits = 4096;

    private readonly byte[] _bytes;
    private readonly int _offset;

    private CsvSource(byte[] bytes, int offset, CsvEncoding encoding)
    {
        _bytes = bytes;
        _offset = offset;
        Encoding = encoding;
    }

    public CsvEncoding Encoding { get; }

    public static CsvSource Detect(byte[] bytes)
    {
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new(bytes, 3, CsvEncoding.Utf8);
        }
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new(bytes, 2, CsvEncoding.Utf16LittleEndian);
        }
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new(bytes, 2, CsvEncoding.Utf16BigEndian);
        }
        if (LooksLikeUtf16(span, out var bigEndian))
        {
            return new(bytes, 0, bigEndian ? CsvEncoding.Utf16BigEndian : CsvEncoding.Utf16LittleEndian);
        }
        return Utf8.IsValid(span) ? new(bytes, 0, CsvEncoding.Utf8) : new(bytes, 0, SingleByteCharset.Choose(span));
    }

    public TextReader Open() => Encoding switch
    {
        CsvEncoding.Windows1258 => new Cp1258TextReader(_bytes, _offset),
        _ => new StreamReader(new MemoryStream(_bytes, _offset, _bytes.Length - _offset, writable: false), Encoding switch
        {
            CsvEncoding.Utf8 => new UTF8Encoding(false, false),
            CsvEncoding.Utf16LittleEndian => new UnicodeEncoding(false, false, false),
            CsvEncoding.Utf16BigEndian => new UnicodeEncoding(true, false, false),
            _ => System.Text.Encoding.Latin1,
        }, detectEncodingFromByteOrderMarks: false, bufferSize: 16 * 1024),
    };

    /// <summary>The first <paramref name="characters"/> characters of the text, for sniffing its shape.</summary>
    public string Sample(int characters)
    {
        using var reader = Open();
        var buffer = new char[characters];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = reader.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += read;
        }
        return new string(buffer, 0, total);
    }

    /// <summary>
    /// Separators and quotes alone ("Save as CSV" of a blank but formatted sheet) hold no content. Streams, and stops
    /// at the first character of content, which in a real report is within the first line.
    /// </summary>
    public bool IsBlank()
    {
        using var reader = Open();
        var buffer = new char[16 * 1024];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            foreach (var c in buffer.AsSpan(0, read))
            {
                if (!(char.IsWhiteSpace(c) || char.IsControl(c) || c is '\uFEFF' or ',' or ';' or '\t' or '|' or '"'))
                {
                    return false;
                }
            }
        }
        return true;
    }

    /// <summary>
    /// A file that is mostly binary (an image, an archive, a database renamed .csv) rather than text with a stray NUL
    /// or two, which the record reader strips. Binary shows as control characters: more than 1% over the file, or a
    /// dense block of them anywhere, such as a blob appended after some text.
    /// </summary>
    public bool LooksBinary()
    {
        var utf16 = Encoding is CsvEncoding.Utf16LittleEndian or CsvEncoding.Utf16BigEndian;
        var unitSize = utf16 ? 2 : 1;
        var units = (_bytes.Length - _offset) / unitSize;
        long total = 0;
        var inBlock = 0;
        for (var i = 0; i < units; i++)
        {
            if (i % BlockUnits == 0)
            {
                inBlock = 0;
            }
            var at = _offset + i * unitSize;
            int unit = !utf16 ? _bytes[at]
                : Encoding == CsvEncoding.Utf16LittleEndian ? _bytes[at] | (_bytes[at + 1] << 8)
                : (_bytes[at] << 8) | _bytes[at + 1];
            if (unit is < 0x20 and not ('\t' or '\r' or '\n') or 0x7F)
            {
                total++;
                if (++inBlock > BlockUnits / 20)
                {
                    return true;
                }
            }
        }
        return total > Math.Max(4, units / 100);
    }

    /// <summary>Markup saved with a spreadsheet extension (HTML "xls" exports, SpreadsheetML 2003).</summary>
    public static bool LooksLikeMarkup(string sample)
    {
        var start = sample.AsSpan().TrimStart();
        return start.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("<!DOCTYPE", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("<table", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// UTF-16 without a BOM: text in Latin script has a zero in every other byte. Requiring most pairs to have
    /// exactly one zero, on the same side, keeps binary files (zeros everywhere) and text with a stray NUL out.
    /// </summary>
    private static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes, out bool bigEndian)
    {
        bigEndian = false;
        var sample = bytes[..Math.Min(bytes.Length, SampleBytes)];
        var pairs = sample.Length / 2;
        if (pairs < 2)
        {
            return false;
        }
        int zeroEven = 0, zeroOdd = 0;
        for (var i = 0; i + 1 < sample.Length; i += 2)
        {
            var evenZero = sample[i] == 0;
            var oddZero = sample[i + 1] == 0;
            if (evenZero && !oddZero)
            {
                zeroEven++;
            }
            else if (oddZero && !evenZero)
            {
                zeroOdd++;
            }
        }
        if (zeroOdd >= pairs * 0.4 && zeroEven <= pairs * 0.05)
        {
            return true;
        }
        if (zeroEven >= pairs * 0.4 && zeroOdd <= pairs * 0.05)
        {
            bigEndian = true;
            return true;
        }
        return false;
    }
}
