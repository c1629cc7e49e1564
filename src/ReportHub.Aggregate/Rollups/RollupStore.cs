using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using ReportHub.Warehouse.Connections;
using ReportHub.Warehouse.Submissions;

namespace ReportHub.Aggregate.Rollups;

/// <summary>
/// The SQL behind a round's rollups. Figures come from <c>figures</c>, written at ingest: no rollup re-reads a
/// table's rows to count them. Only each unit's current accepted submission counts: not its superseded versions, rejections or duplicates.
/// </summary>
public sealed class RollupStore(Db db)
{
    // One row per expected unit and measure of its current submission; a unit without one comes once, with no measure.
    // Only the units the round expects count: a report from any other unit is refused at ingest, and one stored before
    // that rule (or before the unit was taken off the round) stays in history but out of the totals. Every step is an
    // index lookup driven by the round's units: the current submission through ux_submissions_current (unit_code,
    // round_code), the first accepted receipt through ix_submissions_unit_round and the figures through their primary
    // key, so the cost follows the round's units and not the warehouse's submissions. status = 'current' is only
    // ever set on accepted submissions. The review is the current submission's latest, through ix_reviews_submission.
    private const string UnitFigures = """
        SELECT u.code AS Code, u.name AS Name, u.type AS Type,
               s.id AS SubmissionId, s.template_id AS TemplateId, s.template_version AS TemplateVersion,
               s.received_at AS CurrentReceived,
               (SELECT MIN(a.received_at) FROM submissions a
                 WHERE a.unit_code = u.code AND a.round_code = @Round AND a.outcome = 'accepted') AS FirstReceived,
               rv.state AS ReviewState, rv.comment AS ReviewComment, rv.actor AS ReviewBy, rv.at AS ReviewAt,
               f.measure_key AS MeasureKey, f.value AS Value
        FROM round_units ru
        JOIN units u ON u.code = ru.unit_code
        LEFT JOIN submissions s ON s.unit_code = u.code AND s.round_code = @Round AND s.status = 'current'
        LEFT JOIN reviews rv ON rv.id = (SELECT MAX(x.id) FROM reviews x WHERE x.submission_id = s.id)
        LEFT JOIN figures f ON f.submission_id = s.id
        WHERE ru.round_code = @Round
        ORDER BY u.code
        """;

    private const string CurrentNarratives = """
        SELECT s.unit_code AS Unit, u.name AS UnitName, n.section AS Section, n.heading AS Heading, n.text AS Text
        FROM narratives n
        JOIN submissions s ON s.id = n.submission_id
        JOIN units u ON u.code = s.unit_code
        WHERE s.round_code = @Round AND s.status = 'current' AND n.is_empty = 0
          AND s.unit_code IN (SELECT ru.unit_code FROM round_units ru WHERE ru.round_code = @Round)
        ORDER BY s.unit_code, n.section
        """;

    // Rows come back in the order they were written, so the export shows each unit's table as the unit wrote it.
    private const string CurrentTableRows = """
        SELECT s.unit_code AS Unit, u.name AS UnitName, t.section_key AS Section, t.seq AS Seq, t.row_values AS RowValues
        FROM table_rows t
        JOIN submissions s ON s.id = t.submission_id
        JOIN units u ON u.code = s.unit_code
        WHERE s.round_code = @Round AND s.status = 'current'
          AND s.unit_code IN (SELECT ru.unit_code FROM round_units ru WHERE ru.round_code = @Round)
        ORDER BY s.unit_code, t.section_key, t.seq
        """;

    // Everything a round's rollups are computed from, in a few cheap aggregates: a new submission (accepted, rejected or
    // replayed) raises the highest id, a review raises the highest review id, an older version reinstated changes which ids are current, a round edited, closed or re-planned changes its own row or its units, and a
    // unit renamed or retyped by a reference load changes the registry's text. The registry is a few dozen rows
    // (a province's departments and districts), read whole as one value; the rest are primary-key lookups.
    private const string StampHead = """
        SELECT r.title AS Title, r.deadline AS Deadline, r.request_document AS RequestDocument, r.closed AS Closed,
               r.template_id AS TemplateId, r.template_version AS TemplateVersion, r.expected AS Expected,
               (SELECT COUNT(*) FROM round_units ru WHERE ru.round_code = r.code) AS ExpectedUnits,
               (SELECT MAX(s.id) FROM submissions s) AS LastSubmission,
               (SELECT SUM(c.id) FROM submissions c WHERE c.round_code = r.code AND c.status = 'current') AS CurrentVersions,
               (SELECT COUNT(*) FROM templates) AS Templates,
               (SELECT MAX(v.id) FROM reviews v) AS LastReview,

        """;

    private const string StampTail = """

        FROM rounds r WHERE r.code = @Round
        """;

    // The registry as one text, each unit's code, name and type; the aggregate differs by dialect. SQLite's is in
    // table order, which only a change to the table (or a VACUUM) reorders: sorting would double the stamp's cost, and
    // a reordering costs no more than one recomputation.
    private const string RegistrySqlite = """
               (SELECT group_concat(g.code || char(31) || g.name || char(31) || g.type, char(30)) FROM units g) AS Registry
        """;

    private const string RegistryPostgres = """
               (SELECT string_agg(g.code || chr(31) || g.name || chr(31) || g.type, chr(30) ORDER BY g.code) FROM units g) AS Registry
        """;

    private const string RegistrySqlServer = """
               (SELECT STRING_AGG(CAST(g.code + NCHAR(31) + g.name + NCHAR(31) + g.type AS nvarchar(max)), NCHAR(30))
                  WITHIN GROUP (ORDER BY g.code) FROM units g) AS Registry
        """;

    private readonly string _stamp = db.Provider switch
    {
        WarehouseProvider.Postgres => StampHead + RegistryPostgres + StampTail,
        WarehouseProvider.SqlServer => StampHead + RegistrySqlServer + StampTail,
        _ => StampHead + RegistrySqlite + StampTail,
    };

    /// <summary>
    /// A short fingerprint of the state the round's rollups depend on; null for an unknown round. Equal fingerprints
    /// mean equal totals and unit rows, so the API can answer 304 and the service can serve a computed rollup again.
    /// </summary>
    public async Task<string?> StampAsync(string round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(_stamp, new { Round = round }, cancellationToken: cancellationToken));
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        // Runs on every rollup request: the values are hashed as they are read, with no row object or joined text.
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, round);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var value = reader.GetValue(i);
            Append(hash, value is DBNull ? null : Convert.ToString(value, CultureInfo.InvariantCulture));
        }
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return Convert.ToHexStringLower(digest[..12]);
    }

    // Each value is framed by its length (null as -1), so no two different rows hash the same text.
    private static void Append(IncrementalHash hash, string? value)
    {
        Span<byte> length = stackalloc byte[sizeof(int)];
        if (value is null)
        {
            BinaryPrimitives.WriteInt32LittleEndian(length, -1);
            hash.AppendData(length);
            return;
        }
        var count = Encoding.UTF8.GetByteCount(value);
        BinaryPrimitives.WriteInt32LittleEndian(length, count);
        hash.AppendData(length);
        var rented = count <= 512 ? null : ArrayPool<byte>.Shared.Rent(count);
        Span<byte> buffer = rented is null ? stackalloc byte[512] : rented;
        try
        {
            var written = Encoding.UTF8.GetBytes(value, buffer);
            hash.AppendData(buffer[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Every expected unit in code order, with its current submission's figures (empty when it has none).</summary>
    public async Task<IReadOnlyList<UnitFiguresRow>> UnitsAsync(string round, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<UnitFigureRow>(new CommandDefinition(UnitFigures, new { Round = round }, cancellationToken: cancellationToken));
        var units = new List<UnitFiguresRow>();
        var figures = new List<KeyValuePair<string, decimal>>();
        UnitFigureRow? unit = null;
        foreach (var row in rows)
        {
            if (unit is not null && unit.Code != row.Code)
            {
                units.Add(unit.ToUnit(figures));
                figures.Clear();
            }
            unit = row;
            if (row.MeasureKey is not null && row.Value is not null)
            {
                figures.Add(KeyValuePair.Create(row.MeasureKey, StoredFigure.ToDecimal(row.Value)));
            }
        }
        if (unit is not null)
        {
            units.Add(unit.ToUnit(figures));
        }
        return units;
    }

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
