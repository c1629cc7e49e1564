namespace ReportHub.Testing.Documents;

/// <summary>How a run takes part in tracked changes (Review › Track Changes), as Word writes it.</summary>
public enum WordRevision
{
    None,

    /// <summary>Wrapped in w:ins: shown underlined, kept when the changes are accepted.</summary>
    Inserted,

    /// <summary>Wrapped in w:del with its text as w:delText: struck through, gone when the changes are accepted.</summary>
    Deleted,
}

/// <summary>
/// A run of text with its formatting. A null font leaves the run to its paragraph style and the document default,
/// as most of a real letter is. "\n" inside the text is written as a line break (w:br), "\t" as a tab (w:tab).
/// </summary>
public sealed record WordRun(string Text, string? Font = null, bool Bold = false, bool Italic = false)
{
    /// <summary>Formatted hidden (Font › Hidden: w:vanish), which Word leaves off the page.</summary>
    public bool Hidden { get; init; }

    /// <summary>The character style (w:rStyle) of the run.</summary>
    public string? Style { get; init; }

    public WordRevision Revision { get; init; }
}
