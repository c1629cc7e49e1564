namespace ReportHub.Core.Domain;

public static class UnitTypes
{
    public const string Province = "province";
    public const string Department = "department";
    public const string District = "district";
    public const string Commune = "commune";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All = [Province, Department, District, Commune, Other];
}

public sealed record Unit
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string Type { get; init; }
    public string? Parent { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
    public string? Successor { get; init; }

    /// <summary>The contact address reminders go to (NFC, validated when stored); null when none is known.</summary>
    public string? Email { get; init; }

    public bool IsActiveOn(DateOnly day) =>
        (ValidFrom is null || ValidFrom <= day) && (ValidTo is null || day <= ValidTo);
}

public sealed record Round
{
    public required string Code { get; init; }
    public required string Title { get; init; }
    public string? RequestDocument { get; init; }
    public DateOnly? RequestDate { get; init; }
    public required DateOnly Deadline { get; init; }

    /// <summary>The template its reports are read with: every round names one.</summary>
    public required string Template { get; init; }

    /// <summary>
    /// The version of <see cref="Template"/> its reports are read, summed and exported with: the latest registered when
    /// the round was opened, until an analyst moves the round to a newer one. One round never mixes versions.
    /// </summary>
    public int TemplateVersion { get; init; } = 1;

    public bool Closed { get; init; }

    /// <summary>The rule the expected units were chosen by; null for a round whose units were listed one by one.</summary>
    public RoundExpectation? Expected { get; init; }

    public IReadOnlyList<string> ExpectedUnits { get; init; } = [];
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
}
