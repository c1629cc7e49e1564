using System.Xml;
using ReportHub.Readers.Common;

namespace ReportHub.Readers.Xlsx;

internal sealed record SheetEntry(string Name, bool Hidden, string? Part);

/// <summary>What xl/workbook.xml tells us: the sheets in tab order and the date system.</summary>
internal sealed record WorkbookPart(IReadOnlyList<SheetEntry> Sheets, bool Date1904)
{
    public static WorkbookPart Read(XmlReader reader, IReadOnlyDictionary<string, (string Type, string Part)> relationships)
    {
        var sheets = new List<SheetEntry>();
        var date1904 = false;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            switch (reader.LocalName)
            {
                case "workbookPr":
                    var flag = reader.GetAttribute("date1904");
                    date1904 = flag is "1" or "true";
                    break;
                case "sheet":
                    var state = reader.GetAttribute("state");
                    // r:id lives in the relationships namespace, whose URI differs between strict and transitional.
                    var relationshipId = FindRelationshipId(reader);
                    var part = relationshipId is not null && relationships.TryGetValue(relationshipId, out var rel) ? rel.Part : null;
                    sheets.Add(new SheetEntry(
                        CellText.Nfc(reader.GetAttribute("name") ?? $"Sheet{sheets.Count + 1}"),
                        state is "hidden" or "veryHidden",
                        part));
                    break;
            }
        }
        return new WorkbookPart(sheets, date1904);
    }

    private static string? FindRelationshipId(XmlReader reader)
    {
        if (!reader.MoveToFirstAttribute())
        {
            return null;
        }
        try
        {
            do
            {
                if (reader.LocalName == "id" && reader.NamespaceURI.Length > 0)
                {
                    return reader.Value;
                }
            }
            while (reader.MoveToNextAttribute());
            return null;
        }
        finally
        {
            reader.MoveToElement();
        }
    }
}
