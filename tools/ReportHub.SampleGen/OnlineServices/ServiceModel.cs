namespace ReportHub.SampleGen.OnlineServices;

/// <summary>The section-2 columns of the online public services template, in the template's order.</summary>
public enum ServiceColumn
{
    Ordinal,
    Entity,
    Procedures,
    FullOnline,
    Received,
    ReceivedOnline,
    Resolved,
    ResolvedOnTime,
    Note,
}

/// <summary>One reporting entity of section 2: the quarter's procedures and dossiers.</summary>
public sealed record ServiceRow(
    string Entity,
    long Procedures,
    long FullOnline,
    long Received,
    long ReceivedOnline,
    long Resolved,
    long ResolvedOnTime,
    string Note = "")
{
    public long Value(ServiceColumn column) => column switch
    {
        ServiceColumn.Procedures => Procedures,
        ServiceColumn.FullOnline => FullOnline,
        ServiceColumn.Received => Received,
        ServiceColumn.ReceivedOnline => ReceivedOnline,
        ServiceColumn.Resolved => Resolved,
        ServiceColumn.ResolvedOnTime => ResolvedOnTime,
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };
}

/// <summary>
/// The parts of a Decree 30 letter that both the sheet and the Word renderings need: who issues it, its number,
/// place and date, subject, addressee, the sentence citing the request, and who signs it.
/// </summary>
public sealed record Letter(
    IReadOnlyList<string> IssuingBody,
    string Number,
    string PlaceDate,
    IReadOnlyList<string> Subject,
    string? Addressee,
    IReadOnlyList<string> Body,
    IReadOnlyList<string> SignerTitle,
    string SignerName,
    IReadOnlyList<string> Distribution);

public enum ServiceFormat { Xlsx, Csv, CsvSemicolon, Docx }

/// <summary>How the letterhead lands on the sheet.</summary>
public enum HeaderStyle
{
    /// <summary>Issuing body left, motto right, number and date on one row (the printed layout).</summary>
    TwoColumn,
    /// <summary>One line per row in the first column, as pasted from a text copy.</summary>
    Linear,
}

/// <summary>Where and how one sample's parts land; each knob is a variation the parser must tolerate.</summary>
public sealed record ServiceLayout
{
    public static readonly IReadOnlyList<ServiceColumn> TemplateOrder = Enum.GetValues<ServiceColumn>();

    public HeaderStyle Header { get; init; } = HeaderStyle.TwoColumn;

    /// <summary>Column offset of the right-hand half of a two-column letterhead.</summary>
    public int RightCol { get; init; } = 4;

    public int HeaderRow { get; init; } = 1;
    public int HeaderCol { get; init; } = 1;

    /// <summary>Fixed origin of the appendix; null continues under the letter in HeaderCol.</summary>
    public int? AppendixRow { get; init; }
    public int? AppendixCol { get; init; }

    public int GapRows { get; init; } = 1;
    public bool MergeTitle { get; init; }
    public bool SignerAtBottom { get; init; }

    /// <summary>Physical order of the section-2 columns.</summary>
    public IReadOnlyList<ServiceColumn> Order { get; init; } = TemplateOrder;

    /// <summary>Section-2 headers that differ from the template's own (variants, abbreviations, odd spacing).</summary>
    public IReadOnlyDictionary<ServiceColumn, string> Headers { get; init; } = new Dictionary<ServiceColumn, string>();

    /// <summary>How the figures are typed.</summary>
    public QtyStyle Figures { get; init; } = QtyStyle.Number;

    /// <summary>Label of a section-2 total row; null writes none.</summary>
    public string? TotalLabel { get; init; }
}

/// <summary>One sample report of round 2025-Q3 and the figures a correct parse must give.</summary>
public sealed record ServiceReport(
    string File,
    string Unit,
    ServiceFormat Format,
    string Quirks,
    Letter Letter,
    IReadOnlyList<Directive> Directives,
    IReadOnlyList<ServiceRow> Rows,
    IReadOnlyList<string> Section3,
    IReadOnlyList<string> Section4,
    IReadOnlyList<string> Section5,
    ServiceLayout Layout)
{
    public long Sum(ServiceColumn column) => Rows.Sum(r => r.Value(column));
}
