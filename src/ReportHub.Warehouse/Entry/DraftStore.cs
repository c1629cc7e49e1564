using Dapper;
using ReportHub.Warehouse.Connections;

namespace ReportHub.Warehouse.Entry;

/// <summary>A report being filled in on its page, as last saved.</summary>
public sealed record DraftRow
{
    public required string RoundCode { get; init; }
    public required string UnitCode { get; init; }

    /// <summary>The page's values as JSON: <c>{tables, narratives}</c>.</summary>
    public required string Body { get; init; }

    /// <summary>The actor who saved it (<c>user:NAME</c>, <c>key:PREFIX</c>).</summary>
    public required string SavedBy { get; init; }
    public required DateTimeOffset SavedAt { get; init; }
}

/// <summary>Drafts of reports filled in on the page (<c>entry_drafts</c>): one per round and unit, replaced on each save.</summary>
public sealed class DraftStore(Db db)
{
    private const string Select = """
        SELECT round_code AS RoundCode, unit_code AS UnitCode, body AS Body, saved_by AS SavedBy, saved_at AS SavedAt
        FROM entry_drafts WHERE round_code = @Round AND unit_code = @Unit
        """;

    private const string Delete = "DELETE FROM entry_drafts WHERE round_code = @Round AND unit_code = @Unit";

    private const string Insert = """
        INSERT INTO entry_drafts (round_code, unit_code, body, saved_by, saved_at)
        VALUES (@Round, @Unit, @Body, @SavedBy, @SavedAt)
        """;

    private sealed record Stored(string RoundCode, string UnitCode, string Body, string SavedBy, string SavedAt);

    public async Task<DraftRow?> GetAsync(string round, string unit, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Stored>(new CommandDefinition(Select, new { Round = round, Unit = unit },
            cancellationToken: cancellationToken));
        return row is null ? null : new DraftRow
        {
            RoundCode = row.RoundCode,
            UnitCode = row.UnitCode,
            Body = row.Body,
            SavedBy = row.SavedBy,
            SavedAt = InstantHandler.Parse(row.SavedAt),
        };
    }

    /// <summary>Keeps <paramref name="body"/> as the unit's draft for the round, in place of any earlier one.</summary>
    public async Task SaveAsync(string round, string unit, string body, string savedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Delete then insert is one statement form for the three dialects; the transaction makes it one change.
        await connection.ExecuteAsync(new CommandDefinition(Delete, new { Round = round, Unit = unit }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(Insert,
            new { Round = round, Unit = unit, Body = body, SavedBy = savedBy, SavedAt = InstantHandler.Format(at) }, transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <returns>False when there was no draft.</returns>
    public async Task<bool> DeleteAsync(string round, string unit, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(Delete, new { Round = round, Unit = unit }, cancellationToken: cancellationToken)) > 0;
    }
}
