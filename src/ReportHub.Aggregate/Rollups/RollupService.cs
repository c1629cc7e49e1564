using Dapper;
using ReportHub.Core.Domain;
using ReportHub.Warehouse.Connections;
using ReportHub.Warehouse.Reference;
using ReportHub.Warehouse.Submissions;

namespace ReportHub.Aggregate.Rollups;

/// <summary>
/// Round figures by CONTRACT §2: only each unit's current accepted submission counts, and timeliness comes from
/// the unit's first accepted receipt.
/// </summary>
public sealed class RollupService(Db db, ReferenceStore reference, TimeProvider clock)
{
    /// <summary>Deadlines are Vietnamese calendar days (UTC+7).</summary>
    public static readonly TimeSpan ProvinceOffset = TimeSpan.FromHours(7);

    private const string UnitRows = """
        SELECT u.code AS Code, u.name AS Name, u.type AS Type,
               s.id AS SubmissionId, s.directives AS Directives, s.qr_codes AS QrCodes, s.qr_scans AS QrScans,
               (SELECT MIN(f.received_at) FROM submissions f
                 WHERE f.unit_code = u.code AND f.round_code = @Round AND f.outcome = 'accepted') AS FirstReceived
        FROM units u
        LEFT JOIN submissions s ON s.unit_code = u.code AND s.round_code = @Round AND s.status = 'current'
        WHERE u.code IN (SELECT unit_code FROM round_units WHERE round_code = @Round) OR s.id IS NOT NULL
        ORDER BY u.code
        """;

    private const string CurrentDirectives = """
        SELECT s.unit_code AS Unit, u.name AS UnitName, d.ordinal AS Ordinal, d.content AS Content,
               d.doc_number AS DocumentNumber, d.doc_symbol AS DocumentSymbol, d.doc_date AS DocumentDate,
               d.citation_text AS CitationText, d.issuing_unit AS IssuingUnit, d.recipients AS Recipients
        FROM directives d
        JOIN submissions s ON s.id = d.submission_id
        JOIN units u ON u.code = s.unit_code
        WHERE s.round_code = @Round AND s.status = 'current'
        ORDER BY s.unit_code, d.ordinal
        """;

    private const string CurrentQrRows = """
        SELECT s.unit_code AS Unit, u.name AS UnitName, q.ordinal AS Ordinal, q.entity AS Entity,
               q.qr_codes AS QrCodes, q.qr_scans AS QrScans, q.note AS Note
        FROM qr_rows q
        JOIN submissions s ON s.id = q.submission_id
        JOIN units u ON u.code = s.unit_code
        WHERE s.round_code = @Round AND s.status = 'current'
        ORDER BY s.unit_code, q.ordinal
        """;

    private const string CurrentNarratives = """
        SELECT s.unit_code AS Unit, u.name AS UnitName, n.section AS Section, n.heading AS Heading, n.text AS Text
        FROM narratives n
        JOIN submissions s ON s.id = n.submission_id
        JOIN units u ON u.code = s.unit_code
        WHERE s.round_code = @Round AND s.status = 'current' AND n.is_empty = 0
        ORDER BY s.unit_code, n.section
        """;

    public static DateTimeOffset Cutoff(Round round) =>
        new DateTimeOffset(round.Deadline.AddDays(1).ToDateTime(TimeOnly.MinValue), ProvinceOffset);

    public async Task<IReadOnlyList<UnitStatus>?> UnitsAsync(string roundCode, CancellationToken cancellationToken)
    {
        var round = await reference.RoundAsync(roundCode, cancellationToken);
        return round is null ? null : await UnitsAsync(round, cancellationToken);
    }

    public async Task<IReadOnlyList<UnitStatus>> UnitsAsync(Round round, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<UnitRow>(new CommandDefinition(UnitRows, new { Round = round.Code }, cancellationToken: cancellationToken));
        var cutoff = Cutoff(round);
        return rows.Select(r =>
        {
            var received = r.FirstReceived is null ? (DateTimeOffset?)null : SubmissionStore.ParseInstant(r.FirstReceived).ToOffset(ProvinceOffset);
            var reported = r.SubmissionId is not null;
            return new UnitStatus
            {
                Unit = r.Code,
                Name = r.Name,
                Type = r.Type,
                Status = !reported || received is null ? UnitStatuses.Missing : received < cutoff ? UnitStatuses.OnTime : UnitStatuses.Late,
                ReceivedAt = reported ? received : null,
                SubmissionId = r.SubmissionId,
                Directives = r.Directives ?? 0,
                QrCodes = r.QrCodes ?? 0,
                QrScans = r.QrScans ?? 0,
            };
        }).ToList();
    }

    public async Task<RoundTotals?> TotalsAsync(string roundCode, CancellationToken cancellationToken)
    {
        var round = await reference.RoundAsync(roundCode, cancellationToken);
        return round is null ? null : Totals(round, await UnitsAsync(round, cancellationToken));
    }

    public static RoundTotals Totals(Round round, IReadOnlyList<UnitStatus> units) => new()
    {
        Round = round.Code,
        UnitsExpected = round.ExpectedUnits.Count,
        UnitsReported = units.Count(u => u.Status != UnitStatuses.Missing),
        UnitsOnTime = units.Count(u => u.Status == UnitStatuses.OnTime),
        UnitsLate = units.Count(u => u.Status == UnitStatuses.Late),
        UnitsMissing = units.Count(u => u.Status == UnitStatuses.Missing),
        // Saturating: a warehouse may hold figures stored before counts were bounded, and totals must still answer.
        Directives = Counts.Sum(units, u => u.Directives),
        QrCodes = Counts.Sum(units, u => u.QrCodes),
        QrScans = Counts.Sum(units, u => u.QrScans),
    };

    public async Task<ConsolidatedData?> ConsolidatedAsync(string roundCode, CancellationToken cancellationToken)
    {
        var round = await reference.RoundAsync(roundCode, cancellationToken);
        if (round is null)
        {
            return null;
        }
        var units = await UnitsAsync(round, cancellationToken);
        await using var connection = await db.OpenAsync(cancellationToken);
        var args = new { Round = round.Code };
        var directives = await connection.QueryAsync<DirectiveRow>(new CommandDefinition(CurrentDirectives, args, cancellationToken: cancellationToken));
        var qr = await connection.QueryAsync<UnitQrRow>(new CommandDefinition(CurrentQrRows, args, cancellationToken: cancellationToken));
        var narratives = await connection.QueryAsync<UnitNarrative>(new CommandDefinition(CurrentNarratives, args, cancellationToken: cancellationToken));
        return new ConsolidatedData
        {
            Round = round,
            Totals = Totals(round, units),
            Units = units,
            Directives = directives.Select(d => d.ToModel()).ToList(),
            QrRows = qr.ToList(),
            Narratives = narratives.ToList(),
            ProvinceHeading = "UBND TỈNH QUẢNG NGÃI",
            AuthorityHeading = "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
            GeneratedAt = clock.GetUtcNow().ToOffset(ProvinceOffset),
        };
    }

    private sealed record UnitRow
    {
        public required string Code { get; init; }
        public required string Name { get; init; }
        public required string Type { get; init; }
        public long? SubmissionId { get; init; }
        public long? Directives { get; init; }
        public long? QrCodes { get; init; }
        public long? QrScans { get; init; }
        public string? FirstReceived { get; init; }
    }

    private sealed record DirectiveRow
    {
        public required string Unit { get; init; }
        public required string UnitName { get; init; }
        public long Ordinal { get; init; }
        public required string Content { get; init; }
        public string? DocumentNumber { get; init; }
        public string? DocumentSymbol { get; init; }
        public string? DocumentDate { get; init; }
        public string? CitationText { get; init; }
        public string? IssuingUnit { get; init; }
        public string? Recipients { get; init; }

        public UnitDirective ToModel() => new()
        {
            Unit = Unit,
            UnitName = UnitName,
            Ordinal = (int)Ordinal,
            Content = Content,
            DocumentNumber = DocumentNumber,
            DocumentSymbol = DocumentSymbol,
            DocumentDate = ReferenceStore.ParseDate(DocumentDate),
            CitationText = CitationText,
            IssuingUnit = IssuingUnit,
            Recipients = (Recipients ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries),
        };
    }
}
