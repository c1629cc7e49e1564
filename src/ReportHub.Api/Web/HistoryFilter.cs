using ReportHub.Warehouse.Submissions;

namespace ReportHub.Api.Web;

/// <summary>
/// The history list's filters, read from the address with their own names (<c>hq</c>, <c>hstatus</c>, <c>hpage</c>,
/// <c>hsize</c>) so they never clash with the parameters of the page the history sits on.
/// </summary>
public sealed record HistoryFilter
{
    public const string TextParameter = "hq";
    public const string StatusParameter = "hstatus";
    public const string PageParameter = "hpage";
    public const string SizeParameter = "hsize";
    public const int PageSize = 20;

    public string? Text { get; init; }
    public string? Status { get; init; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(Status);

    /// <summary>The choices of the status filter, by the value the address carries.</summary>
    public static readonly IReadOnlyList<string> Statuses =
        [VersionStatuses.Current, VersionStatuses.Superseded, VersionStatuses.Rejected, VersionStatuses.Duplicate];

    public static HistoryFilter From(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new HistoryFilter { Text = request.Query[TextParameter].FirstOrDefault(), Status = request.Query[StatusParameter].FirstOrDefault() };
    }

    /// <summary>A version matches when its status is the one asked for and the words are in its number, file name or round.</summary>
    public bool Matches(SubmissionRecord version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return (string.IsNullOrWhiteSpace(Status) || version.Status == Status.Trim())
            && (string.IsNullOrWhiteSpace(Text)
                || TextSearch.Contains(version.FileName, Text)
                || TextSearch.Contains(version.RoundCode, Text)
                || TextSearch.Contains("#" + version.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Text));
    }
}
