using ReportHub.Core.Issues;

namespace ReportHub.Core.Parsing;

/// <summary>Collects the issues of one parse with the sheet name filled in.</summary>
public sealed class ParseContext(string sheet)
{
    private readonly List<Issue> _issues = [];

    public string Sheet { get; } = sheet;

    public IReadOnlyList<Issue> Issues => _issues;

    public void Error(string code, string? cell, string message) => _issues.Add(Issue.Error(code, message, Sheet, cell));

    public void Warning(string code, string? cell, string message) => _issues.Add(Issue.Warning(code, message, Sheet, cell));
}
