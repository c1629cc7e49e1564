using ReportHub.Pipeline.Ingestion;
using ReportHub.Readers;

namespace ReportHub.Pipeline.Sources;

/// <summary>
/// A department endpoint's answer (<c>Ingest:HttpSources</c>); <c>HttpSourcePoller</c> decides when to ask
/// and whether the answer is new.
/// </summary>
public static class HttpSource
{
    /// <summary>The answer's bytes with the unit and round configured for the source; blank settings are no hint.</summary>
    public static IngestRequest Request(HttpSourceOptions source, string fileName, byte[] content) => new()
    {
        FileName = fileName,
        Content = content,
        Source = "http",
        UnitHint = string.IsNullOrWhiteSpace(source.Unit) ? null : source.Unit,
        RoundHint = string.IsNullOrWhiteSpace(source.Round) ? null : source.Round,
    };

    /// <summary>The name from Content-Disposition, else the URL's last segment, else one made from the unit and round.</summary>
    public static string FileNameOf(HttpResponseMessage response, HttpSourceOptions source)
    {
        var disposition = response.Content.Headers.ContentDisposition;
        var named = (disposition?.FileNameStar ?? disposition?.FileName)?.Trim('"');
        if (!string.IsNullOrWhiteSpace(named))
        {
            return Path.GetFileName(named);
        }
        if (Uri.TryCreate(source.Url, UriKind.Absolute, out var uri))
        {
            var last = Uri.UnescapeDataString(uri.Segments.LastOrDefault() ?? "").Trim('/');
            if (ReportFormats.IsReportFile(last))
            {
                return last;
            }
        }
        var extension = ReportFormats.ExtensionOf(response.Content.Headers.ContentType?.MediaType) ?? ".xlsx";
        return $"{source.Unit ?? "source"}-{source.Round ?? "report"}{extension}";
    }
}
