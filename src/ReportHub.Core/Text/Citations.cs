using ReportHub.Core.Domain;

namespace ReportHub.Core.Text;

/// <summary>Vietnamese document citations: "780/SCT-VP ngày 07/05/2021", "Số: 914 /VP-HCTC", "Số: /SKHCN-VP", "09-CT/TU".</summary>
public static class Citations
{
    /// <summary>Parses the first citation in the text; the date is the one that follows it ("ngày 07/05/2021").</summary>
    public static bool TryParse(string? text, out Citation citation) => throw new NotImplementedException();

    /// <summary>Every citation in running text, e.g. "Công văn số 1406/STTTT-BCVT&amp;CNTT ngày 26/10/2021".</summary>
    public static IReadOnlyList<Citation> FindAll(string? text) => throw new NotImplementedException();

    /// <summary>The parts of a symbol split at '-', '/' and '&amp;': "STTTT-BCVT&amp;CNTT" → STTTT, BCVT, CNTT.</summary>
    public static IReadOnlyList<string> SymbolParts(string symbol) => throw new NotImplementedException();

    /// <summary>Two references name the same document when number and symbol agree, ignoring case, spaces and Đ/D.</summary>
    public static bool SameDocument(string a, string b) => throw new NotImplementedException();
}
