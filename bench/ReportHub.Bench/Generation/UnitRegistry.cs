using System.Globalization;
using System.Text;

namespace ReportHub.Bench.Generation;

/// <summary>One reporting unit of samples/reference/units.csv, as the generator needs it.</summary>
internal sealed record BenchUnit
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string Type { get; init; }
    public required IReadOnlyList<string> Aliases { get; init; }
}

/// <summary>
/// The departments and districts of Quảng Ngãi that a round's request reaches on its date (32 in October 2021, Sở
/// Thông tin và Truyền thông among them: the round expects its own report too).
/// </summary>
internal static class UnitRegistry
{
    public static IReadOnlyList<BenchUnit> ValidOn(string unitsCsv, DateOnly date)
    {
        var units = new List<BenchUnit>();
        foreach (var line in File.ReadLines(unitsCsv, Encoding.UTF8).Skip(1))
        {
            if (line.Length == 0)
            {
                continue;
            }
            var f = SplitCsvLine(line);
            var (code, name, type, parent, aliases, from, to) = (f[0], f[1], f[2], f[3], f[4], f[5], f[6]);
            if (parent != "51" || type is not ("department" or "district"))
            {
                continue;
            }
            if (DateOnly.ParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture) > date
                || (to.Length > 0 && DateOnly.ParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture) < date))
            {
                continue;
            }
            units.Add(new BenchUnit
            {
                Code = code,
                Name = name,
                Type = type,
                Aliases = aliases.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            });
        }
        return units;
    }

    /// <summary>RFC 4180 fields of one line (the registry has no line breaks inside fields).</summary>
    private static List<string> SplitCsvLine(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(ch);
            }
        }
        fields.Add(current.ToString());
        while (fields.Count < 8)
        {
            fields.Add("");
        }
        return fields;
    }
}
