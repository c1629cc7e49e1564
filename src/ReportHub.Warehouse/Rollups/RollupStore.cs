using Dapper;
using ReportHub.Warehouse.Connections;

namespace ReportHub.Warehouse.Rollups;

/// <summary>
/// The SQL behind a round's rollups. Figures come from <c>figures</c>, written at ingest: no rollup re-reads a
/// table's rows to count them. Only each unit's current accepted submission counts (CONTRACT §2).
/// </summary>
public sealed class RollupStore(Db db)
{
    private const string UnitRows = """
        SELECT u.code AS Code, u.name AS Name, u.type AS Type,
               s.id AS SubmissionId, s.template_id AS TemplateId,
               (SELECT MIN(f.received_at) FROM submissions f
                 WHERE f.unit_code = u.code AND f.round_code = @Round AND f.outcome = 'accepted') AS FirstReceived
        FROM units u
        LEFT JOIN submissions s ON s.unit_code = u.code AND s.round_code = @Round AND s.status = 'current'
        WHERE u.code IN (SELECT unit_code FROM round_units WHERE round_code = @Round) OR s.id IS NOT NULL
        ORDER BY u.code
        """;

    // status = 'current' is only ever set on accepted submissions.
    private const string CurrentFigures = """
        SELECT f.submission_id AS SubmissionId, f.measure_key AS MeasureKey, f.value AS Value
        FROM figures f
        JOIN submissions s ON s.id = f.submission_id
        WHERE s.round_code = @Round AND s.status = 'current'
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

    // Rows come back in the order they were written, so the export shows each unit's table as the unit wrote it.
    private const string CurrentTableRows = """
        SELECT s.unit_code AS Unit, u.name AS UnitName, t.section_key AS Section, t.seq AS Seq, t.row_values AS RowValues
        FROM table_rows t
        JOIN submissions s ON s.id = t.submission_id
        JOIN units u ON u.code = s.unit_code
        WHERE s.round_code = @Round AND s.status = 'current'
        ORDER BY s.unit_code, t.section_key, t.seq
        """;

    // Everything a round's rollups are computed from, in a few cheap aggregates: a new submission (accepted, rejected or
    // replayed) raises the highest id, and a round edited, closed or re-planned changes its own row or its units.
    private const string Stamp = """
        SELECT r.title AS Title, r.deadline AS Deadline, r.request_document AS RequestDocument, r.closed AS Closed,
               r.template_id AS TemplateId, r.expected AS Expected,
               (SELECT COUNT(*) FROM round_units ru WHERE ru.round_code = r.code) AS ExpectedUnits,
               (SELECT MAX(s.id) FROM submissions s) AS LastSubmission,
               (SELECT COUNT(*) FROM units) AS Units,
               (SELECT COUNT(*) FROM templates) AS Templates
        FROM rounds r WHERE r.code = @Round
        """;

    /// <summary>
    /// A short fingerprint of the state the round's rollups depend on; null for an unknown round. Equal fingerprints
    /// mean equal totals and unit rows, so the API can answer 304 and the service can serve a computed rollup again.
    /// </summary>
    public async Task<string?> StampAsync(string round, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync(new CommandDefinition(Stamp, new { Round = round }, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }
        var fields = (IDictionary<string, object?>)row;
        var text = string.Join('\u001f', fields.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)));
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(round + '\u001e' + text));
        return Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }

    /// <summary>Every expected or reporting unit, with its current submission's figures (empty when it has none).</summary>
    public async Task<IReadOnlyList<UnitFiguresRow>> UnitsAsync(string round, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var args = new { Round = round };
        var units = await connection.QueryAsync<UnitFiguresRow>(new CommandDefinition(UnitRows, args, cancellationToken: cancellationToken));
        var figures = (await connection.QueryAsync<StoredFigure>(new CommandDefinition(CurrentFigures, args, cancellationToken: cancellationToken)))
            .ToLookup(f => f.SubmissionId);
        return units.Select(u => u with
        {
            Figures = u.SubmissionId is { } id
                ? StoredFigure.ToFigures(figures[id])
                : MeasureFigures.Empty,
        }).ToList();
    }

    public async Task<IReadOnlyList<CurrentDirectiveRow>> DirectivesAsync(string round, CancellationToken cancellationToken) =>
        await QueryAsync<CurrentDirectiveRow>(CurrentDirectives, round, cancellationToken);

    public async Task<IReadOnlyList<CurrentQrRow>> QrRowsAsync(string round, CancellationToken cancellationToken) =>
        await QueryAsync<CurrentQrRow>(CurrentQrRows, round, cancellationToken);

    public async Task<IReadOnlyList<CurrentNarrativeRow>> NarrativesAsync(string round, CancellationToken cancellationToken) =>
        await QueryAsync<CurrentNarrativeRow>(CurrentNarratives, round, cancellationToken);

    /// <summary>Every table row of each unit's current submission, its values as stored (<c>RowValuesJson</c>).</summary>
    public async Task<IReadOnlyList<CurrentTableRow>> TableRowsAsync(string round, CancellationToken cancellationToken) =>
        await QueryAsync<CurrentTableRow>(CurrentTableRows, round, cancellationToken);

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, string round, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<T>(new CommandDefinition(sql, new { Round = round }, cancellationToken: cancellationToken))).ToList();
    }
}
