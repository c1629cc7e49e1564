using System.Data;
using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using ReportHub.Core.Issues;
using ReportHub.Warehouse.Connections;
using ReportHub.Core.Measures;

namespace ReportHub.Warehouse.Submissions;

/// <summary>Received files, their outcomes and their rows. One file is written in one transaction.</summary>
public sealed class SubmissionStore(Db db)
{
    /// <summary>
    /// A file with more table rows than this takes the engine's bulk path (binary COPY on PostgreSQL, SqlBulkCopy on
    /// SQL Server); smaller files take batched inserts. SQLite always binds its rows into one prepared statement.
    /// </summary>
    public const int BulkRowThreshold = 500;

    private const string SubmissionColumns = """
        id AS Id, file_sha256 AS FileSha256, file_name AS FileName, file_size AS FileSize, source AS Source,
        received_at AS ReceivedAt, outcome AS Outcome, status AS Status, unit_code AS UnitCode, round_code AS RoundCode,
        parser_version AS ParserVersion, template_id AS TemplateId, template_version AS TemplateVersion, sheet AS Sheet,
        doc_number AS DocNumber, doc_date AS DocDate, signer AS Signer,
        duplicate_of AS DuplicateOf, supersedes AS Supersedes, replay_of AS ReplayOf,
        CASE WHEN EXISTS (SELECT 1 FROM files f WHERE f.sha256 = submissions.file_sha256 AND f.kept = 0) THEN 0 ELSE 1 END AS FileKept
        """;

    // Only accepted bytes make a duplicate: a file rejected because the round was not yet set up may simply be sent again.
    private const string FirstByHash = """
        SELECT MIN(id) FROM submissions WHERE file_sha256 = @Sha AND outcome = 'accepted'
        """;

    private const string SelectById = $"SELECT {SubmissionColumns} FROM submissions WHERE id = @Id";

    // Two statements rather than "@Round IS NULL OR ...": PostgreSQL cannot type a parameter that is only ever null.
    private const string SelectVersions = $"""
        SELECT {SubmissionColumns} FROM submissions
        WHERE unit_code = @Unit
        ORDER BY id
        """;

    private const string SelectVersionsOfRound = $"""
        SELECT {SubmissionColumns} FROM submissions
        WHERE unit_code = @Unit AND round_code = @Round
        ORDER BY id
        """;

    // Replays start from the files as first received, never from earlier replays.
    // A file whose bytes were not kept (too large) has nothing to replay.
    private const string SelectAllIds = """
        SELECT s.id FROM submissions s
        WHERE s.outcome <> 'duplicate' AND s.replay_of IS NULL
          AND EXISTS (SELECT 1 FROM files f WHERE f.sha256 = s.file_sha256 AND f.kept = 1)
        ORDER BY s.id
        """;

    // A rejected file whose bytes have since been accepted (on replay or sent again) has nothing left to replay.
    private const string SelectRejectedIds = """
        SELECT s.id FROM submissions s
        WHERE s.outcome = 'rejected' AND s.replay_of IS NULL
          AND NOT EXISTS (SELECT 1 FROM submissions a WHERE a.file_sha256 = s.file_sha256 AND a.outcome = 'accepted')
          AND EXISTS (SELECT 1 FROM files f WHERE f.sha256 = s.file_sha256 AND f.kept = 1)
        ORDER BY s.id
        """;

    private const string SelectIssues = """
        SELECT severity AS Severity, code AS Code, sheet AS Sheet, cell AS Cell, location AS Location, message AS Message
        FROM issues WHERE submission_id = @Id ORDER BY seq
        """;

    private const string SelectFigures = """
        SELECT submission_id AS SubmissionId, measure_key AS MeasureKey, value AS Value FROM figures WHERE submission_id = @Id
        """;

    private const string SelectFiguresOfUnit = """
        SELECT f.submission_id AS SubmissionId, f.measure_key AS MeasureKey, f.value AS Value
        FROM figures f JOIN submissions s ON s.id = f.submission_id
        WHERE s.unit_code = @Unit
        """;

    private const string SelectFile = """
        SELECT f.content FROM files f JOIN submissions s ON s.file_sha256 = f.sha256 WHERE s.id = @Id AND f.kept = 1
        """;

    private const string CurrentOf = """
        SELECT id AS Id, received_at AS ReceivedAt FROM submissions
        WHERE unit_code = @Unit AND round_code = @Round AND status = 'current'
        """;

    private const string Supersede = "UPDATE submissions SET status = 'superseded' WHERE id = @Id";

    private const string CurrentOfRound = """
        SELECT id AS Id, unit_code AS Unit FROM submissions
        WHERE round_code = @Round AND status = 'current'
        ORDER BY unit_code, id
        """;

    // Only while it is still current: a newer file the unit sent meanwhile has already taken its place.
    private const string Withdraw = "UPDATE submissions SET status = 'superseded' WHERE id = @Id AND status = 'current'";

    private const string MarkWithdrawnBy = "UPDATE submissions SET supersedes = @Withdrawn WHERE id = @By AND supersedes IS NULL";
    private const string SelectCurrentOf = $"""
        SELECT {SubmissionColumns} FROM submissions
        WHERE unit_code = @Unit AND round_code = @Round AND status = 'current'
        """;

    // Only an accepted version that is not current may become current again; the condition is in the statement, so
    // a version another writer reinstated or superseded meanwhile is left alone and the transaction rolled back.
    private const string MakeCurrent = """
        UPDATE submissions SET status = 'current'
        WHERE id = @Id AND outcome = 'accepted' AND status = 'superseded'
        """;

    private const string InsertSubmissionValues = """
        (file_sha256, file_name, file_size, source, received_at, outcome, status, unit_code, round_code,
         parser_version, template_id, template_version, sheet, doc_number, doc_date, signer,
         duplicate_of, supersedes, replay_of)
        VALUES (@FileSha256, @FileName, @FileSize, @Source, @ReceivedAt, @Outcome, @Status, @UnitCode, @RoundCode,
         @ParserVersion, @TemplateId, @TemplateVersion, @Sheet, @DocNumber, @DocDate, @Signer,
         @DuplicateOf, @Supersedes, @ReplayOf)
        """;

    // SQLite and PostgreSQL share the upsert form. Bytes that were once too large to keep are kept when they come
    // again under a higher limit.
    private const string InsertFileSqlite = """
        INSERT INTO files (sha256, size, content, stored_at, kept) VALUES (@Sha, @Size, @Content, @StoredAt, @Kept)
        ON CONFLICT (sha256) DO UPDATE SET content = excluded.content, kept = 1
        WHERE files.kept = 0 AND excluded.kept = 1
        """;

    private const string InsertFileSqlServer = """
        IF NOT EXISTS (SELECT 1 FROM files WITH (UPDLOCK, HOLDLOCK) WHERE sha256 = @Sha)
            INSERT INTO files (sha256, size, content, stored_at, kept) VALUES (@Sha, @Size, @Content, @StoredAt, @Kept)
        ELSE IF @Kept = 1
            UPDATE files SET content = @Content, kept = 1 WHERE sha256 = @Sha AND kept = 0
        """;

    private static readonly RowColumn[] TableRowColumns =
    [
        new("submission_id", DbType.Int64), new("section_key", DbType.String), new("seq", DbType.Int32),
        new("cell", DbType.String), new("row_values", DbType.String),
    ];

    private static readonly RowColumn[] FigureColumns =
    [
        new("submission_id", DbType.Int64), new("measure_key", DbType.String), new("value", DbType.Decimal),
    ];

    // Microsoft.Data.Sqlite binds anything typed Decimal as text, which NUMERIC turns into a REAL when it has a
    // decimal point; untyped, a whole figure binds as an integer and stays exact (see FigureValue).
    private static readonly RowColumn[] SqliteFigureColumns =
    [
        new("submission_id", DbType.Int64), new("measure_key", DbType.String), new("value", DbType.Object),
    ];

    private static readonly RowColumn[] NarrativeColumns =
    [
        new("submission_id", DbType.Int64), new("section", DbType.String), new("heading", DbType.String),
        new("text", DbType.String), new("is_empty", DbType.Int32),
    ];

    private static readonly RowColumn[] IssueColumns =
    [
        new("submission_id", DbType.Int64), new("seq", DbType.Int32), new("severity", DbType.String), new("code", DbType.String),
        new("sheet", DbType.String), new("cell", DbType.String), new("message", DbType.String), new("location", DbType.String),
    ];

    public async Task<long?> FindAcceptedByHashAsync(string sha256, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(FirstByHash, new { Sha = sha256 }, cancellationToken: cancellationToken));
    }

    public async Task<SubmissionRecord?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SubmissionRecord>(new CommandDefinition(SelectById, new { Id = id }, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }
        var issues = await connection.QueryAsync<IssueRow>(new CommandDefinition(SelectIssues, new { Id = id }, cancellationToken: cancellationToken));
        var figures = await connection.QueryAsync<StoredFigure>(new CommandDefinition(SelectFigures, new { Id = id }, cancellationToken: cancellationToken));
        return row with { Issues = issues.Select(i => i.ToIssue()).ToList(), Figures = StoredFigure.ToFigures(figures) };
    }

    /// <summary>The original bytes; null when there is no such submission or its bytes were not kept (see <see cref="SubmissionRecord.FileKept"/>).</summary>
    public async Task<byte[]?> FileAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<byte[]?>(new CommandDefinition(SelectFile, new { Id = id }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<SubmissionRecord>> VersionsAsync(string unit, string? round, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var sql = round is null ? SelectVersions : SelectVersionsOfRound;
        var versions = await connection.QueryAsync<SubmissionRecord>(new CommandDefinition(sql, new { Unit = unit, Round = round }, cancellationToken: cancellationToken));
        var figures = (await connection.QueryAsync<StoredFigure>(new CommandDefinition(SelectFiguresOfUnit, new { Unit = unit }, cancellationToken: cancellationToken)))
            .ToLookup(f => f.SubmissionId);
        return versions.Select(v => v with { Figures = StoredFigure.ToFigures(figures[v.Id]) }).ToList();
    }

    /// <summary>Each unit's current accepted submission in the round, by unit code.</summary>
    public async Task<IReadOnlyList<(long Id, string Unit)>> CurrentOfRoundAsync(string round, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<(long Id, string Unit)>(new CommandDefinition(CurrentOfRound, new { Round = round }, cancellationToken: cancellationToken))];
    }

    /// <summary>
    /// Takes a current submission out of its round's figures because reading it again (<paramref name="by"/>, a
    /// rejected replay) refused it: it becomes superseded and the replay records which one it displaced. False when
    /// it was no longer current.
    /// </summary>
    public async Task<bool> WithdrawAsync(long current, long by, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition(Withdraw, new { Id = current }, tx, cancellationToken: cancellationToken)) == 0)
        {
            return false;
        }
        await connection.ExecuteAsync(new CommandDefinition(MarkWithdrawnBy, new { Withdrawn = current, By = by }, tx, cancellationToken: cancellationToken));
        await tx.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The version that counts now for a unit in a round, or null when it has none.</summary>
    public async Task<SubmissionRecord?> CurrentAsync(string unit, string round, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<SubmissionRecord>(new CommandDefinition(SelectCurrentOf,
            new { Unit = unit, Round = round }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Makes an older accepted version of its unit and round current again, and the version that was current
    /// superseded, in one transaction (the unique index keeps one current per unit and round). Returns the id of the
    /// version it replaced (null when the unit had none), or false in <c>Done</c> when the version is not a superseded
    /// accepted one any more.
    /// </summary>
    /// <exception cref="ConcurrentSubmissionException">Another writer made a version current first.</exception>
    public async Task<(bool Done, long? Replaced)> ReinstateAsync(SubmissionRecord version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        try
        {
            await using var connection = await db.OpenAsync(cancellationToken);
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            var current = await connection.QuerySingleOrDefaultAsync<CurrentRow>(new CommandDefinition(CurrentOf,
                new { Unit = version.UnitCode, Round = version.RoundCode }, tx, cancellationToken: cancellationToken));
            if (current is { } replaced)
            {
                await connection.ExecuteAsync(new CommandDefinition(Supersede, new { replaced.Id }, tx, cancellationToken: cancellationToken));
            }
            if (await connection.ExecuteAsync(new CommandDefinition(MakeCurrent, new { version.Id }, tx, cancellationToken: cancellationToken)) == 0)
            {
                await tx.RollbackAsync(cancellationToken);
                return (false, null);
            }
            await tx.CommitAsync(cancellationToken);
            return (true, current?.Id);
        }
        catch (DbException ex) when (ConcurrentSubmissionException.IsUniqueViolation(ex))
        {
            throw new ConcurrentSubmissionException(ex);
        }
    }

    public async Task<IReadOnlyList<long>> ReplayableAsync(bool onlyRejected, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<long>(new CommandDefinition(onlyRejected ? SelectRejectedIds : SelectAllIds, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>Stores the file and its outcome in one transaction; an accepted file supersedes the unit's current one.</summary>
    /// <exception cref="ConcurrentSubmissionException">Another writer committed the same bytes or unit first.</exception>
    public async Task<long> SaveAsync(NewSubmission submission, CancellationToken cancellationToken)
    {
        try
        {
            return await SaveOnceAsync(submission, cancellationToken);
        }
        catch (DbException ex) when (ConcurrentSubmissionException.IsUniqueViolation(ex))
        {
            throw new ConcurrentSubmissionException(ex);
        }
    }

    private async Task<long> SaveOnceAsync(NewSubmission submission, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await StoreFileAsync(connection, tx, submission, cancellationToken);

        long? superseded = null;
        var accepted = submission.Outcome == Outcomes.Accepted;
        var status = accepted ? VersionStatuses.Current : VersionStatuses.Rejected;
        if (accepted)
        {
            var current = await connection.QuerySingleOrDefaultAsync<CurrentRow>(new CommandDefinition(CurrentOf,
                new { Unit = submission.UnitCode, Round = submission.RoundCode }, tx, cancellationToken: cancellationToken));
            if (current is { } old && string.CompareOrdinal(old.ReceivedAt, Instant(submission.ReceivedAt)) > 0)
            {
                // A replayed older file takes its place in history; it does not displace the newer current one.
                status = VersionStatuses.Superseded;
            }
            else if (current is { } replaced)
            {
                superseded = replaced.Id;
                await connection.ExecuteAsync(new CommandDefinition(Supersede, new { replaced.Id }, tx, cancellationToken: cancellationToken));
            }
        }
        var report = accepted ? submission.Report : null;
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(db.InsertReturningId(InsertSubmissionValues, "submissions"), new
        {
            submission.FileSha256,
            submission.FileName,
            FileSize = submission.Size,
            submission.Source,
            ReceivedAt = Instant(submission.ReceivedAt),
            submission.Outcome,
            Status = status,
            submission.UnitCode,
            submission.RoundCode,
            submission.ParserVersion,
            TemplateId = submission.Report?.TemplateId,
            TemplateVersion = submission.Report?.TemplateVersion ?? 1,
            Sheet = submission.Report?.Sheet,
            DocNumber = submission.Report?.Header.Number?.Reference,
            DocDate = submission.Report?.Header.PlaceDate?.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Signer = submission.Report?.Header.SignerName,
            DuplicateOf = (long?)null,
            Supersedes = superseded,
            submission.ReplayOf,
        }, tx, cancellationToken: cancellationToken));

        if (report is not null)
        {
            await RowWriter.WriteAsync(db.Provider, connection, tx, "narratives", NarrativeColumns, report.Narratives, n =>
                [id, n.Key, n.Heading, n.Text, n.IsEmpty ? 1 : 0], cancellationToken);
            var tableRows = report.Tables.Values
                .SelectMany(t => t.Rows.Select((row, index) => (t.Section, Seq: index + 1, Row: row))).ToList();
            await WriteRowsAsync(connection, tx, "table_rows", TableRowColumns, tableRows, (r, row) => row
                .Int64(id).Text(r.Section).Int32(r.Seq).Text(r.Row.Cell).Json(r.Row.Values), cancellationToken);
            await RowWriter.WriteAsync(db.Provider, connection, tx, "figures",
                db.Provider == WarehouseProvider.Sqlite ? SqliteFigureColumns : FigureColumns, report.Figures, f =>
                [id, f.Key, FigureValue(f.Value)], cancellationToken);
        }
        var seq = 0;
        await RowWriter.WriteAsync(db.Provider, connection, tx, "issues", IssueColumns, submission.Issues, i =>
            [id, ++seq, i.Severity == Severity.Error ? "error" : "warning", i.Code, i.Sheet, i.Cell, i.Message, i.Location], cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>Records that the same bytes came again. Nothing else changes.</summary>
    public async Task<long> RecordDuplicateAsync(SubmissionRecord original, string fileName, string source, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(db.InsertReturningId(InsertSubmissionValues, "submissions"), new
        {
            original.FileSha256,
            FileName = fileName,
            original.FileSize,
            Source = source,
            ReceivedAt = Instant(receivedAt),
            Outcome = Outcomes.Duplicate,
            Status = VersionStatuses.Duplicate,
            original.UnitCode,
            original.RoundCode,
            original.ParserVersion,
            original.TemplateId,
            original.TemplateVersion,
            original.Sheet,
            original.DocNumber,
            original.DocDate,
            original.Signer,
            DuplicateOf = (long?)original.Id,
            Supersedes = (long?)null,
            ReplayOf = (long?)null,
        }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// SQLite binds every row straight into one prepared statement (<see cref="SqliteRowSink"/>); on the server
    /// dialects large row sets take the engine's bulk path and the rest <see cref="RowWriter"/>'s batched INSERTs.
    /// </summary>
    private async Task WriteRowsAsync<T>(DbConnection connection, DbTransaction tx, string table, IReadOnlyList<RowColumn> columns,
        IReadOnlyList<T> rows, Action<T, RowSink> fill, CancellationToken cancellationToken)
    {
        if (connection is SqliteConnection sqlite)
        {
            SqliteRowSink.Write(sqlite, (SqliteTransaction)tx, table, columns, rows, fill, cancellationToken);
            return;
        }
        using var sink = new ObjectRowSink(table, columns);
        if (db.HasBulkPath && BulkRowWriter.IsBulk(rows.Count))
        {
            await BulkRowWriter.WriteAsync(connection, tx, table, columns, rows, sink.Values(fill), cancellationToken);
        }
        else
        {
            await RowWriter.WriteAsync(db.Provider, connection, tx, table, columns, rows, sink.Values(fill), cancellationToken);
        }
    }

    /// <summary>
    /// SQLite is handed a whole figure as an integer, which its NUMERIC column keeps exact (a decimal parameter
    /// arrives as text such as "9223372036854775807.0" and would be kept as an approximate REAL).
    /// </summary>
    private object FigureValue(decimal value) =>
        db.Provider == WarehouseProvider.Sqlite && decimal.Truncate(value) == value && value is >= long.MinValue and <= long.MaxValue
            ? (object)(long)value
            : (object)RowValuesJson.Normalise(value);

    private async Task StoreFileAsync(DbConnection connection, DbTransaction tx, NewSubmission submission, CancellationToken cancellationToken)
    {
        var sql = db.Provider == WarehouseProvider.SqlServer ? InsertFileSqlServer : InsertFileSqlite;
        await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            Sha = submission.FileSha256,
            Size = submission.Size,
            Content = submission.KeepContent ? submission.Content.ToArray() : [],
            StoredAt = Instant(DateTimeOffset.UtcNow),
            Kept = submission.KeepContent ? 1 : 0,
        }, tx, cancellationToken: cancellationToken));
    }

    public static string Instant(DateTimeOffset value) => InstantHandler.Format(value);

    public static DateTimeOffset ParseInstant(string value) => InstantHandler.Parse(value);

    private sealed record CurrentRow
    {
        public long Id { get; init; }
        public required string ReceivedAt { get; init; }
    }

    private sealed record IssueRow
    {
        public required string Severity { get; init; }
        public required string Code { get; init; }
        public string? Sheet { get; init; }
        public string? Cell { get; init; }
        public string? Location { get; init; }
        public required string Message { get; init; }

        public Issue ToIssue() => new()
        {
            Location = Location,
            Severity = Severity == "error" ? Core.Issues.Severity.Error : Core.Issues.Severity.Warning,
            Code = Code,
            Sheet = Sheet,
            Cell = Cell,
            Message = Message,
        };
    }
}
