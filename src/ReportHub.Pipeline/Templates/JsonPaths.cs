using System.Text;
using System.Text.RegularExpressions;

namespace ReportHub.Pipeline.Templates;

/// <summary>JSON Pointers (/measures/2/from) written as the JSON paths people read ($.measures[2].from).</summary>
internal static partial class JsonPaths
{
    public const string Root = "$";

    public static IReadOnlyList<string> Segments(string pointer)
    {
        var text = pointer.StartsWith('#') ? Uri.UnescapeDataString(pointer[1..]) : pointer;
        if (text.Length == 0)
        {
            return [];
        }
        return [.. text.TrimStart('/').Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];
    }

    public static string FromPointer(string pointer)
    {
        var path = new StringBuilder(Root);
        foreach (var segment in Segments(pointer))
        {
            path.Append(int.TryParse(segment, out var index) && index >= 0 ? $"[{index}]" : Property(segment));
        }
        return path.ToString();
    }

    public static string Property(string name) => Identifier().IsMatch(name) ? "." + name : $"['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    public static string Item(string path, int index) => $"{path}[{index}]";

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex Identifier();
}
