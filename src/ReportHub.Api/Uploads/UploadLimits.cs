using ReportHub.Pipeline.Ingestion;

namespace ReportHub.Api.Uploads;

/// <summary>How large an upload request may be: the file limit plus room for the multipart envelope.</summary>
public static class UploadLimits
{
    /// <summary>Boundaries, part headers (at most 16 KB each) and the few small fields a form may carry.</summary>
    public const long MultipartOverhead = 256 * 1024;

    /// <summary>More form fields than this is not a report upload (ASP.NET Core's default as well).</summary>
    public const int MaxFormFields = 1024;

    public static long RequestBytes(long maxFileBytes) => maxFileBytes + MultipartOverhead;

    public static long RequestBytes(IngestOptions options) => RequestBytes(options.MaxFileBytes);

    /// <summary>
    /// How large a body sent from a page may be and still be read through to its end, only to be thrown away, so the
    /// person gets the page saying the file is too large: a browser still sending when the server closes the
    /// connection shows a connection error instead. Anything larger is cut off as soon as it is announced.
    /// </summary>
    public static long DrainBytes(IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return RequestBytes(options) * 4;
    }
}
