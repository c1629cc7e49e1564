using ReportHub.Core.Domain;

namespace ReportHub.Core.Parsing;

public sealed record ParseOptions
{
    /// <summary>The day the file arrived; bounds the plausible dates of directives.</summary>
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>The first plausible day for a template's dateWindow rule that names no "from" of its own.</summary>
    public DateOnly EarliestDate { get; init; } = new(2019, 12, 1);
}

public sealed record ParseResult(ParsedReport? Report, IReadOnlyList<Issues.Issue> Issues)
{
    /// <summary>Describes the places of this parse's findings, and of any found later about the same sheet.</summary>
    public ReportHub.Core.Issues.IssueLocator Locator { get; init; } = ReportHub.Core.Issues.IssueLocator.None;

    public bool HasErrors => Issues.Any(i => i.Severity == ReportHub.Core.Issues.Severity.Error);
}
