using System.Text;
using ReportHub.Aggregate.Export.Styling;
using ReportHub.Core.Templates;

namespace ReportHub.Aggregate.Export;

/// <summary>
/// Worksheet names taken from a template's headings. Excel refuses a name longer than 31 characters, one holding
/// [ ] : * ? / \, one starting or ending with an apostrophe, and two names that differ only in letter case.
/// </summary>
internal sealed class SheetNames(IEnumerable<string> taken)
{
    public const int MaxLength = 31;

    private readonly HashSet<string> _taken = new(taken, StringComparer.OrdinalIgnoreCase);

    /// <summary>A table section's sheet: its heading, cut at a word so it fits, else "Mục N".</summary>
    public string Take(SectionDefinition section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return Take(section.Heading, $"Mục {section.Number}");
    }

    public string Take(string wanted, string fallback)
    {
        var name = Fit(wanted, MaxLength);
        if (name.Length == 0)
        {
            name = Fit(fallback, MaxLength);
        }
        if (name.Length == 0)
        {
            name = "Trang";
        }
        var candidate = name;
        for (var n = 2; !_taken.Add(candidate); n++)
        {
            var suffix = $" ({n})";
            candidate = Fit(name, MaxLength - suffix.Length) + suffix;
        }
        return candidate;
    }

    /// <summary>Illegal characters become spaces; the text is cut at the last whole word that fits.</summary>
    private static string Fit(string text, int length)
    {
        var clean = new StringBuilder();
        foreach (var c in OfficialStyle.Clean(text))
        {
            clean.Append(c is '[' or ']' or ':' or '*' or '?' or '/' or '\\' || char.IsControl(c) ? ' ' : c);
        }
        var words = clean.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var name = new StringBuilder();
        foreach (var word in words)
        {
            var next = name.Length == 0 ? word.Length : name.Length + 1 + word.Length;
            if (next > length)
            {
                if (name.Length == 0)
                {
                    name.Append(word.AsSpan(0, length));
                }
                break;
            }
            if (name.Length > 0)
            {
                name.Append(' ');
            }
            name.Append(word);
        }
        return name.ToString().Trim(' ', ',', ';', '.', '-', '\'');
    }
}
