using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ReportHub.Pipeline.Ingestion;

namespace ReportHub.Api.Uploads;

/// <summary>A file kept after a clean check, ready to be sent with one click.</summary>
public sealed record CheckedUpload
{
    public required string Token { get; init; }
    public required string User { get; init; }
    public required string Unit { get; init; }
    public string? Round { get; init; }
    public required string FileName { get; init; }
    public required DateTimeOffset CheckedAt { get; init; }
}

/// <summary>
/// Files that passed a check (“Kiểm tra thử”) on the unit page, kept on the server so that “Gửi báo cáo này” sends the
/// very bytes that were checked without the clerk choosing the file again. Each is kept under a random token in the
/// <c>checked</c> folder beside <c>Ingest:Archive</c>, bound to the account and unit that checked it, and taken once:
/// sending deletes it, and one older than <see cref="Lifetime"/> is deleted unread. At most <see cref="MaxKept"/> are
/// kept (the oldest go first), each no larger than <c>Ingest:MaxFileBytes</c>, so the folder stays bounded.
/// </summary>
public sealed class CheckedUploads(IOptions<IngestOptions> options, TimeProvider clock, ILogger<CheckedUploads> logger)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public const int MaxKept = 200;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Lock _gate = new();

    public string Folder => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(options.Value.Archive)) ?? ".", "checked");

    /// <summary>Keeps the checked bytes; null when they are over the file limit (nothing is kept then).</summary>
    public CheckedUpload? Keep(string user, string unit, string? round, string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0 || content.Length > options.Value.MaxFileBytes)
        {
            return null;
        }
        var entry = new CheckedUpload
        {
            Token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)),
            User = user,
            Unit = unit,
            Round = round,
            FileName = fileName,
            CheckedAt = clock.GetUtcNow(),
        };
        lock (_gate)
        {
            Directory.CreateDirectory(Folder);
            Sweep(keepRoomForOne: true);
            File.WriteAllBytes(DataPath(entry.Token), content);
            File.WriteAllText(MetaPath(entry.Token), JsonSerializer.Serialize(entry, Json));
        }
        return entry;
    }

    /// <summary>
    /// The kept file for this token if it belongs to this account and unit and is still fresh; it is removed either
    /// way once found fresh and owned, so a token sends at most once. Null otherwise (unknown, expired, someone else's).
    /// </summary>
    public (CheckedUpload Entry, byte[] Content)? Take(string token, string user, string unit)
    {
        if (!IsToken(token))
        {
            return null;
        }
        lock (_gate)
        {
            Sweep(keepRoomForOne: false);
            CheckedUpload? entry;
            try
            {
                entry = JsonSerializer.Deserialize<CheckedUpload>(File.ReadAllText(MetaPath(token)), Json);
            }
            catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
            {
                return null;
            }
            // Someone else's token is left alone: it is not theirs to spend.
            if (entry is null || entry.User != user || entry.Unit != unit)
            {
                return null;
            }
            byte[] content;
            try
            {
                content = File.ReadAllBytes(DataPath(token));
            }
            catch (IOException)
            {
                Delete(token);
                return null;
            }
            Delete(token);
            return (entry, content);
        }
    }

    /// <summary>Deletes what has expired and, when the folder is full, the oldest entries.</summary>
    private void Sweep(bool keepRoomForOne)
    {
        if (!Directory.Exists(Folder))
        {
            return;
        }
        var now = clock.GetUtcNow();
        var entries = new List<(string Token, DateTimeOffset At)>();
        foreach (var meta in Directory.EnumerateFiles(Folder, "*.json"))
        {
            var token = Path.GetFileNameWithoutExtension(meta);
            try
            {
                var entry = JsonSerializer.Deserialize<CheckedUpload>(File.ReadAllText(meta), Json);
                if (entry is null || now - entry.CheckedAt > Lifetime)
                {
                    Delete(token);
                    continue;
                }
                entries.Add((token, entry.CheckedAt));
            }
            catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
            {
                logger.LogWarning("Checked upload {Token} could not be read and is removed: {Error}", token, e.Message);
                Delete(token);
            }
        }
        var room = keepRoomForOne ? MaxKept - 1 : MaxKept;
        foreach (var (token, _) in entries.OrderBy(e => e.At).Take(Math.Max(0, entries.Count - room)))
        {
            Delete(token);
        }
        // A data file whose description is gone is an orphan of an interrupted write.
        foreach (var data in Directory.EnumerateFiles(Folder, "*.bin"))
        {
            if (!File.Exists(Path.ChangeExtension(data, ".json")))
            {
                File.Delete(data);
            }
        }
    }

    private void Delete(string token)
    {
        File.Delete(MetaPath(token));
        File.Delete(DataPath(token));
    }

    private static bool IsToken(string? token) => token is { Length: 48 } && token.All(char.IsAsciiHexDigitLower);

    private string DataPath(string token) => Path.Combine(Folder, token + ".bin");

    private string MetaPath(string token) => Path.Combine(Folder, token + ".json");
}
