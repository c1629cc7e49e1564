using System.Data.Common;
using Dapper;
using Microsoft.Data.SqlClient;
using ReportHub.Warehouse.Connections;
using ReportHub.Warehouse.Submissions;

namespace ReportHub.Warehouse.Work;

public static class ClaimStates
{
    public const string Working = "working";
    public const string Done = "done";
    public const string Free = "free";
}

/// <summary>The claim row as a worker found it just before it took the claim over.</summary>
public sealed record PreviousClaim
{
    public required string Path { get; init; }
    public required string Owner { get; init; }
    public required string State { get; init; }
    public required string ClaimedAt { get; init; }
    public required string LeaseUntil { get; init; }

    /// <summary>The claim belonged to a worker that died (or stalled) while it held it.</summary>
    public bool Abandoned => State == ClaimStates.Working;
}

public sealed record Claim
{
    public required string Key { get; init; }
    public required string Owner { get; init; }
    public required DateTimeOffset ClaimedAt { get; init; }
    public PreviousClaim? Previous { get; init; }
}

/// <summary>
/// Claims with leases, one per content SHA-256, so that each set of bytes is ingested by one worker at a time
/// across processes and machines. PostgreSQL takes over with <c>FOR UPDATE SKIP LOCKED</c>, SQL Server with
/// <c>UPDLOCK, READPAST</c>; SQLite has one worker at a time anyway (<see cref="WorkerLock"/>) and uses an
/// immediate transaction.
/// </summary>
public sealed class ClaimStore(Db db)
{
    private const string Columns = "path AS Path, owner AS Owner, state AS State, claimed_at AS ClaimedAt, lease_until AS LeaseUntil";

    private const string InsertPostgres = """
        INSERT INTO work_claims (claim_key, path, owner, state, claimed_at, lease_until, attempts)
        VALUES (@Key, @Path, @Owner, 'working', @Now, @Lease, 1) ON CONFLICT (claim_key) DO NOTHING
        """;

    private const string InsertSqlite = """
        INSERT OR IGNORE INTO work_claims (claim_key, path, owner, state, claimed_at, lease_until, attempts)
        VALUES (@Key, @Path, @Owner, 'working', @Now, @Lease, 1)
        """;

    private const string InsertSqlServer = """
        INSERT INTO work_claims (claim_key, path, owner, state, claimed_at, lease_until, attempts)
        SELECT @Key, @Path, @Owner, 'working', @Now, @Lease, 1
        WHERE NOT EXISTS (SELECT 1 FROM work_claims WITH (UPDLOCK, HOLDLOCK) WHERE claim_key = @Key)
        """;

    private const string Claimable = "claim_key = @Key AND (state <> 'working' OR lease_until < @Now)";

    private const string LockPostgres = $"SELECT {Columns} FROM work_claims WHERE {Claimable} FOR UPDATE SKIP LOCKED";

    private const string LockSqlServer = $"SELECT {Columns} FROM work_claims WITH (UPDLOCK, READPAST, ROWLOCK) WHERE {Claimable}";

    private const string LockSqlite = $"SELECT {Columns} FROM work_claims WHERE {Claimable}";

    private const string TakeOver = """
        UPDATE work_claims SET path = @Path, owner = @Owner, state = 'working', claimed_at = @Now, lease_until = @Lease,
            attempts = attempts + 1, finished_at = NULL, outcome = NULL, submission_id = NULL
        WHERE claim_key = @Key
        """;

    private const string Renew = "UPDATE work_claims SET lease_until = @Lease WHERE claim_key = @Key AND owner = @Owner AND state = 'working'";

    private const string Finish = """
        UPDATE work_claims SET state = @State, lease_until = @Now, finished_at = @Now, outcome = @Outcome, submission_id = @SubmissionId
        WHERE claim_key = @Key AND owner = @Owner AND claimed_at = @ClaimedAt
        """;

    private const string Recorded = """
        SELECT MIN(id) FROM submissions WHERE file_sha256 = @Sha AND file_name = @Name AND received_at = @At
        """;

    private const string Active = "SELECT COUNT(*) FROM work_claims WHERE state = 'working' AND lease_until >= @Now";

    /// <summary>Takes the claim on <paramref name="key"/> when nobody holds it or its holder's lease ran out.</summary>
    public async Task<Claim?> TryClaimAsync(string key, string path, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var args = new { Key = key, Path = path, Owner = owner, Now = Instant(now), Lease = Instant(now + lease) };
        var claim = new Claim { Key = key, Owner = owner, ClaimedAt = SubmissionStore.ParseInstant(args.Now) };
        await using var connection = await db.OpenAsync(cancellationToken);
        await using (var tx = await connection.BeginTransactionAsync(cancellationToken))
        {
            try
            {
                var inserted = await connection.ExecuteAsync(new CommandDefinition(InsertSql, args, tx, cancellationToken: cancellationToken));
                await tx.CommitAsync(cancellationToken);
                if (inserted == 1)
                {
                    return claim;
                }
            }
            catch (SqlException ex) when (ex.Number is 2627 or 2601)
            {
                // Another worker inserted the same key at the same moment: it holds the claim.
                return null;
            }
        }
        await using var takeover = await connection.BeginTransactionAsync(cancellationToken);
        var previous = await connection.QuerySingleOrDefaultAsync<PreviousClaim>(new CommandDefinition(LockSql, args, takeover, cancellationToken: cancellationToken));
        if (previous is null)
        {
            await takeover.RollbackAsync(cancellationToken);
            return null;
        }
        await connection.ExecuteAsync(new CommandDefinition(TakeOver, args, takeover, cancellationToken: cancellationToken));
        await takeover.CommitAsync(cancellationToken);
        return claim with { Previous = previous };
    }

    /// <summary>Extends the lease; false when the claim was lost (taken over after the lease ran out).</summary>
    public async Task<bool> RenewAsync(Claim claim, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(Renew,
            new { claim.Key, claim.Owner, Lease = Instant(leaseUntil) }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Marks the work done (<see cref="ClaimStates.Done"/>) or gives the claim back (<see cref="ClaimStates.Free"/>).</summary>
    public async Task FinishAsync(Claim claim, string state, string? outcome, long? submissionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Finish, new
        {
            claim.Key,
            claim.Owner,
            ClaimedAt = Instant(claim.ClaimedAt),
            State = state,
            Outcome = outcome,
            SubmissionId = submissionId,
            Now = Instant(now),
        }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// The submission a worker recorded for these bytes under this name at this instant, if it committed. Workers
    /// stamp each file with its claim's instant, so this finds work that a dead worker committed but did not finish.
    /// </summary>
    public async Task<long?> FindRecordedAsync(string sha256, string fileName, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        await FindRecordedAsync(sha256, fileName, Instant(receivedAt), cancellationToken);

    public async Task<long?> FindRecordedAsync(string sha256, string fileName, string receivedAt, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(Recorded,
            new { Sha = sha256, Name = fileName, At = receivedAt }, cancellationToken: cancellationToken));
    }

    /// <summary>Claims held right now by live workers.</summary>
    public async Task<int> ActiveCountAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(Active, new { Now = Instant(now) }, cancellationToken: cancellationToken));
    }

    private string InsertSql => db.Provider switch
    {
        WarehouseProvider.Postgres => InsertPostgres,
        WarehouseProvider.SqlServer => InsertSqlServer,
        _ => InsertSqlite,
    };

    private string LockSql => db.Provider switch
    {
        WarehouseProvider.Postgres => LockPostgres,
        WarehouseProvider.SqlServer => LockSqlServer,
        _ => LockSqlite,
    };

    public static string Instant(DateTimeOffset value) => SubmissionStore.Instant(value);
}
