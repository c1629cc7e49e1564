namespace ReportHub.Core.Domain;

/// <summary>A document reference such as <c>780/SCT-VP ngày 07/05/2021</c>.</summary>
public sealed record Citation
{
    /// <summary>The number before the slash, as written without leading blanks; null when left blank.</summary>
    public string? Number { get; init; }

    /// <summary>The symbol after the slash, e.g. <c>SCT-VP</c>, <c>TB-SCT</c>, <c>CT/TU</c>.</summary>
    public required string Symbol { get; init; }

    public DateOnly? Date { get; init; }

    /// <summary>What joins number and symbol: '/' for state documents, '-' for party ones ("09-CT/TU").</summary>
    public char Separator { get; init; } = '/';

    public string Reference => Number is null ? "/" + Symbol : Number + Separator + Symbol;
}

/// <summary>A place-and-date line such as <c>Quảng Ngãi, ngày 27 tháng 10 năm 2021</c>.</summary>
public sealed record PlaceDate
{
    public required string Place { get; init; }
    public DateOnly? Date { get; init; }
    public int? Year { get; init; }
}

public sealed record ReportHeader
{
    /// <summary>The issuing-body block's lines as written, top to bottom ("UBND TỈNH QUẢNG NGÃI", "SỞ CÔNG THƯƠNG").</summary>
    public IReadOnlyList<string> IssuingBody { get; init; } = [];

    /// <summary>The body above the issuer in the block ("UBND TỈNH QUẢNG NGÃI"); null when the issuer stands alone.</summary>
    public string? GoverningBody { get; init; }

    /// <summary>
    /// The issuer named in the block, lines of one name joined ("ỦY BAN NHÂN DÂN" / "HUYỆN SƠN TỊNH" →
    /// "ỦY BAN NHÂN DÂN HUYỆN SƠN TỊNH"); null when the file has no issuing-body block.
    /// </summary>
    public string? IssuingBodyLine { get; init; }

    public Citation? Number { get; init; }
    public PlaceDate? PlaceDate { get; init; }
    public string? Subject { get; init; }
    public IReadOnlyList<string> Recipients { get; init; } = [];
    public Citation? RequestCited { get; init; }
    public IReadOnlyList<string> Signer { get; init; } = [];
    public string? SignerName { get; init; }

    /// <summary>Values of ReportHub's own labelled cells in a generated template, e.g. unitCode and roundCode.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Where each header part was read (A1): "issuingBody" (the issuer's first line), "governingBody", "number",
    /// "placeDate", "request", and each label key,
    /// so that a message about whose report or which round it is can point at the cell to fix.
    /// </summary>
    public IReadOnlyDictionary<string, string> Cells { get; init; } = new Dictionary<string, string>();
}

public sealed record NarrativeSection
{
    public required string Key { get; init; }
    public required string Heading { get; init; }
    public required string Text { get; init; }
    public bool IsEmpty { get; init; }
}

public sealed record ParsedReport
{
    public required string TemplateId { get; init; }
    public required string Sheet { get; init; }
    public required ReportHeader Header { get; init; }
    public IReadOnlyList<NarrativeSection> Narratives { get; init; } = [];

    /// <summary>The version of <see cref="TemplateId"/> the file was read with.</summary>
    public int TemplateVersion { get; init; } = 1;

    /// <summary>Every table section's rows, typed by the template's columns, by section key.</summary>
    public IReadOnlyDictionary<string, ParsedTable> Tables { get; init; } = new Dictionary<string, ParsedTable>();

    /// <summary>
    /// The submission's value of each template measure, by measure key, computed once at parse time so that rollups
    /// add stored figures and never re-read rows. A measure the report has no value for is absent, never 0.
    /// Indicators are not here: they are ratios of aggregated measures.
    /// </summary>
    public IReadOnlyDictionary<string, decimal> Figures { get; init; } = new Dictionary<string, decimal>();
}
