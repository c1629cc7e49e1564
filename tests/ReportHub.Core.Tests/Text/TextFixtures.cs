using System.Globalization;
using System.Text;
using ReportHub.Core.Domain;

namespace ReportHub.Core.Tests.Text;

/// <summary>The seed documents and the unit registry copied under Fixtures/.</summary>
internal static class TextFixtures
{
    public static string Dir => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static string Seed(string prefix)
    {
        var file = Directory.GetFiles(Path.Combine(Dir, "seeds"), prefix + "_*.txt").Single();
        return File.ReadAllText(file, Encoding.UTF8);
    }

    public static IReadOnlyList<string> SeedLines(string prefix) =>
        Seed(prefix).Split('\n').Select(l => l.TrimEnd('\r')).ToList();

    public static IReadOnlyList<Unit> Units { get; } = LoadUnits(Path.Combine(Dir, "units.csv"));

    /// <summary>code,name,type,parent,aliases(;-separated),validFrom,validTo,successor with RFC 4180 quoting.</summary>
    public static IReadOnlyList<Unit> LoadUnits(string path)
    {
        var rows = ParseCsv(File.ReadAllText(path, Encoding.UTF8));
        var header = rows[0];
        int Col(string name) => Array.IndexOf(header, name);
        string? Cell(string[] row, string name) =>
            Col(name) < row.Length && row[Col(name)].Trim() is { Length: > 0 } v ? v : null;
        DateOnly? Day(string[] row, string name) =>
            Cell(row, name) is { } v ? DateOnly.ParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

        return rows.Skip(1)
            .Where(r => r.Any(c => c.Length > 0))
            .Select(r => new Unit
            {
                Code = Cell(r, "code")!,
                Name = Cell(r, "name")!,
                Type = Cell(r, "type")!,
                Parent = Cell(r, "parent"),
                Aliases = (Cell(r, "aliases") ?? string.Empty)
                    .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                ValidFrom = Day(r, "validFrom"),
                ValidTo = Day(r, "validTo"),
                Successor = Cell(r, "successor"),
            })
            .ToList();
    }

    private static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add([.. row]);
        }

        return rows;
    }
}

/// <summary>Every Vietnamese letter with a diacritic, lower and upper case: the 12 vowels × 6 tones less the 5 plain ones, plus đ.</summary>
internal static class VietnameseAlphabet
{
    public const string Vowels =
        "aàảãáạ" + "ăằẳẵắặ" + "âầẩẫấậ" + "eèẻẽéẹ" + "êềểễếệ" + "iìỉĩíị" +
        "oòỏõóọ" + "ôồổỗốộ" + "ơờởỡớợ" + "uùủũúụ" + "ưừửữứự" + "yỳỷỹýỵ";

    public static IReadOnlyList<char> LowerWithDiacritics { get; } =
        Vowels.Where(c => c > '\u007F').Append('đ').ToList();

    public static IReadOnlyList<char> UpperWithDiacritics { get; } =
        LowerWithDiacritics.Select(char.ToUpperInvariant).ToList();

    public static IEnumerable<object[]> AllLetters() =>
        LowerWithDiacritics.Concat(UpperWithDiacritics).Select(c => new object[] { c.ToString() });
}
