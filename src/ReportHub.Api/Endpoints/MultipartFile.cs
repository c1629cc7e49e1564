using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using ReportHub.Api.Uploads;

namespace ReportHub.Api.Endpoints;

/// <summary>The one way the file routes read a multipart body: capped, parsed, and its <c>file</c> field found.</summary>
internal static class MultipartFile
{
    /// <summary>
    /// Caps the body at <paramref name="requestBytes"/> before a byte of it is read (by the announced length, and by
    /// counting for chunked bodies), then reads the form. The problem, when there is one, answers the request.
    /// </summary>
    public static async Task<(IFormCollection? Form, IFormFile? File, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request,
        long requestBytes, Func<ProblemHttpResult> tooLarge, string notMultipart, string missingFile, CancellationToken ct)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = requestBytes;
        }
        if (request.ContentLength > requestBytes)
        {
            return (null, null, tooLarge());
        }
        if (!request.HasFormContentType)
        {
            return (null, null, Problems.BadRequest(notMultipart));
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (IOException ex) when (ex is not BadHttpRequestException && !ct.IsCancellationRequested)
        {
            // An unterminated part or a body cut short: the client's request, not the server, is at fault.
            throw new MalformedFormException(ex);
        }
        return form.Files.GetFile("file") is { } file ? (form, file, null) : (form, null, Problems.BadRequest(missingFile));
    }
}
