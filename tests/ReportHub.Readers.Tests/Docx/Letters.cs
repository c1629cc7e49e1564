using System.IO.Compression;
using System.Text;
using ReportHub.Core.Grid;
using ReportHub.Core.Parsing;
using ReportHub.Readers.Common;

namespace ReportHub.Readers.Tests.Docx;

/// <summary>Opening helpers for Word letters and edits of their parts for cases Word itself never writes.</summary>
internal static class Letters
{
    public static IWorkbookReader Open(byte[] bytes, string fileName = "cong-van.docx", ReaderLimits? limits = null) =>
        WorkbookReaders.Open(new MemoryStream(bytes), fileName, limits);

    /// <summary>The rows as the reader yields them, and the merged ranges known once they are read.</summary>
    public static (List<SheetRow> Rows, IReadOnlyList<MergedRange> Merges) Read(byte[] bytes, ReaderLimits? limits = null)
    {
        using var reader = Open(bytes, limits: limits);
        var rows = reader.ReadRows(0).ToList();
        return (rows, reader.MergedRanges(0));
    }

    /// <summary>The grid the template parser sees (legacy text converted, merges applied).</summary>
    public static SheetGrid Grid(byte[] bytes)
    {
        using var reader = Open(bytes);
        return SheetGrid.Build(reader.Sheets[0].Name, reader.ReadRows(0), () => reader.MergedRanges(0));
    }

    /// <summary>All texts of the grid, row by row, for assertions on what was kept or left out.</summary>
    public static string AllText(byte[] bytes)
    {
        var (rows, _) = Read(bytes);
        return string.Join("\n", rows.SelectMany(r => r.Cells).Select(c => c.Text));
    }

    public static CellValue CellWith(this IEnumerable<SheetRow> rows, string text) =>
        rows.SelectMany(r => r.Cells).Single(c => c.Text == text);

    /// <summary>Rewrites one part of a package, leaving the others byte for byte.</summary>
    public static byte[] EditPart(byte[] package, string partName, Func<string, string> edit)
    {
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                using var source = entry.Open();
                using var reader = new StreamReader(source, Encoding.UTF8);
                var content = reader.ReadToEnd();
                using var target = zip.CreateEntry(entry.FullName).Open();
                target.Write(Encoding.UTF8.GetBytes(entry.FullName == partName ? edit(content) : content));
            }
        }
        return output.ToArray();
    }
}
