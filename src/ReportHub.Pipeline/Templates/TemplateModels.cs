namespace ReportHub.Pipeline.Templates;

/// <summary>One registered version of a template, as listed: GET /api/templates and `templates list`.</summary>
public sealed record TemplateSummary
{
    public required string Id { get; init; }
    public required int Version { get; init; }
    public required string Title { get; init; }

    /// <summary>The stored definition no longer loads: it is not used to read files, and its rounds cannot be exported.</summary>
    public bool Broken { get; init; }

    /// <summary>Why it is broken, in Vietnamese; absent when it is not.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }
}

/// <summary>A registered definition: its JSON exactly as stored.</summary>
public sealed record TemplateRecord
{
    public required string Id { get; init; }
    public required int Version { get; init; }
    public required string Title { get; init; }
    public required string Definition { get; init; }
    public required DateTimeOffset RegisteredAt { get; init; }

    public TemplateSummary Summary => new() { Id = Id, Version = Version, Title = Title };
}

public enum RegistrationStatus
{
    /// <summary>A new template or a new version of one was stored.</summary>
    Registered,

    /// <summary>The same version with the same definition was already registered: nothing changed.</summary>
    Unchanged,

    /// <summary>The definition is invalid or its version conflicts with what is registered; see the errors.</summary>
    Refused,
}

public sealed record TemplateRegistration
{
    public required RegistrationStatus Status { get; init; }
    public TemplateSummary? Template { get; init; }
    public IReadOnlyList<TemplateError> Errors { get; init; } = [];

    public bool Accepted => Status != RegistrationStatus.Refused;
}
