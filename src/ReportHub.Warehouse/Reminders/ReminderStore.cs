using System.Data.Common;
using Dapper;
using ReportHub.Warehouse.Connections;
using ReportHub.Warehouse.Submissions;

namespace ReportHub.Warehouse.Reminders;

/// <summary>
/// The automatic reminders already sent. The key (round, unit, kind) is claimed by inserting it before the mail
/// goes out, so that of several processes sending at once exactly one wins each reminder.
/// </summary>
public sealed class ReminderStore(Db db)
{
    private const string Insert = """
        INSERT INTO reminders_sent (round_code, unit_code, kind, claimed_at)
        SELECT @Round, @Unit, @Kind, @At
        WHERE NOT EXISTS (SELECT 1 FROM reminders_sent WHERE round_code = @Round AND unit_code = @Unit AND kind = @Kind)
        """;

    private const string Delete = "DELETE FROM reminders_sent WHERE round_code = @Round AND unit_code = @Unit AND kind = @Kind";

    private const string SelectKinds = "SELECT unit_code AS Unit, kind AS Kind FROM reminders_sent WHERE round_code = @Round";

    /// <summary>True when this caller now holds the reminder; false when another process claimed it first.</summary>
    public async Task<bool> TryClaimAsync(string round, string unit, string kind, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var args = new { Round = round, Unit = unit, Kind = kind, At = InstantHandler.Format(at) };
        try
        {
            return await connection.ExecuteAsync(new CommandDefinition(Insert, args, cancellationToken: cancellationToken)) == 1;
        }
        catch (DbException ex) when (ConcurrentSubmissionException.IsUniqueViolation(ex))
        {
            // Both passed NOT EXISTS at the same moment; the key let the other one in.
            return false;
        }
    }

    /// <summary>Gives a claim back after the mail could not be sent, so that a later pass tries again.</summary>
    public async Task ReleaseAsync(string round, string unit, string kind, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Delete, new { Round = round, Unit = unit, Kind = kind }, cancellationToken: cancellationToken));
    }

    /// <summary>The (unit, kind) pairs claimed for a round.</summary>
    public async Task<IReadOnlyList<(string Unit, string Kind)>> ClaimedAsync(string round, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<(string Unit, string Kind)>(new CommandDefinition(SelectKinds, new { Round = round }, cancellationToken: cancellationToken))];
    }
}
