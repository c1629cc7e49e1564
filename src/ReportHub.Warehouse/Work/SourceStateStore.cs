using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Data.SqlClient;
using ReportHub.Warehouse.Connections;
using ReportHub.Warehouse.Submissions;

namespace ReportHub.Warehouse.Work;

public static class SourceOutcomes
{
    public const string NotModified = "not-modified";
    public const string Unchanged = "unchanged";
    public const string Failed = "failed";
    public const string CircuitOpen = "circuit-open";
}

/// <summary>What the warehouse remembers of one HTTP source.</summary>
public sealed record SourceState
{
    public required string SourceKey { get; init; }
    public required string Url { get; init; }
    public string? UnitCode { get; init; }
    public string? RoundCode { get; init; }
    public string? Etag { get; init; }
    public string? LastModified { get; init; }
    public string? ContentSha256 { get; init; }
    public string? PendingSha256 { get; init; }
    public string? PendingAt { get; init; }
    public string? LastCheckedAt { get; init; }
    public string? LastSuccessAt { get; init; }
    public string? LastOutcome { get; init; }
    public string? LastError { get; init; }
    public long? SubmissionId { get; init; }
    public int Failures { get; init; }
}

/// <summary>What one poll of a source ended with.</summary>
public sealed record SourcePollRecord
{
    public required bool Success { get; init; }
    public required string Outcome { get; init; }
    public string? Error { get; init; }
    public string? Etag { get; init; }
    public string? LastModified { get; init; }
    public string? ContentSha256 { get; init; }
    public long? SubmissionId { get; init; }
}

/// <summary>
/// The validators (ETag, Last-Modified), the last outcome and a polling lease of each HTTP source, so that
/// several workers poll a source once per interval between them and a restart does not fetch everything again.
/// </summary>
public sealed class SourceStateStore(Db db)
{
    private const string Columns = """
        source_key AS SourceKey, url AS Url, unit_code AS UnitCode, round_code AS RoundCode, etag AS Etag,
        last_modified AS LastModified, content_sha256 AS ContentSha256, pending_sha256 AS PendingSha256,
        pending_at AS PendingAt, last_checked_at AS LastCheckedAt, last_success_at AS LastSuccessAt,
        last_outcome AS LastOutcome, last_error AS LastError, submission_id AS SubmissionId, failures AS Failures
        """;

    private const string EnsurePostgres = """
        INSERT INTO source_state (source_key, url, unit_code, round_code) VALUES (@Key, @Url, @Unit, @Round)
        ON CONFLICT (source_key) DO UPDATE SET unit_code = EXCLUDED.unit_code, round_code = EXCLUDED.round_code
        """;

    private const string EnsureSqlite = """
        INSERT INTO source_state (source_key, url, unit_code, round_code) VALUES (@Key, @Url, @Unit, @Round)
        ON CONFLICT (source_key) DO UPDATE SET unit_code = excluded.unit_code, round_code = excluded.round_code
        """;

    private const string EnsureSqlServer = """
        IF NOT EXISTS (SELECT 1 FROM source_state WITH (UPDLOCK, HOLDLOCK) WHERE source_key = @Key)
            INSERT INTO source_state (source_key, url, unit_code, round_code) VALUES (@Key, @Url, @Unit, @Round)
        ELSE
            UPDATE source_state SET unit_code = @Unit, round_code = @Round WHERE source_key = @Key
        """;

    // Due sources are free to anyone; a forced poll (watch --drain) does not wait for the interval. A poll in
    // progress is left alone until its lease runs out (its worker died).
    private const string Lease = """
        UPDATE source_state SET owner = @Owner, polling = 1, lease_until = @Lease
        WHERE source_key = @Key
          AND ((polling = 0 AND (@Force = 1 OR next_due IS NULL OR next_due <= @Now)) OR (polling = 1 AND lease_until < @Now) OR owner = @Owner)
        """;

    private const string Release = """
        UPDATE source_state SET polling = 0, next_due = @NextDue, lease_until = NULL WHERE source_key = @Key AND owner = @Owner
        """;

    private const string SetPending = "UPDATE source_state SET pending_sha256 = @Sha, pending_at = @At WHERE source_key = @Key";

    private const string RecordSuccess = """
        UPDATE source_state SET etag = @Etag, last_modified = @LastModified,
            content_sha256 = COALESCE(@ContentSha256, content_sha256), submission_id = COALESCE(@SubmissionId, submission_id),
            pending_sha256 = NULL, pending_at = NULL, last_checked_at = @Now, last_success_at = @Now,
            last_outcome = @Outcome, last_error = NULL, failures = 0
        WHERE source_key = @Key
        """;

    private const string RecordFailure = """
        UPDATE source_state SET last_checked_at = @Now, last_outcome = @Outcome, last_error = @Error, failures = failures + 1
        WHERE source_key = @Key
        """;

    public static string KeyOf(string url) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)));

    public async Task EnsureAsync(string url, string? unit, string? round, CancellationToken cancellationToken)
    {
        var sql = db.Provider switch
        {
            WarehouseProvider.Postgres => EnsurePostgres,
            WarehouseProvider.SqlServer => EnsureSqlServer,
            _ => EnsureSqlite,
        };
        await using var connection = await db.OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, new { Key = KeyOf(url), Url = url, Unit = unit, Round = round }, cancellationToken: cancellationToken));
        }
        catch (SqlException ex) when (ex.Number is 2627 or 2601)
        {
            // Another worker created the row at the same moment.
        }
    }

    /// <summary>Takes the right to poll the source now; false when another worker polls it or it is not due.</summary>
    public async Task<bool> TryLeaseAsync(string url, string owner, DateTimeOffset now, TimeSpan lease, bool force, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(Lease, new
        {
            Key = KeyOf(url),
            Owner = owner,
            Now = Instant(now),
            Lease = Instant(now + lease),
            Force = force ? 1 : 0,
        }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task ReleaseAsync(string url, string owner, DateTimeOffset nextDue, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Release, new { Key = KeyOf(url), Owner = owner, NextDue = Instant(nextDue) }, cancellationToken: cancellationToken));
    }

    public async Task<SourceState?> GetAsync(string url, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<SourceState>(new CommandDefinition(
            $"SELECT {Columns} FROM source_state WHERE source_key = @Key", new { Key = KeyOf(url) }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<SourceState>> AllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<SourceState>(new CommandDefinition(
            $"SELECT {Columns} FROM source_state ORDER BY url", cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>Notes the bytes about to be ingested and the instant they are stamped with, before ingesting them.</summary>
    public async Task SetPendingAsync(string url, string sha256, string receivedAt, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(SetPending, new { Key = KeyOf(url), Sha = sha256, At = receivedAt }, cancellationToken: cancellationToken));
    }

    public async Task RecordAsync(string url, SourcePollRecord record, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var error = record.Error is { Length: > 2000 } e ? e[..2000] : record.Error;
        await connection.ExecuteAsync(new CommandDefinition(record.Success ? RecordSuccess : RecordFailure, new
        {
            Key = KeyOf(url),
            Now = Instant(now),
            record.Outcome,
            Error = error,
            record.Etag,
            record.LastModified,
            record.ContentSha256,
            record.SubmissionId,
        }, cancellationToken: cancellationToken));
    }

    private static string Instant(DateTimeOffset value) => SubmissionStore.Instant(value);
}
