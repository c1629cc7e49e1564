using System.Globalization;
using ReportHub.Core.Parsing;
using ReportHub.Core.Text;

namespace ReportHub.Readers.Docx;

/// <summary>
/// How the sender is told which table of a letter a place is in. A clerk sees the letterhead (issuing body beside the
/// national motto) and the signature block (“Nơi nhận” beside the signer) as parts of the letter, not as tables, even
/// though Word lays both out as borderless tables; so only the other tables, the report's own, are numbered, and the
/// two layout tables are named for what they are. Every Word message that names a table asks here.
/// </summary>
internal sealed class TableNames
{
    private enum Kind
    {
        Data,
        Letterhead,
        Signature,
    }

    // By table number in document order (1-based), what each table read so far is.
    private readonly List<Kind> _kinds = [];

    /// <summary>Takes in a row of top-level table <paramref name="table"/>; a motto or “Nơi nhận” line marks a layout table.</summary>
    public void Row(int table, IEnumerable<string> cellTexts)
    {
        while (_kinds.Count < table)
        {
            _kinds.Add(Kind.Data);
        }
        if (_kinds[table - 1] != Kind.Data)
        {
            return;
        }
        foreach (var line in cellTexts.SelectMany(t => t.Split('\n')))
        {
            var folded = VietnameseText.Fold(line.Trim());
            if (HeaderLines.IsMotto(folded))
            {
                _kinds[table - 1] = Kind.Letterhead;
                return;
            }
            if (HeaderLines.IsDistribution(folded) || HeaderLines.IsSignatureNote(folded))
            {
                _kinds[table - 1] = Kind.Signature;
                return;
            }
        }
    }

    /// <summary>"Bảng 2" for the report's second table, "Bảng tiêu đề công văn" or "Bảng chữ ký" for a layout table.</summary>
    public string Name(int table)
    {
        var kind = KindOf(table);
        var number = Ordinal(table, kind);
        var name = kind switch
        {
            Kind.Letterhead => "Bảng tiêu đề công văn",
            Kind.Signature => "Bảng chữ ký",
            _ => "Bảng " + number.ToString(CultureInfo.InvariantCulture),
        };
        // A second letter in one file brings a second letterhead: it must not share the first one's name.
        return kind != Kind.Data && number > 1 ? name + " thứ " + number.ToString(CultureInfo.InvariantCulture) : name;
    }

    /// <summary>The name inside a sentence ("ở bảng chữ ký", "ở Bảng 2").</summary>
    public string InSentence(int table) => KindOf(table) == Kind.Data ? Name(table) : "b" + Name(table)[1..];

    private Kind KindOf(int table) => table >= 1 && table <= _kinds.Count ? _kinds[table - 1] : Kind.Data;

    private int Ordinal(int table, Kind kind)
    {
        var number = 0;
        for (var i = 1; i <= table; i++)
        {
            number += KindOf(i) == kind ? 1 : 0;
        }
        return Math.Max(1, number);
    }
}
