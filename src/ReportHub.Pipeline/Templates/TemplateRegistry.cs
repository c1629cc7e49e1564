using System.Data.Common;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using ReportHub.Core.Templates;
using ReportHub.Core.Text;
using ReportHub.Warehouse.Connections;
using ReportHub.Warehouse.Templates;

namespace ReportHub.Pipeline.Templates;

/// <summary>
/// Templates as versioned data in the warehouse. A version, once registered, never changes: registering it again
/// with the same JSON is a no-op, with other JSON it is refused, and a new version must be above the latest.
/// </summary>
public sealed class TemplateRegistry(Db db, TemplateStore store, TemplateValidator validator, TimeProvider clock, ILogger<TemplateRegistry> logger)
{
    // Stored compact and with Vietnamese left readable, so that `templates show` prints what people wrote.
    private static readonly JsonSerializerOptions StoreOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<IReadOnlyList<TemplateSummary>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await store.ListAsync(cancellationToken)).Select(r => new TemplateSummary
        {
            Id = r.Id,
            Version = r.Version,
            Title = r.Title,
            Broken = r.Problem is not null,
            Reason = r.Problem,
        })];

    /// <summary>One version, or the latest when <paramref name="version"/> is null; null when there is none.</summary>
    public async Task<TemplateRecord?> GetAsync(string id, int? version, CancellationToken cancellationToken) =>
        ToRecord(await store.GetAsync(id, version, cancellationToken));

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
        // The title column is what lists and pages show; PostgreSQL refuses a NUL in text (22021).
        var title = VietnameseText.Clean(definition["title"]!.GetValue<string>());
        var summary = new TemplateSummary { Id = id, Version = version, Title = title };

        await using var connection = await db.OpenAsync(cancellationToken);
        if (await GetAsync(connection, id, version, cancellationToken) is { } existing)
        {
            return SameVersion(existing, definition, summary);
        }
        var latest = await TemplateStore.LatestVersionAsync(connection, id, cancellationToken);
        if (latest is { } l && l > version)
        {
            return Refused([VersionError($"Mẫu “{id}” đã có phiên bản {l}; phiên bản mới phải lớn hơn phiên bản mới nhất. Hãy đặt “version” là {l + 1} rồi đăng ký lại.")]);
        }
        try
        {
            await TemplateStore.InsertAsync(connection, new StoredTemplate
            {
                Id = id,
                Version = version,
                Title = title,
                Definition = definition.ToJsonString(StoreOptions),
                RegisteredAt = clock.GetUtcNow(),
            }, cancellationToken);
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
            if (await IsStoredAsIsAsync(json, cancellationToken))
            {
                // Every start after the first: nothing to validate against the schema, which costs a short CLI run
                // a tenth of a second.
                continue;
            }
            if (await RestatedAsync(json, cancellationToken))
            {
                continue;
            }
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

    /// <summary>
    /// A shipped version stored in the first definition format (columns optional unless required, no presentation
    /// data) is written again as shipped now: the same sections, columns, measures and rules, with optional columns
    /// spelled out and the exports' layout added. ReportHub owns these definitions, so the version keeps its number;
    /// a definition registered by an analyst is never rewritten.
    /// </summary>
    private async Task<bool> RestatedAsync(string json, CancellationToken cancellationToken)
    {
        var shipped = JsonNode.Parse(json)!.AsObject();
        var id = shipped["id"]!.GetValue<string>();
        var version = shipped["version"]!.GetValue<int>();
        if (shipped["format"] is not JsonValue format || format.GetValue<int>() < TemplateDefinition.CurrentFormat
            || await store.GetAsync(id, version, cancellationToken) is not { } stored
            || Stored(stored.Definition) is not JsonObject old
            || (old["format"] is JsonValue oldFormat && oldFormat.GetValue<int>() >= TemplateDefinition.CurrentFormat))
        {
            return false;
        }
        await using var connection = await db.OpenAsync(cancellationToken);
        await TemplateStore.RestateAsync(connection, stored with
        {
            Title = shipped["title"]!.GetValue<string>(),
            Definition = shipped.ToJsonString(StoreOptions),
        }, cancellationToken);
        logger.LogInformation("Shipped template {Id} version {Version} restated in definition format {Format}", id, version, TemplateDefinition.CurrentFormat);
        return true;
    }

    private async Task<bool> IsStoredAsIsAsync(string json, CancellationToken cancellationToken)
    {
        if (JsonNode.Parse(json) is not JsonObject definition
            || definition["id"] is not JsonValue idNode || !idNode.TryGetValue<string>(out var id)
            || definition["version"] is not JsonValue versionNode || !versionNode.TryGetValue<int>(out var version))
        {
            return false;
        }
        return await store.GetAsync(id, version, cancellationToken) is { } stored && JsonNode.DeepEquals(Stored(stored.Definition), definition);
    }

    private static TemplateRegistration SameVersion(TemplateRecord existing, JsonObject definition, TemplateSummary summary) =>
        JsonNode.DeepEquals(Stored(existing.Definition), definition)
            ? new TemplateRegistration { Status = RegistrationStatus.Unchanged, Template = summary }
            : Refused([VersionError($"Phiên bản {summary.Version} của mẫu “{summary.Id}” đã được đăng ký với nội dung khác; một phiên bản đã đăng ký không được sửa. Hãy tăng “version” (lớn hơn phiên bản mới nhất) rồi đăng ký lại.")]);

    private static readonly JsonDocumentOptions StrictRead = new() { AllowDuplicateProperties = false };

    /// <summary>
    /// A stored definition as a tree, or null when it is not one: a row edited by hand may hold anything, and comparing
    /// with it must not stop startup or registration (the store lists such a version as broken).
    /// </summary>
    private static JsonNode? Stored(string json)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: StrictRead);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static TemplateError VersionError(string message) => new() { Path = "$.version", Message = message.Normalize() };

    private static TemplateRegistration Refused(IReadOnlyList<TemplateError> errors) => new() { Status = RegistrationStatus.Refused, Errors = errors };

    private static async Task<TemplateRecord?> GetAsync(DbConnection connection, string id, int? version, CancellationToken cancellationToken) =>
        ToRecord(await TemplateStore.GetAsync(connection, id, version, cancellationToken));

    private static TemplateRecord? ToRecord(StoredTemplate? stored) => stored is null ? null : new TemplateRecord
    {
        Id = stored.Id,
        Version = stored.Version,
        Title = stored.Title,
        Definition = stored.Definition,
        RegisteredAt = stored.RegisteredAt,
    };
}
