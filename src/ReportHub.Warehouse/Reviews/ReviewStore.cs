using Dapper;
using ReportHub.Warehouse.Connections;
using ReportHub.Warehouse.Submissions;

namespace ReportHub.Warehouse.Reviews;

/// <summary>The review states a submission can be set to; a submission never reviewed is <see cref="Pending"/>.</summary>
public static class ReviewStates
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Returned = "returned";

    public static readonly IReadOnlyList<string> All = [Pending, Approved, Returned];
}

/// <summary>A submission's review as the API shows it: <c>{state, comment, by, at}</c>; by and at are null while never reviewed.</summary>
public sealed record SubmissionReview
{
    public required string State { get; init; }
    public string? Comment { get; init; }

    /// <summary>The actor who set the state (<c>user:NAME</c>, <c>key:PREFIX</c>, <c>cli:OSUSER</c>).</summary>
    public string? By { get; init; }
    public DateTimeOffset? At { get; init; }

    public static SubmissionReview None { get; } = new() { State = ReviewStates.Pending };

    /// <summary>The review from the columns a query read (null state: never reviewed).</summary>
    public static SubmissionReview Of(string? state, string? comment, string? by, string? at) => state is null
        ? None
        : new SubmissionReview { State = state, Comment = comment, By = by, At = at is null ? null : SubmissionStore.ParseInstant(at) };
}

/// <summary>A unit's current report that an analyst returned, with the comment the unit is to act on.</summary>
public sealed record ReturnedReport
{
    public required long SubmissionId { get; init; }
    public required long ReviewId { get; init; }
    public required string Unit { get; init; }
    public required string Round { get; init; }
    public required string FileName { get; init; }
    public required string ReceivedAt { get; init; }
    public string? Comment { get; init; }
    public required string By { get; init; }
    public required string At { get; init; }
}

/// <summary>Current reports of open rounds that no analyst has approved or returned yet, counted per round.</summary>
public sealed record AwaitingReview
{
    public required string Round { get; init; }
    public required long Count { get; init; }

    /// <summary>The newest of them: a notice about them is a new notice once another arrives.</summary>
    public required long LastSubmission { get; init; }
}

/// <summary>
/// Reviews of submissions, append-only (the latest row of a submission is its state), and the notices a person
/// dismissed. The review that counts for a unit and round is the one of its current submission.
/// </summary>
public sealed class ReviewStore(Db db)
{
    // The latest review row of a submission; the correlated MAX walks ix_reviews_submission.
    private const string Latest = """
        SELECT r.state AS State, r.comment AS Comment, r.actor AS Actor, r.at AS At
        FROM reviews r
        WHERE r.id = (SELECT MAX(x.id) FROM reviews x WHERE x.submission_id = @Id)
        """;

    // Written only while the submission is still the current version: the condition is in the statement, so a
    // version another upload superseded meanwhile is never reviewed by mistake.
    private const string Insert = """
        INSERT INTO reviews (submission_id, state, comment, actor, at)
        SELECT s.id, @State, @Comment, @Actor, @At FROM submissions s WHERE s.id = @Id AND s.status = 'current'
        """;

    private const string ApprovedCurrent = """
        SELECT s.id AS Id, s.file_sha256 AS Sha FROM submissions s
        JOIN reviews r ON r.id = (SELECT MAX(x.id) FROM reviews x WHERE x.submission_id = s.id)
        WHERE s.unit_code = @Unit AND s.round_code = @Round AND s.status = 'current' AND r.state = 'approved'
        """;

    private const string ReturnedOfUnit = """
        SELECT s.id AS SubmissionId, r.id AS ReviewId, s.unit_code AS Unit, s.round_code AS Round, s.file_name AS FileName,
               s.received_at AS ReceivedAt, r.comment AS Comment, r.actor AS By, r.at AS At
        FROM submissions s
        JOIN reviews r ON r.id = (SELECT MAX(x.id) FROM reviews x WHERE x.submission_id = s.id)
        WHERE s.unit_code = @Unit AND s.status = 'current' AND r.state = 'returned'
        ORDER BY r.at DESC, s.id DESC
        """;

    // Only the rounds' expected units: a report outside them never counts and is never waited for.
    private const string Awaiting = """
        SELECT s.round_code AS Round, COUNT(*) AS Count, MAX(s.id) AS LastSubmission
        FROM submissions s
        JOIN rounds o ON o.code = s.round_code AND o.closed = 0
        JOIN round_units ru ON ru.round_code = s.round_code AND ru.unit_code = s.unit_code
        WHERE s.status = 'current'
          AND NOT EXISTS (SELECT 1 FROM reviews r
                          WHERE r.id = (SELECT MAX(x.id) FROM reviews x WHERE x.submission_id = s.id) AND r.state <> 'pending')
        GROUP BY s.round_code
        ORDER BY s.round_code
        """;

    private const string SelectDismissed = "SELECT notice_key FROM notice_dismissals WHERE actor = @Actor";

    private const string DeleteDismissal = "DELETE FROM notice_dismissals WHERE actor = @Actor AND notice_key = @Key";

    private const string InsertDismissal = "INSERT INTO notice_dismissals (actor, notice_key, dismissed_at) VALUES (@Actor, @Key, @At)";

    /// <summary>The submission's review; <see cref="SubmissionReview.None"/> (pending) when it was never reviewed.</summary>
    public async Task<SubmissionReview> OfAsync(long submissionId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ReviewRow>(new CommandDefinition(Latest, new { Id = submissionId }, cancellationToken: cancellationToken));
        return row is null ? SubmissionReview.None : SubmissionReview.Of(row.State, row.Comment, row.Actor, row.At);
    }

    /// <summary>Records a review of a submission that is still current; false when it is not (any more).</summary>
    public async Task<bool> AddAsync(long submissionId, string state, string? comment, string actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var written = await connection.ExecuteAsync(new CommandDefinition(Insert, new
        {
            Id = submissionId,
            State = state,
            Comment = comment,
            Actor = actor,
            At = SubmissionStore.Instant(at),
        }, cancellationToken: cancellationToken));
        return written == 1;
    }

    /// <summary>The unit's current submission in the round when an analyst approved it (its id and hash); null otherwise.</summary>
    public async Task<(long Id, string Sha)?> ApprovedCurrentAsync(string unit, string round, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ApprovedRow>(new CommandDefinition(ApprovedCurrent,
            new { Unit = unit, Round = round }, cancellationToken: cancellationToken));
        return row is null ? null : (row.Id, row.Sha);
    }

    /// <summary>The unit's current reports whose latest review returned them, newest review first.</summary>
    public async Task<IReadOnlyList<ReturnedReport>> ReturnedAsync(string unit, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<ReturnedReport>(new CommandDefinition(ReturnedOfUnit, new { Unit = unit }, cancellationToken: cancellationToken))];
    }

    /// <summary>Per open round, the expected units' current reports still pending review.</summary>
    public async Task<IReadOnlyList<AwaitingReview>> AwaitingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<AwaitingReview>(new CommandDefinition(Awaiting, cancellationToken: cancellationToken))];
    }

    /// <summary>The keys of the notices the actor has dismissed.</summary>
    public async Task<IReadOnlySet<string>> DismissedAsync(string actor, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(SelectDismissed, new { Actor = actor }, cancellationToken: cancellationToken)))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Records that the actor closed a notice; closing it twice changes nothing.</summary>
    public async Task DismissAsync(string actor, string key, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(DeleteDismissal, new { Actor = actor, Key = key }, tx, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(InsertDismissal, new { Actor = actor, Key = key, At = SubmissionStore.Instant(at) }, tx,
            cancellationToken: cancellationToken));
        await tx.CommitAsync(cancellationToken);
    }

    private sealed record ReviewRow
    {
        public required string State { get; init; }
        public string? Comment { get; init; }
        public required string Actor { get; init; }
        public required string At { get; init; }
    }

    private sealed record ApprovedRow
    {
        public long Id { get; init; }
        public required string Sha { get; init; }
    }
}
