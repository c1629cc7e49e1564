using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportHub.Pipeline.Ingestion;

namespace ReportHub.Pipeline.Inbox;

public sealed record InboxPass(int Processed, int Waiting);

/// <summary>
/// One sweep of the inbox folder. A file still being written is left for a later sweep; a file is moved out only
/// after its outcome is committed, so a crash in between means a harmless duplicate on the next sweep.
/// </summary>
public sealed class InboxProcessor(IngestService ingest, IOptions<IngestOptions> options, TimeProvider clock, ILogger<InboxProcessor> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);
    private readonly Dictionary<string, (long Size, DateTime Written)> _seen = [];

    public async Task<InboxPass> RunOnceAsync(CancellationToken stoppingToken)
    {
        var inbox = Path.GetFullPath(options.Value.Inbox);
        Directory.CreateDirectory(inbox);
        var processed = 0;
        var waiting = 0;
        foreach (var path in Directory.EnumerateFiles(inbox, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            var name = Path.GetFileName(path);
            if (name.StartsWith('.') || name.StartsWith("~$", StringComparison.Ordinal) || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".part", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (!IsSettled(path))
            {
                waiting++;
                continue;
            }
            byte[] content;
            try
            {
                content = await File.ReadAllBytesAsync(path, stoppingToken);
            }
            catch (IOException ex)
            {
                logger.LogInformation("{File} is still busy: {Reason}", path, ex.Message);
                waiting++;
                continue;
            }
            // Started files are finished even when a stop is requested, so none is half-written.
            var result = await ingest.IngestAsync(new IngestRequest
            {
                FileName = name,
                Content = content,
                Source = "inbox",
                RoundHint = RoundFolder(inbox, path),
            }, CancellationToken.None);
            MoveOut(path, content, result);
            _seen.Remove(path);
            processed++;
        }
        return new InboxPass(processed, waiting);
    }

    public int PendingCount()
    {
        var inbox = Path.GetFullPath(options.Value.Inbox);
        return Directory.Exists(inbox)
            ? Directory.EnumerateFiles(inbox, "*", SearchOption.AllDirectories).Count(p => !Path.GetFileName(p).StartsWith('.'))
            : 0;
    }

    // A file is settled when its size and time have not moved since the last sweep, or it is older than a second.
    private bool IsSettled(string path)
    {
        var info = new FileInfo(path);
        var now = (info.Length, info.LastWriteTimeUtc);
        var settled = (_seen.TryGetValue(path, out var before) && before == now)
            || clock.GetUtcNow().UtcDateTime - info.LastWriteTimeUtc > Settle;
        _seen[path] = now;
        return settled;
    }

    private static string? RoundFolder(string inbox, string path)
    {
        var relative = Path.GetRelativePath(inbox, Path.GetDirectoryName(path)!);
        return relative == "." ? null : relative.Split(Path.DirectorySeparatorChar)[0];
    }

    private void MoveOut(string path, byte[] content, IngestResult result)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var rejected = result.Rejected;
        var folder = Path.GetFullPath(rejected ? options.Value.Quarantine : options.Value.Archive);
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, sha + Path.GetExtension(path).ToLowerInvariant());
        if (rejected)
        {
            File.WriteAllText(Path.Combine(folder, sha + ".json"), JsonSerializer.Serialize(result, Json));
        }
        if (File.Exists(target))
        {
            File.Delete(path);
        }
        else
        {
            File.Move(path, target);
        }
        logger.LogInformation("{File} → {Target} ({Status})", path, target, result.Status);
    }
}
