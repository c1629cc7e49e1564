using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ReportHub.Core.Templates;
using ReportHub.Warehouse.Connections;

namespace ReportHub.Warehouse.Templates;

/// <summary>
/// The SQL over <c>templates</c>. Validation and version rules live in the pipeline's registry; this store only
/// reads and writes rows, and hands parsed definitions to everything downstream (rollups, exports) so that a
/// template registered at run time is summed, shown and exported exactly like a shipped one.
/// </summary>
public sealed class TemplateStore(Db db, ILogger<TemplateStore>? logger = null)
{
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    private const string SelectLatestAll = """
        SELECT t.id AS Id, t.version AS Version, t.title AS Title, t.definition AS Definition
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

    private const string SelectVersions = "SELECT version FROM templates WHERE id = @Id ORDER BY version";

    private const string Insert = """
        INSERT INTO templates (id, version, title, definition, registered_at)
        VALUES (@Id, @Version, @Title, @Definition, @RegisteredAt)
        """;

    private const string Restate = """
        UPDATE templates SET title = @Title, definition = @Definition WHERE id = @Id AND version = @Version
        """;

    // A registered version never changes, so its parsed form can be kept for the life of the process.
    private readonly ConcurrentDictionary<(string Id, int Version), TemplateDefinition> _parsed = new();

    // So is the reason a stored version cannot be used; kept so that it is logged once, not on every file.
    private readonly ConcurrentDictionary<(string Id, int Version), string> _broken = new();

    /// <summary>The latest version of each template; <see cref="StoredTemplateSummary.Problem"/> says why one cannot be used.</summary>
    public async Task<IReadOnlyList<StoredTemplateSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SummaryRow>(new CommandDefinition(SelectLatestAll, cancellationToken: cancellationToken));
        return [.. rows.Select(r =>
        {
            var version = checked((int)r.Version);
            return new StoredTemplateSummary { Id = r.Id, Version = version, Title = r.Title, Problem = Parse(r.Id, version, r.Definition).Problem };
        })];
    }

    /// <summary>One version, or the latest when <paramref name="version"/> is null; null when there is none.</summary>
    public async Task<StoredTemplate?> GetAsync(string id, int? version, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await GetAsync(connection, id, version, cancellationToken);
    }

    public static async Task<StoredTemplate?> GetAsync(DbConnection connection, string id, int? version, CancellationToken cancellationToken)
    {
        var sql = version is null ? SelectLatest : SelectVersion;
        var row = await connection.QuerySingleOrDefaultAsync<RecordRow>(new CommandDefinition(sql, new { Id = id, Version = version ?? 0 }, cancellationToken: cancellationToken));
        return row is null ? null : new StoredTemplate
        {
            Id = row.Id,
            Version = checked((int)row.Version),
            Title = row.Title,
            Definition = row.Definition,
            RegisteredAt = DateTimeOffset.Parse(row.RegisteredAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        };
    }

    /// <summary>The versions registered for a template, lowest first; empty when it has none.</summary>
    public async Task<IReadOnlyList<int>> VersionsAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var versions = await connection.QueryAsync<long>(new CommandDefinition(SelectVersions, new { Id = id }, cancellationToken: cancellationToken));
        return [.. versions.Select(v => checked((int)v))];
    }

    /// <summary>
    /// The version a round opened now on this template is pinned to: the latest registered, else the shipped one's,
    /// else 1 (the samples may name a template that is registered later).
    /// </summary>
    public async Task<int> VersionForNewRoundAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await LatestVersionAsync(connection, id, cancellationToken) is { } latest
            ? checked((int)latest)
            : TemplateCatalog.Find(id)?.Version ?? 1;
    }

    public static async Task<long?> LatestVersionAsync(DbConnection connection, string id, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<long?>(new CommandDefinition(SelectMaxVersion, new { Id = id }, cancellationToken: cancellationToken));

    public static async Task InsertAsync(DbConnection connection, StoredTemplate template, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(Insert, new
        {
            template.Id,
            template.Version,
            template.Title,
            template.Definition,
            RegisteredAt = template.RegisteredAt.ToString("O", CultureInfo.InvariantCulture),
        }, cancellationToken: cancellationToken));

    /// <summary>
    /// Writes a shipped version again in the current definition format. Only for ReportHub's own definitions, whose
    /// first-format copy says the same thing in the older notation (see TemplateRegistry.RegisterShippedAsync).
    /// </summary>
    public static async Task RestateAsync(DbConnection connection, StoredTemplate template, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(Restate, new { template.Id, template.Version, template.Title, template.Definition },
            cancellationToken: cancellationToken));

    /// <summary>
    /// The definition a round or submission names: the registered version (the latest when none is given), else the
    /// shipped one, else null.
    /// </summary>
    public async Task<TemplateDefinition?> DefinitionAsync(string id, int? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (version is { } v && _parsed.TryGetValue((id, v), out var known))
        {
            return known;
        }
        var stored = await GetAsync(id, version, cancellationToken);
        if (stored is null)
        {
            return TemplateCatalog.Find(id);
        }
        return Parse(stored.Id, stored.Version, stored.Definition) switch
        {
            { Definition: { } definition } => definition,
            var (_, problem) => throw new BrokenTemplateException(stored.Id, stored.Version, problem!),
        };
    }

    /// <summary>
    /// A stored definition read by the code that registration validates with; one that no longer loads (planted by
    /// hand, or registered before a limit existed) gets a reason instead, logged the first time it is seen.
    /// </summary>
    private (TemplateDefinition? Definition, string? Problem) Parse(string id, int version, string json)
    {
        if (_parsed.TryGetValue((id, version), out var known))
        {
            return (known, null);
        }
        if (_broken.TryGetValue((id, version), out var reason))
        {
            return (null, reason);
        }
        try
        {
            return (_parsed.GetOrAdd((id, version), TemplateDefinition.Load(json)), null);
        }
        catch (TemplateLoadException ex)
        {
            var problem = $"Định nghĩa đã lưu của mẫu không còn dùng được: {string.Join("; ", ex.Faults.Take(3))}".Normalize();
            if (_broken.TryAdd((id, version), problem))
            {
                _logger.LogError(ex, "Stored template {Id} version {Version} cannot be loaded; it is left out of reading files", id, version);
            }
            return (null, problem);
        }
    }

    private sealed record SummaryRow
    {
        public required string Id { get; init; }
        public required long Version { get; init; }
        public required string Title { get; init; }
        public required string Definition { get; init; }
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

public sealed record StoredTemplateSummary
{
    public required string Id { get; init; }
    public required int Version { get; init; }
    public required string Title { get; init; }

    /// <summary>Why the stored definition cannot be used (Vietnamese); null when it loads.</summary>
    public string? Problem { get; init; }
}

/// <summary>
/// A round, report or export names a stored template version that does not load: an answer to give (409), never a
/// crash, and never a reason to stop reading other templates' files.
/// </summary>
public sealed class BrokenTemplateException(string id, int version, string problem)
    : Exception($"Mẫu báo cáo “{id}” phiên bản {version} đã lưu trong kho nhưng không dùng được, nên không lập được biểu, tổng hợp hay mẫu trống của đợt dùng nó. "
        + $"{problem.TrimEnd('.')}. Hãy đăng ký phiên bản mới đã sửa của mẫu (reporthub templates add) rồi chuyển đợt sang phiên bản đó (reporthub rounds upgrade).".Normalize())
{
    public string Id { get; } = id;
    public int Version { get; } = version;
    public string Problem { get; } = problem;
}

/// <summary>A registered definition: its JSON exactly as stored.</summary>
public sealed record StoredTemplate
{
    public required string Id { get; init; }
    public required int Version { get; init; }
    public required string Title { get; init; }
    public required string Definition { get; init; }
    public required DateTimeOffset RegisteredAt { get; init; }
}
