using Dapper;
using ReportHub.Warehouse.Connections;

namespace ReportHub.Warehouse.Access;

/// <summary>The audit log: appended to on every state-changing action, read by admins.</summary>
public sealed class AuditStore(Db db)
{
    private const string InsertSql = """
        INSERT INTO audit_log (at, actor, action, target, detail) VALUES (@At, @Actor, @Action, @Target, @Detail)
        """;

    private const string SelectEntries = """
        SELECT at AS At, actor AS Actor, action AS Action, target AS Target, detail AS Detail
        FROM audit_log
        """;

    public async Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await db.OpenAsync(cancellationToken);
        // The instant as the ISO UTC text every dialect stores: handed over as a DateTimeOffset, Npgsql would send a
        // timestamptz that PostgreSQL writes into the text column in its own format, which the day filters cannot compare.
        var row = new { At = InstantHandler.Format(entry.At), entry.Actor, entry.Action, entry.Target, entry.Detail };
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, row, cancellationToken: cancellationToken));
    }

    /// <summary>The latest entries first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<AuditEntry>> RecentAsync(int limit, CancellationToken cancellationToken) =>
        (await SearchAsync(new AuditQuery { Limit = limit }, cancellationToken)).Entries;

    // Each filter adds its own constant clause, so the statement names only the parameters it uses: PostgreSQL
    // cannot type a parameter that is only ever compared with NULL.
    private const string WhereActor = """
        LOWER(actor) LIKE @Actor ESCAPE '\'
        """;

    private const string WhereAction = """
        action = @Action
        """;

    private const string WhereFrom = """
        at >= @From
        """;

    private const string WhereBefore = """
        at < @Before
        """;

    private const string WhereText = """
        (LOWER(COALESCE(target, '')) LIKE @Text ESCAPE '\' OR LOWER(COALESCE(detail, '')) LIKE @Text ESCAPE '\'
         OR LOWER(actor) LIKE @Text ESCAPE '\')
        """;

    private const string SelectCount = """
        SELECT COUNT(*) FROM audit_log
        """;

    private const string PageLimitOffset = """
        ORDER BY id DESC LIMIT @Limit OFFSET @Offset
        """;

    private const string PageOffsetFetch = """
        ORDER BY id DESC OFFSET @Offset ROWS FETCH NEXT @Limit ROWS ONLY
        """;

    /// <summary>
    /// The entries matching every filter of <paramref name="query"/>, latest first, one page of them, with how many
    /// match in all. Actor and text match anywhere, ignoring case where the database can (SQLite folds only ASCII).
    /// </summary>
    public async Task<AuditPage> SearchAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var clauses = new List<string>();
        var parameters = new DynamicParameters();
        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            clauses.Add(WhereActor);
            parameters.Add("Actor", Contains(query.Actor));
        }
        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            clauses.Add(WhereAction);
            parameters.Add("Action", query.Action.Trim());
        }
        if (query.From is { } from)
        {
            clauses.Add(WhereFrom);
            parameters.Add("From", InstantHandler.Format(from));
        }
        if (query.Before is { } before)
        {
            clauses.Add(WhereBefore);
            parameters.Add("Before", InstantHandler.Format(before));
        }
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            clauses.Add(WhereText);
            parameters.Add("Text", Contains(query.Text));
        }
        var where = clauses.Count == 0 ? "" : "\nWHERE " + string.Join("\n  AND ", clauses);
        parameters.Add("Limit", Math.Max(1, query.Limit));
        parameters.Add("Offset", Math.Max(0, query.Offset));
        var page = "\n" + (db.Provider == WarehouseProvider.SqlServer ? PageOffsetFetch : PageLimitOffset);

        await using var connection = await db.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(SelectCount + where, parameters, cancellationToken: cancellationToken));
        var entries = await connection.QueryAsync<AuditEntry>(new CommandDefinition(SelectEntries + where + page, parameters, cancellationToken: cancellationToken));
        return new AuditPage { Entries = [.. entries], Total = (int)Math.Min(total, int.MaxValue) };
    }

    /// <summary>A LIKE pattern matching <paramref name="text"/> anywhere, its own wildcards taken literally.</summary>
    private static string Contains(string text)
    {
        var escaped = text.Trim().ToLowerInvariant()
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal)
            // SQL Server also reads brackets as a character class.
            .Replace("[", "\\[", StringComparison.Ordinal);
        return "%" + escaped + "%";
    }
}

/// <summary>Filters and one page of the audit log; a filter left null matches everything.</summary>
public sealed record AuditQuery
{
    public string? Actor { get; init; }
    public string? Action { get; init; }

    /// <summary>Entries at or after this instant.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Entries strictly before this instant.</summary>
    public DateTimeOffset? Before { get; init; }

    /// <summary>Words looked for in the target, the detail and the actor.</summary>
    public string? Text { get; init; }

    public int Offset { get; init; }
    public int Limit { get; init; } = 50;
}

/// <summary>One page of matching entries, latest first, and how many match in all.</summary>
public sealed record AuditPage
{
    public required IReadOnlyList<AuditEntry> Entries { get; init; }
    public required int Total { get; init; }
}
