using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using ReportHub.Core.Domain;
using ReportHub.Warehouse.Connections;

namespace ReportHub.Warehouse.Reference;

/// <summary>Units and rounds: the reference data that resolution and rollups stand on.</summary>
public sealed class ReferenceStore(Db db)
{
    private static readonly JsonSerializerOptions ExpectedJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private const string SelectUnits = """
        SELECT code AS Code, name AS Name, type AS Type, parent AS Parent, aliases AS Aliases,
               valid_from AS ValidFrom, valid_to AS ValidTo, successor AS Successor, email AS Email
        FROM units ORDER BY code
        """;

    // A registry without an address for a unit keeps the one set with the CLI or the admin page: the samples are
    // loaded again at every start.
    private const string UpdateUnit = """
        UPDATE units SET name = @Name, type = @Type, parent = @Parent, aliases = @Aliases,
               valid_from = @ValidFrom, valid_to = @ValidTo, successor = @Successor, email = COALESCE(@Email, email)
        WHERE code = @Code
        """;

    private const string InsertUnit = """
        INSERT INTO units (code, name, type, parent, aliases, valid_from, valid_to, successor, email)
        VALUES (@Code, @Name, @Type, @Parent, @Aliases, @ValidFrom, @ValidTo, @Successor, @Email)
        """;

    private const string SetUnitEmail = "UPDATE units SET email = @Email WHERE code = @Code";

    private const string SelectRounds = """
        SELECT code AS Code, title AS Title, request_document AS RequestDocument, request_date AS RequestDate,
               deadline AS Deadline, template_id AS Template, template_version AS TemplateVersion, closed AS Closed, expected AS Expected,
               created_at AS CreatedAt, closed_at AS ClosedAt
        FROM rounds ORDER BY code
        """;

    private const string SelectRoundUnits = "SELECT round_code AS RoundCode, unit_code AS UnitCode FROM round_units";

    private const string SelectRound = """
        SELECT code AS Code, title AS Title, request_document AS RequestDocument, request_date AS RequestDate,
               deadline AS Deadline, template_id AS Template, template_version AS TemplateVersion, closed AS Closed, expected AS Expected,
               created_at AS CreatedAt, closed_at AS ClosedAt
        FROM rounds WHERE code = @Code
        """;

    private const string SelectUnitsOfRound = "SELECT unit_code FROM round_units WHERE round_code = @Code";

    private const string UpdateRound = """
        UPDATE rounds SET title = @Title, request_document = @RequestDocument, request_date = @RequestDate,
               deadline = @Deadline, template_id = @Template, template_version = @TemplateVersion, expected = @Expected
        WHERE code = @Code
        """;

    private const string InsertRound = """
        INSERT INTO rounds (code, title, request_document, request_date, deadline, template_id, template_version, expected, closed, created_at)
        VALUES (@Code, @Title, @RequestDocument, @RequestDate, @Deadline, @Template, @TemplateVersion, @Expected, 0, @CreatedAt)
        """;

    // Inserts only when the code is free, so two analysts (or two starts loading the samples) cannot overwrite a round.
    private const string InsertRoundIfAbsent = """
        INSERT INTO rounds (code, title, request_document, request_date, deadline, template_id, template_version, expected, closed, created_at)
        SELECT @Code, @Title, @RequestDocument, @RequestDate, @Deadline, @Template, @TemplateVersion, @Expected, 0, @CreatedAt
        WHERE NOT EXISTS (SELECT 1 FROM rounds WHERE code = @Code)
        """;

    // Units an analyst added by hand (added_at set) stay when a round's rule chooses its units again.
    private const string DeleteRoundUnits = "DELETE FROM round_units WHERE round_code = @Code AND added_at IS NULL";

    private const string InsertRoundUnit = """
        INSERT INTO round_units (round_code, unit_code)
        SELECT @Round, @Unit
        WHERE NOT EXISTS (SELECT 1 FROM round_units WHERE round_code = @Round AND unit_code = @Unit)
        """;

    private const string AddRoundUnit = """
        INSERT INTO round_units (round_code, unit_code, added_at)
        SELECT @Round, @Unit, @AddedAt
        WHERE NOT EXISTS (SELECT 1 FROM round_units WHERE round_code = @Round AND unit_code = @Unit)
        """;

    private const string AddedRoundUnits = "SELECT unit_code FROM round_units WHERE round_code = @Code AND added_at IS NOT NULL ORDER BY unit_code";

    private const string CountRoundUnit = "SELECT COUNT(*) FROM round_units WHERE round_code = @Round AND unit_code = @Unit";

    // Only an open round is edited: the condition is in the statement, so a round closed meanwhile is left alone.
    private const string UpdateOpenRound = """
        UPDATE rounds SET title = @Title, request_document = @RequestDocument, request_date = @RequestDate,
               deadline = @Deadline, expected = @Expected
        WHERE code = @Code AND closed = 0
        """;

    private const string SetClosed = "UPDATE rounds SET closed = @Closed, closed_at = @ClosedAt WHERE code = @Code";

    // Moves only an open round that is still on the version the caller read: a round closed, or moved by another
    // analyst meanwhile, is left alone.
    private const string SetTemplateVersion = """
        UPDATE rounds SET template_version = @To
        WHERE code = @Code AND closed = 0 AND template_version = @From
        """;

    public async Task<IReadOnlyList<Unit>> UnitsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<UnitRow>(new CommandDefinition(SelectUnits, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToUnit()).ToList();
    }

    /// <summary>Sets or (with null) clears a unit's contact address; false when there is no such unit.</summary>
    public async Task<bool> SetUnitEmailAsync(string code, string? email, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(SetUnitEmail, new { Code = code, Email = email }, cancellationToken: cancellationToken)) > 0;
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

    /// <summary>One round by its code, read by key: every uncached rollup starts here, whatever the number of rounds.</summary>
    public async Task<Round?> RoundAsync(string code, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var args = new { Code = code };
        var round = await connection.QuerySingleOrDefaultAsync<RoundRow>(new CommandDefinition(SelectRound, args, cancellationToken: cancellationToken));
        if (round is null)
        {
            return null;
        }
        var members = await connection.QueryAsync<string>(new CommandDefinition(SelectUnitsOfRound, args, cancellationToken: cancellationToken));
        return round.ToRound(members.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>Creates or updates a round and replaces its expected units.</summary>
    public async Task UpsertRoundAsync(Round round, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var row = RoundParameters.From(round);
        if (await connection.ExecuteAsync(new CommandDefinition(UpdateRound, row, tx, cancellationToken: cancellationToken)) == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertRound, row, tx, cancellationToken: cancellationToken));
        }
        await connection.ExecuteAsync(new CommandDefinition(DeleteRoundUnits, new { round.Code }, tx, cancellationToken: cancellationToken));
        await InsertUnitsAsync(connection, tx, round, cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>Creates a round with its expected units; false, and nothing written, when the code is taken.</summary>
    public async Task<bool> InsertRoundAsync(Round round, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        int inserted;
        try
        {
            inserted = await connection.ExecuteAsync(new CommandDefinition(InsertRoundIfAbsent, RoundParameters.From(round), tx, cancellationToken: cancellationToken));
        }
        catch (DbException)
        {
            // Another writer inserted the same code between our check and our insert: the key refused ours.
            if (await ExistsAsync(round.Code, cancellationToken))
            {
                return false;
            }
            throw;
        }
        if (inserted == 0)
        {
            return false;
        }
        await InsertUnitsAsync(connection, tx, round, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Saves an open round's title, request, dates and expected units (its template and code stay); false, and
    /// nothing written, when there is no such open round.
    /// </summary>
    public async Task<bool> UpdateOpenRoundAsync(Round round, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition(UpdateOpenRound, RoundParameters.From(round), tx, cancellationToken: cancellationToken)) == 0)
        {
            return false;
        }
        await connection.ExecuteAsync(new CommandDefinition(DeleteRoundUnits, new { round.Code }, tx, cancellationToken: cancellationToken));
        await InsertUnitsAsync(connection, tx, round, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Adds one unit to a round's expected units by hand, outside the round's rule; false, and nothing written, when
    /// the round already expects it. The caller checks that round and unit exist.
    /// </summary>
    public async Task<bool> AddRoundUnitAsync(string round, string unit, DateTimeOffset addedAt, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var args = new { Round = round, Unit = unit, AddedAt = InstantHandler.Format(addedAt) };
        try
        {
            return await connection.ExecuteAsync(new CommandDefinition(AddRoundUnit, args, cancellationToken: cancellationToken)) > 0;
        }
        catch (DbException)
        {
            // Another analyst added the same unit between our check and our insert: the key refused ours.
            if (await connection.ExecuteScalarAsync<int>(new CommandDefinition(CountRoundUnit, args, cancellationToken: cancellationToken)) > 0)
            {
                return false;
            }
            throw;
        }
    }

    /// <summary>The units added to a round by hand, which an edit of the round's rule keeps.</summary>
    public async Task<IReadOnlyList<string>> AddedRoundUnitsAsync(string round, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<string>(new CommandDefinition(AddedRoundUnits, new { Code = round }, cancellationToken: cancellationToken))];
    }

    public async Task<bool> SetClosedAsync(string code, bool closed, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var closedAt = closed ? InstantHandler.Format(DateTimeOffset.UtcNow) : null;
        return await connection.ExecuteAsync(new CommandDefinition(SetClosed, new { Code = code, Closed = closed ? 1 : 0, ClosedAt = closedAt }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>
    /// Moves an open round from version <paramref name="from"/> of its template to <paramref name="to"/>; false, and
    /// nothing written, when the round is closed, unknown or no longer on <paramref name="from"/>.
    /// </summary>
    public async Task<bool> SetTemplateVersionAsync(string code, int from, int to, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(SetTemplateVersion, new { Code = code, From = from, To = to }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>
    /// The template ids registered in the warehouse, or none while it has no templates table (warehouses from
    /// before templates were data): callers add the templates built into the application.
    /// </summary>
    public async Task<IReadOnlyList<string>> TemplateIdsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var exists = db.Provider switch
        {
            WarehouseProvider.Postgres => "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'templates' AND table_schema = current_schema()",
            WarehouseProvider.SqlServer => "SELECT COUNT(*) FROM sys.tables WHERE name = 'templates'",
            _ => "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'templates'",
        };
        if (await connection.ExecuteScalarAsync<int>(new CommandDefinition(exists, cancellationToken: cancellationToken)) == 0)
        {
            return [];
        }
        return (await connection.QueryAsync<string>(new CommandDefinition("SELECT DISTINCT id FROM templates", cancellationToken: cancellationToken))).ToList();
    }

    private async Task<bool> ExistsAsync(string code, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT COUNT(*) FROM rounds WHERE code = @Code", new { Code = code }, cancellationToken: cancellationToken)) > 0;
    }

    private static async Task InsertUnitsAsync(DbConnection connection, DbTransaction tx, Round round, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(InsertRoundUnit,
            round.ExpectedUnits.Distinct().Select(u => new { Round = round.Code, Unit = u }), tx, cancellationToken: cancellationToken));

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
        public string? Email { get; init; }

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
            Email = Email,
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
            Email = unit.Email,
        };
    }

    private sealed record RoundParameters
    {
        public required string Code { get; init; }
        public required string Title { get; init; }
        public string? RequestDocument { get; init; }
        public string? RequestDate { get; init; }
        public required string Deadline { get; init; }
        public required string Template { get; init; }
        public required int TemplateVersion { get; init; }
        public string? Expected { get; init; }
        public required string CreatedAt { get; init; }

        public static RoundParameters From(Round round) => new()
        {
            Code = round.Code,
            Title = round.Title,
            RequestDocument = round.RequestDocument,
            RequestDate = Iso(round.RequestDate),
            Deadline = Iso(round.Deadline)!,
            Template = round.Template,
            TemplateVersion = round.TemplateVersion,
            Expected = round.Expected is null ? null : JsonSerializer.Serialize(round.Expected, ExpectedJson),
            CreatedAt = InstantHandler.Format(round.CreatedAt ?? DateTimeOffset.UtcNow),
        };
    }

    private sealed record RoundRow
    {
        public required string Code { get; init; }
        public required string Title { get; init; }
        public string? RequestDocument { get; init; }
        public string? RequestDate { get; init; }
        public required string Deadline { get; init; }
        public required string Template { get; init; }
        public long TemplateVersion { get; init; } = 1;
        public long Closed { get; init; }
        public string? Expected { get; init; }
        public string? CreatedAt { get; init; }
        public string? ClosedAt { get; init; }

        public Round ToRound(IReadOnlyList<string> expected) => new()
        {
            Code = Code,
            Title = Title,
            RequestDocument = RequestDocument,
            RequestDate = ParseDate(RequestDate),
            Deadline = ParseDate(Deadline) ?? DateOnly.MinValue,
            Template = Template,
            TemplateVersion = checked((int)TemplateVersion),
            Closed = Closed != 0,
            Expected = Expected is null ? null : JsonSerializer.Deserialize<RoundExpectation>(Expected, ExpectedJson),
            ExpectedUnits = expected,
            CreatedAt = CreatedAt is null ? null : InstantHandler.Parse(CreatedAt),
            ClosedAt = ClosedAt is null ? null : InstantHandler.Parse(ClosedAt),
        };
    }
}
