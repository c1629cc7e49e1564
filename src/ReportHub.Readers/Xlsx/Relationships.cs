using System.Xml;

namespace ReportHub.Readers.Xlsx;

/// <summary>Reads a .rels part and resolves its targets to part names.</summary>
internal static class Relationships
{
    public const string OfficeDocumentType = "/officeDocument";

    /// <summary>Id -> (type, resolved part name). External targets are left out.</summary>
    public static Dictionary<string, (string Type, string Part)> Read(XmlReader reader, string sourcePart)
    {
        var result = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        while (XmlNav.ReadToElement(reader, "Relationship"))
        {
            var id = reader.GetAttribute("Id");
            var target = reader.GetAttribute("Target");
            if (id is null || string.IsNullOrEmpty(target)
                || string.Equals(reader.GetAttribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            result.TryAdd(id, (reader.GetAttribute("Type") ?? "", Resolve(sourcePart, target)));
        }
        return result;
    }

    /// <summary>The .rels part that describes <paramref name="part"/>: xl/workbook.xml -> xl/_rels/workbook.xml.rels.</summary>
    public static string RelsPartFor(string part)
    {
        var slash = part.LastIndexOf('/');
        return slash < 0 ? $"_rels/{part}.rels" : $"{part[..slash]}/_rels/{part[(slash + 1)..]}.rels";
    }

    /// <summary>Targets are relative to the source part's folder unless they start with '/'.</summary>
    public static string Resolve(string sourcePart, string target)
    {
        target = Uri.UnescapeDataString(target.Replace('\\', '/'));
        if (target.StartsWith('/'))
        {
            return PackageParts.Normalize(target);
        }
        var slash = sourcePart.LastIndexOf('/');
        var segments = new List<string>(slash < 0 ? [] : sourcePart[..slash].Split('/'));
        foreach (var segment in target.Split('/'))
        {
            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (segment is not ("." or ""))
            {
                segments.Add(segment);
            }
        }
        return string.Join('/', segments);
    }
}
