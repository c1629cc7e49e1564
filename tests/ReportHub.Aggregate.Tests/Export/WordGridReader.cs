using DocumentFormat.OpenXml.Packaging;
using ReportHub.Core.Grid;

namespace ReportHub.Aggregate.Tests.Export;

/// <summary>
/// A Word letter as one sheet for the real template parser, laid out by <see cref="WordDocuments.Rows"/>: enough to
/// show the generated letter parses back to its unit and round without waiting for the production Word reader.
/// </summary>
internal sealed class WordGridReader(byte[] bytes) : IWorkbookReader
{
    private readonly WordprocessingDocument _document = WordDocuments.Open(bytes);

    public string Format => "docx";

    public IReadOnlyList<SheetInfo> Sheets { get; } = [new SheetInfo(0, "Word", false)];

    public IEnumerable<SheetRow> ReadRows(int sheetIndex, CancellationToken cancellationToken = default) =>
        WordDocuments.Rows(WordDocuments.Body(_document));

    public IReadOnlyList<MergedRange> MergedRanges(int sheetIndex) => [];

    public void Dispose() => _document.Dispose();
}
