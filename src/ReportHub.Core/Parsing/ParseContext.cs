using ReportHub.Core.Issues;

namespace ReportHub.Core.Parsing;

/// <summary>
/// Collects the issues of one parse with the sheet name filled in. A hostile or badly broken sheet can raise one
/// finding per cell; past <see cref="MaxPerSeverity"/> of a severity the rest are only counted and stand as one
/// summary, so the list a submitter reads (and the warehouse stores) stays short.
/// </summary>
public sealed class ParseContext(string sheet)
{
    public const int MaxPerSeverity = 200;

    private readonly List<Issue> _issues = [];
    private int _errors;
    private int _warnings;

    public string Sheet { get; } = sheet;

    public IReadOnlyList<Issue> Issues
    {
        get
        {
            var extraErrors = _errors - MaxPerSeverity;
            var extraWarnings = _warnings - MaxPerSeverity;
            if (extraErrors <= 0 && extraWarnings <= 0)
            {
                return _issues;
            }
            var all = new List<Issue>(_issues);
            if (extraErrors > 0)
            {
                all.Add(Issue.Error(IssueCodes.IssuesTruncated, Messages.MoreIssues(extraErrors, errors: true), Sheet));
            }
            if (extraWarnings > 0)
            {
                all.Add(Issue.Warning(IssueCodes.IssuesTruncated, Messages.MoreIssues(extraWarnings, errors: false), Sheet));
            }
            return all;
        }
    }

    public void Error(string code, string? cell, string message)
    {
        if (++_errors <= MaxPerSeverity)
        {
            _issues.Add(Issue.Error(code, message, Sheet, cell));
        }
    }

    public void Warning(string code, string? cell, string message)
    {
        if (++_warnings <= MaxPerSeverity)
        {
            _issues.Add(Issue.Warning(code, message, Sheet, cell));
        }
    }
}
