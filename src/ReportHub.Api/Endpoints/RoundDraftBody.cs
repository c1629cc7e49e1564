using System.Text.Json;
using ReportHub.Pipeline.Rounds;

namespace ReportHub.Api.Endpoints;

/// <summary>
/// The JSON body of a round created or edited. Read here rather than bound by the framework, so that a malformed body
/// gets an answer about JSON in Vietnamese, and read in bounded memory.
/// </summary>
internal static class RoundDraftBody
{
    // A round is a few hundred bytes; the body limit of uploads is for report files, not for this.
    public const int MaxBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <returns>The draft, or the message that says what is wrong with the body: <paramref name="tooLong"/>,
    /// <paramref name="invalid"/>'s for a JSON error, or <paramref name="empty"/>.</returns>
    public static Task<(RoundDraft? Draft, string? Error)> ReadAsync(HttpRequest request, string tooLong,
        Func<JsonException, string> invalid, string empty, CancellationToken ct) =>
        ReadAsync<RoundDraft>(request, tooLong, invalid, empty, ct);

    /// <summary>Any small JSON body about a round (an upgrade's {version, force}, a unit added to a round), read the same bounded way.</summary>
    public static async Task<(T? Body, string? Error)> ReadAsync<T>(HttpRequest request, string tooLong,
        Func<JsonException, string> invalid, string empty, CancellationToken ct) where T : class
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, tooLong);
        }
        var buffer = new byte[MaxBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), ct)) > 0)
        {
            length += read;
        }
        if (length > MaxBytes)
        {
            return (null, tooLong);
        }
        try
        {
            var draft = length == 0 ? null : JsonSerializer.Deserialize<T>(buffer.AsSpan(0, length), Json);
            return draft is null ? (null, empty) : (draft, null);
        }
        catch (JsonException ex)
        {
            return (null, invalid(ex));
        }
    }
}
