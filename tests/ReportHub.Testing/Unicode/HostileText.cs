namespace ReportHub.Testing.Unicode;

/// <summary>
/// The characters no stored text or written file may carry: C0 controls (NUL included) and DEL, every noncharacter,
/// lone surrogates and the bidi embeddings, overrides and isolates. Grouped so a test can feed one group at a time.
/// </summary>
public static class HostileText
{
    /// <summary>C0 controls other than tab, line feed and carriage return, and DEL.</summary>
    public static IReadOnlyList<string> Controls { get; } =
        [.. Enumerable.Range(0, 0x20).Where(c => c is not (0x09 or 0x0A or 0x0D)).Select(c => ((char)c).ToString()), "\u007F"];

    /// <summary>U+FDD0–U+FDEF, U+FFFE, U+FFFF and the last two code points of a supplementary plane.</summary>
    public static IReadOnlyList<string> Noncharacters { get; } =
        [.. Enumerable.Range(0xFDD0, 0x20).Select(c => ((char)c).ToString()), "\uFFFE", "\uFFFF", char.ConvertFromUtf32(0x1FFFE), char.ConvertFromUtf32(0x10FFFF)];

    public static IReadOnlyList<string> LoneSurrogates { get; } = ["\uD800", "\uDFFF", "\uDBFF"];

    public static IReadOnlyList<string> BidiControls { get; } =
        [.. Enumerable.Range(0x202A, 5).Concat(Enumerable.Range(0x2066, 4)).Select(c => ((char)c).ToString())];

    public static IReadOnlyList<string> All { get; } = [.. Controls, .. Noncharacters, .. LoneSurrogates, .. BidiControls];

    /// <summary>The group by name, as a test's inline data gives it.</summary>
    public static IReadOnlyList<string> Group(string name) => name switch
    {
        nameof(Controls) => Controls,
        nameof(Noncharacters) => Noncharacters,
        nameof(LoneSurrogates) => LoneSurrogates,
        nameof(BidiControls) => BidiControls,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such group."),
    };

    /// <summary>
    /// <paramref name="text"/> with all of <paramref name="hostile"/> after each word, so that dropping them gives the
    /// text back exactly.
    /// </summary>
    public static string Sprinkle(string text, IEnumerable<string> hostile)
    {
        var all = string.Concat(hostile);
        return string.Join(' ', text.Split(' ').Select(word => word + all));
    }

    /// <summary>True when the text holds none of <see cref="All"/>.</summary>
    public static bool IsFree(string text) => !All.Any(h => text.Contains(h, StringComparison.Ordinal));
}
