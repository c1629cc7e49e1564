using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace ReportHub.SampleGen;

/// <summary>
/// Makes a saved workbook byte-for-byte reproducible. System.IO.Packaging names the core-properties part with a
/// random GUID, gives package relationships random ids and stamps zip entries with the current time; tests that
/// send "the same bytes twice" (duplicates) and clean git diffs need identical output on every run.
/// </summary>
public static partial class ReproducibleZip
{
    private const string CorePart = "package/services/metadata/core-properties/core.psmdcp";
    private static readonly DateTimeOffset Stamp = new(2021, 10, 28, 8, 0, 0, TimeSpan.Zero);

    [GeneratedRegex(@"package/services/metadata/core-properties/[0-9a-f]{32}\.psmdcp")]
    private static partial Regex CorePartName();

    [GeneratedRegex(@"Id=""R[0-9a-f]{16}""")]
    private static partial Regex RandomRelId();

    [GeneratedRegex(@"<dcterms:(created|modified) xsi:type=""dcterms:W3CDTF"">[^<]*</dcterms:\1>")]
    private static partial Regex CoreDate();

    public static void Normalize(string path)
    {
        var entries = new List<(string Name, byte[] Data)>();
        using (var source = ZipFile.OpenRead(path))
        {
            foreach (var entry in source.Entries)
            {
                using var stream = entry.Open();
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                entries.Add((entry.FullName, buffer.ToArray()));
            }
        }

        using var output = new MemoryStream();
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
                var newName = CorePartName().IsMatch(name) ? CorePart : name;
                // Any relationships part may hold random ids (the Word document's styles relationship does); nothing in these
                // packages refers to a random id from a content part, so renumbering them is safe.
                var bytes = name.EndsWith(".rels", StringComparison.Ordinal) || newName == CorePart ? Rewrite(data) : data;
                var entry = target.CreateEntry(newName, CompressionLevel.Optimal);
                entry.LastWriteTime = Stamp;
                using var stream = entry.Open();
                stream.Write(bytes);
            }
        }

        File.WriteAllBytes(path, output.ToArray());
    }

    private static byte[] Rewrite(byte[] data)
    {
        var text = Encoding.UTF8.GetString(data);
        var counter = 0;
        text = CorePartName().Replace(text, CorePart);
        text = RandomRelId().Replace(text, _ => $"Id=\"rIdPkg{++counter}\"");
        text = CoreDate().Replace(text, m => $"<dcterms:{m.Groups[1].Value} xsi:type=\"dcterms:W3CDTF\">2021-10-28T08:00:00Z</dcterms:{m.Groups[1].Value}>");
        return Encoding.UTF8.GetBytes(text);
    }
}
