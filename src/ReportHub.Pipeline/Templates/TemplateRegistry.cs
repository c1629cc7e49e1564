using System.Data.Common;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.Logging;
using ReportHub.Core.Templates;
using ReportHub.Warehouse.Connections;

namespace ReportHub.Pipeline.Templates;

/// <summary>
/// Templates as versioned data in the warehouse. A version, once registered, never changes: registering it again
/// with the same JSON is a no-op, with other JSON it is refused, and a new version must be above the latest.
/// </summary>
public sealed class TemplateRegistry(Db db, TemplateValidator validator, TimeProvider clock, ILogger<TemplateRegistry> logger)
{
    private const string SelectLatestAll = """
        SELECT t.id AS Id, t.version AS Version, t.title AS Title
        FROM templates t
        WHERE t.version = (SELECT MAX(m.version) FROM templates m WHERE m.id = t.id)
        ORDER BY t.id
        """;

    private const string SelectVersion = """
        SELECT id AS Id, version AS Version, title AS Title, definition AS Definition, registered_at AS RegisteredAt
        FROM templates WHERE id = @Id AND version = @Version
        """;

    private const string SelectLatest = """
        SELECT id AS Id, version AS Version, title AS Title, definition AS Definition, registered_at AS RegisteredAt
        FROM templates WHERE id = @Id AND version = (SELECT MAX(version) FROM templates WHERE id = @Id)
        """;

    private const string SelectMaxVersion = "SELECT MAX(version) FROM templates WHERE id = @Id";

    private const string Insert = """
        INSERT INTO templates (id, version, title, definition, registered_at)
        VALUES (@Id, @Version, @Title, @Definition, @RegisteredAt)
        """;

    // Stored compact and with Vietnamese left readable, so that `templates show` prints what people wrote.
    private static readonly JsonSerializerOptions StoreOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<IReadOnlyList<TemplateSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SummaryRow>(new CommandDefinition(SelectLatestAll, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new TemplateSummary { Id = r.Id, Version = checked((int)r.Version), Title = r.Title })];
    }

    /// <summary>One version, or the latest when <paramref name="version"/> is null; null when there is none.</summary>
    public async Task<TemplateRecord?> GetAsync(string id, int? version, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await GetAsync(connection, id, version, cancellationToken);
    }

    /// <summary>Validates and registers a definition; refused with every error when it is invalid or its version conflicts.</summary>
    public async Task<TemplateRegistration> AddAsync(string json, CancellationToken cancellationToken)
    {
        var errors = validator.Validate(json);
        if (errors.Count > 0)
        {
            return Refused(errors);
        }
        var definition = JsonNode.Parse(json)!.AsObject();
        var id = definition["id"]!.GetValue<string>();
        var version = definition["version"]!.GetValue<int>();
        var title = definition["title"]!.GetValue<string>();
        var summary = new TemplateSummary { Id = id, Version = version, Title = title };

        await using var connection = await db.OpenAsync(cancellationToken);
        if (await GetAsync(connection, id, version, cancellationToken) is { } existing)
        {
            return SameVersion(existing, definition, summary);
        }
        var latest = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(SelectMaxVersion, new { Id = id }, cancellationToken: cancellationToken));
        if (latest is { } l && l > version)
        {
            return Refused([VersionError($"Mẫu “{id}” đã có phiên bản {l}; phiên bản mới phải lớn hơn phiên bản mới nhất. Hãy đặt “version” là {l + 1} rồi đăng ký lại.")]);
        }
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(Insert, new
            {
                Id = id,
                Version = version,
                Title = title,
                Definition = definition.ToJsonString(StoreOptions),
                RegisteredAt = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            }, cancellationToken: cancellationToken));
        }
        catch (DbException)
        {
            // Another process may have registered this version between our read and our insert: judge against
            // what it stored. Any other failure is the warehouse's and goes up.
            if (await GetAsync(connection, id, version, cancellationToken) is not { } raced)
            {
                throw;
            }
            return SameVersion(raced, definition, summary);
        }
        logger.LogInformation("Registered template {Id} version {Version}", id, version);
        return new TemplateRegistration { Status = RegistrationStatus.Registered, Template = summary };
    }

    /// <summary>Registers each shipped definition (embedded JSON in Core) whose version is not in the warehouse yet.</summary>
    public async Task<int> RegisterShippedAsync(CancellationToken cancellationToken)
    {
        var registered = 0;
        foreach (var json in TemplateResources.ShippedJson())
        {
            var result = await AddAsync(json, cancellationToken);
            if (result.Status == RegistrationStatus.Registered)
            {
                registered++;
            }
            else if (result.Status == RegistrationStatus.Refused)
            {
                // A shipped file edited without a new version, or an older version than one registered by hand:
                // the warehouse's copy stands, and startup goes on.
                logger.LogWarning("Shipped template not registered: {Errors}", string.Join("; ", result.Errors));
            }
        }
        return registered;
    }

    private static TemplateRegistration SameVersion(TemplateRecord existing, JsonObject definition, TemplateSummary summary) =>
        JsonNode.DeepEquals(JsonNode.Parse(existing.Definition), definition)
            ? new TemplateRegistration { Status = RegistrationStatus.Unchanged, Template = summary }
            : Refused([VersionError($"Phiên bản {summary.Version} của mẫu “{summary.Id}” đã được đăng ký với nội dung khác; một phiên bản đã đăng ký không được sửa. Hãy tăng “version” (lớn hơn phiên bản mới nhất) rồi đăng ký lại.")]);

    private static TemplateError VersionError(string message) => new() { Path = "$.version", Message = message.Normalize() };

    private static TemplateRegistration Refused(IReadOnlyList<TemplateError> errors) => new() { Status = RegistrationStatus.Refused, Errors = errors };

    private static async Task<TemplateRecord?> GetAsync(DbConnection connection, string id, int? version, CancellationToken cancellationToken)
    {
        var sql = version is null ? SelectLatest : SelectVersion;
        var row = await connection.QuerySingleOrDefaultAsync<RecordRow>(new CommandDefinition(sql, new { Id = id, Version = version ?? 0 }, cancellationToken: cancellationToken));
        return row is null ? null : new TemplateRecord
        {
            Id = row.Id,
            Version = checked((int)row.Version),
            Title = row.Title,
            Definition = row.Definition,
            RegisteredAt = DateTimeOffset.Parse(row.RegisteredAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        };
    }

    private sealed record SummaryRow
    {
        public required string Id { get; init; }
        public required long Version { get; init; }
        public required string Title { get; init; }
    }

    private sealed record RecordRow
    {
        public required string Id { get; init; }
        public required long Version { get; init; }
        public required string Title { get; init; }
        public required string Definition { get; init; }
        public required string RegisteredAt { get; init; }
    }
}
