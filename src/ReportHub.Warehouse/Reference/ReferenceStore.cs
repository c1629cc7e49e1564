using System.Globalization;
using Dapper;
using ReportHub.Core.Domain;
using ReportHub.Warehouse.Connections;

namespace ReportHub.Warehouse.Reference;

/// <summary>Units and rounds: the reference data that resolution and rollups stand on.</summary>
public sealed class ReferenceStore(Db db)
{
    private const string SelectUnits = """
        SELECT code AS Code, name AS Name, type AS Type, parent AS Parent, aliases AS Aliases,
               valid_from AS ValidFrom, valid_to AS ValidTo, successor AS Successor
        FROM units ORDER BY code
        """;

    private const string UpdateUnit = """
        UPDATE units SET name = @Name, type = @Type, parent = @Parent, aliases = @Aliases,
               valid_from = @ValidFrom, valid_to = @ValidTo, successor = @Successor
        WHERE code = @Code
        """;

    private const string InsertUnit = """
        INSERT INTO units (code, name, type, parent, aliases, valid_from, valid_to, successor)
        VALUES (@Code, @Name, @Type, @Parent, @Aliases, @ValidFrom, @ValidTo, @Successor)
        """;

    private const string SelectRounds = """
        SELECT code AS Code, title AS Title, request_document AS RequestDocument, request_date AS RequestDate,
               deadline AS Deadline, closed AS Closed
        FROM rounds ORDER BY code
        """;

    private const string SelectRoundUnits = "SELECT round_code AS RoundCode, unit_code AS UnitCode FROM round_units";

    private const string UpdateRound = """
        UPDATE rounds SET title = @Title, request_document = @RequestDocument, request_date = @RequestDate,
               deadline = @Deadline
        WHERE code = @Code
        """;

    private const string InsertRound = """
        INSERT INTO rounds (code, title, request_document, request_date, deadline, closed, created_at)
        VALUES (@Code, @Title, @RequestDocument, @RequestDate, @Deadline, 0, @CreatedAt)
        """;

    private const string DeleteRoundUnits = "DELETE FROM round_units WHERE round_code = @Code";

    private const string InsertRoundUnit = "INSERT INTO round_units (round_code, unit_code) VALUES (@Round, @Unit)";

    private const string SetClosed = "UPDATE rounds SET closed = @Closed WHERE code = @Code";

    public async Task<IReadOnlyList<Unit>> UnitsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<UnitRow>(new CommandDefinition(SelectUnits, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToUnit()).ToList();
    }

    public async Task UpsertUnitsAsync(IEnumerable<Unit> units, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var unit in units)
        {
            var row = UnitRow.From(unit);
            var updated = await connection.ExecuteAsync(new CommandDefinition(UpdateUnit, row, tx, cancellationToken: cancellationToken));
            if (updated == 0)
            {
                await connection.ExecuteAsync(new CommandDefinition(InsertUnit, row, tx, cancellationToken: cancellationToken));
            }
        }
        await tx.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Round>> RoundsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rounds = await connection.QueryAsync<RoundRow>(new CommandDefinition(SelectRounds, cancellationToken: cancellationToken));
        var members = (await connection.QueryAsync<(string RoundCode, string UnitCode)>(new CommandDefinition(SelectRoundUnits, cancellationToken: cancellationToken)))
            .ToLookup(m => m.RoundCode, m => m.UnitCode);
        return rounds.Select(r => r.ToRound(members[r.Code].Order(StringComparer.Ordinal).ToList())).ToList();
    }

    public async Task<Round?> RoundAsync(string code, CancellationToken cancellationToken) =>
        (await RoundsAsync(cancellationToken)).FirstOrDefault(r => r.Code == code);

    /// <summary>Creates or updates a round and replaces its expected units.</summary>
    public async Task UpsertRoundAsync(Round round, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var row = new
        {
            round.Code,
            round.Title,
            round.RequestDocument,
            RequestDate = Iso(round.RequestDate),
            Deadline = Iso(round.Deadline),
            CreatedAt = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        };
        if (await connection.ExecuteAsync(new CommandDefinition(UpdateRound, row, tx, cancellationToken: cancellationToken)) == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertRound, row, tx, cancellationToken: cancellationToken));
        }
        await connection.ExecuteAsync(new CommandDefinition(DeleteRoundUnits, new { round.Code }, tx, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(InsertRoundUnit,
            round.ExpectedUnits.Distinct().Select(u => new { Round = round.Code, Unit = u }), tx, cancellationToken: cancellationToken));
        await tx.CommitAsync(cancellationToken);
    }

    public async Task<bool> SetClosedAsync(string code, bool closed, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(SetClosed, new { Code = code, Closed = closed ? 1 : 0 }, cancellationToken: cancellationToken)) > 0;
    }

    public static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private sealed record UnitRow
    {
        public required string Code { get; init; }
        public required string Name { get; init; }
        public required string Type { get; init; }
        public string? Parent { get; init; }
        public string Aliases { get; init; } = "";
        public string? ValidFrom { get; init; }
        public string? ValidTo { get; init; }
        public string? Successor { get; init; }

        public Unit ToUnit() => new()
        {
            Code = Code,
            Name = Name,
            Type = Type,
            Parent = Parent,
            Aliases = Aliases.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            ValidFrom = ParseDate(ValidFrom),
            ValidTo = ParseDate(ValidTo),
            Successor = Successor,
        };

        public static UnitRow From(Unit unit) => new()
        {
            Code = unit.Code,
            Name = unit.Name,
            Type = unit.Type,
            Parent = unit.Parent,
            Aliases = string.Join(';', unit.Aliases),
            ValidFrom = Iso(unit.ValidFrom),
            ValidTo = Iso(unit.ValidTo),
            Successor = unit.Successor,
        };
    }

    private sealed record RoundRow
    {
        public required string Code { get; init; }
        public required string Title { get; init; }
        public string? RequestDocument { get; init; }
        public string? RequestDate { get; init; }
        public required string Deadline { get; init; }
        public long Closed { get; init; }

        public Round ToRound(IReadOnlyList<string> expected) => new()
        {
            Code = Code,
            Title = Title,
            RequestDocument = RequestDocument,
            RequestDate = ParseDate(RequestDate),
            Deadline = ParseDate(Deadline) ?? DateOnly.MinValue,
            Closed = Closed != 0,
            ExpectedUnits = expected,
        };
    }
}
