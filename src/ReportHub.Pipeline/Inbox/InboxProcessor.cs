using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportHub.Pipeline.Ingestion;
using ReportHub.Warehouse.Work;

namespace ReportHub.Pipeline.Inbox;

/// <param name="Processed">Files this sweep ingested and moved out.</param>
/// <param name="Waiting">Files left for a later sweep: still being written, busy, or held by another worker.</param>
public sealed record InboxPass(int Processed, int Waiting);

/// <summary>
/// One sweep of the inbox folder, safe with several workers on one inbox. For each file: read it, claim its
/// SHA-256 in the warehouse (skip it when another worker holds the claim), ingest it stamped with the claim's
/// instant, move it out, mark the claim done. A worker killed at any step leaves either nothing committed (the
/// next claimant ingests the file) or a committed submission with that stamp (the next claimant finds it, moves the
/// file out and records nothing again).
/// </summary>
public sealed class InboxProcessor(ClaimedIngestor worker, IOptions<IngestOptions> options, TimeProvider clock, ILogger<InboxProcessor> logger)
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
        var files = Directory.EnumerateFiles(inbox, "*", SearchOption.AllDirectories).Where(p => !Ignored(p)).Order(StringComparer.Ordinal).ToList();
        // Workers start at different places, so that several of them seldom reach for the same file.
        var start = files.Count == 0 ? 0 : Random.Shared.Next(files.Count);
        foreach (var path in files.Skip(start).Concat(files.Take(start)))
        {
            if (stoppingToken.IsCancellationRequested)
            {
                break;
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
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                // Another worker finished it.
                _seen.Remove(path);
                continue;
            }
            catch (IOException ex)
            {
                logger.LogInformation("{File} is still busy: {Reason}", path, ex.Message);
                waiting++;
                continue;
            }
            catch (OperationCanceledException)
            {
                break;
            }
            switch (await ProcessAsync(inbox, path, content, stoppingToken))
            {
                case Step.Done:
                    processed++;
                    break;
                case Step.Gone:
                    break;
                case Step.Busy:
                    waiting++;
                    break;
                case Step.Stopped:
                    return new InboxPass(processed, waiting + 1);
            }
        }
        return new InboxPass(processed, waiting);
    }

    private enum Step
    {
        Done,
        Gone,
        Busy,
        Stopped,
    }

    private async Task<Step> ProcessAsync(string inbox, string path, byte[] content, CancellationToken stoppingToken)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var relative = Path.GetRelativePath(inbox, path);
        Claim? claim;
        try
        {
            claim = await worker.TryClaimAsync(sha, relative, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return Step.Stopped;
        }
        catch (Exception ex)
        {
            logger.LogError("Could not claim {File}: {Error}", path, ex.Message);
            return Step.Busy;
        }
        if (claim is null)
        {
            logger.LogDebug("{File} is being processed by another worker", path);
            return Step.Busy;
        }
        try
        {
            IngestResult result;
            await using (worker.KeepAlive(claim))
            {
                if (claim.Previous is { Abandoned: true } previous)
                {
                    await FinishPredecessorAsync(inbox, previous, sha, stoppingToken);
                }
                if (!File.Exists(path))
                {
                    // Done by another worker between our read and our claim.
                    await worker.FinishAsync(claim, null, CancellationToken.None);
                    _seen.Remove(path);
                    return Step.Gone;
                }
                result = await worker.IngestAsync(claim, new IngestRequest
                {
                    FileName = Path.GetFileName(path),
                    Content = content,
                    Source = "inbox",
                    RoundHint = RoundFolder(inbox, path),
                }, stoppingToken);
                MoveOut(path, content, result);
            }
            await worker.FinishAsync(claim, result, CancellationToken.None);
            _seen.Remove(path);
            return Step.Done;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await worker.ReleaseAsync(claim);
            return Step.Stopped;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not ingest {File}; it stays in the inbox for a later sweep", path);
            await worker.ReleaseAsync(claim);
            return Step.Busy;
        }
    }

    /// <summary>
    /// The claim was taken over from a worker that died holding it. If that worker committed its file, the file is
    /// moved out now with the recorded outcome and nothing is recorded again.
    /// </summary>
    private async Task FinishPredecessorAsync(string inbox, PreviousClaim previous, string sha, CancellationToken stoppingToken)
    {
        logger.LogWarning("Taking over {File} from worker {Owner}, whose lease ran out at {Lease}", previous.Path, previous.Owner, previous.LeaseUntil);
        var path = Path.Combine(inbox, previous.Path);
        if (!File.Exists(path))
        {
            return;
        }
        var recorded = await worker.RecordedResultAsync(sha, Path.GetFileName(path), previous.ClaimedAt, stoppingToken);
        if (recorded is null)
        {
            return;
        }
        byte[] content;
        try
        {
            content = await File.ReadAllBytesAsync(path, stoppingToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return;
        }
        if (Convert.ToHexStringLower(SHA256.HashData(content)) == sha)
        {
            logger.LogInformation("{File} was committed by the dead worker as submission {Id}; moving it out", path, recorded.SubmissionId);
            MoveOut(path, content, recorded);
        }
    }

    /// <summary>Files waiting in the inbox.</summary>
    public int PendingCount()
    {
        var inbox = Path.GetFullPath(options.Value.Inbox);
        return Directory.Exists(inbox)
            ? Directory.EnumerateFiles(inbox, "*", SearchOption.AllDirectories).Count(p => !Ignored(p))
            : 0;
    }

    private static bool Ignored(string path)
    {
        var name = Path.GetFileName(path);
        return name.StartsWith('.') || name.StartsWith("~$", StringComparison.Ordinal)
            || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".part", StringComparison.OrdinalIgnoreCase);
    }

    // A file is settled when its size and time have not moved since the last sweep, or it is older than a second.
    private bool IsSettled(string path)
    {
        FileInfo info;
        try
        {
            info = new FileInfo(path);
            if (!info.Exists)
            {
                return true;
            }
        }
        catch (IOException)
        {
            return false;
        }
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

    /// <summary>Moves the file to the archive (or quarantine), named by its hash. Another worker may have moved it first.</summary>
    private void MoveOut(string path, byte[] content, IngestResult result)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var rejected = result.Rejected;
        var folder = Path.GetFullPath(rejected ? options.Value.Quarantine : options.Value.Archive);
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, sha + Path.GetExtension(path).ToLowerInvariant());
        if (rejected)
        {
            var report = Path.Combine(folder, sha + ".json");
            var temp = report + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
            File.WriteAllText(temp, JsonSerializer.Serialize(result, Json));
            File.Move(temp, report, overwrite: true);
        }
        try
        {
            // Same bytes, same name: replacing an earlier copy loses nothing, and rename is atomic.
            File.Move(path, target, overwrite: true);
            logger.LogInformation("{File} → {Target} ({Status})", path, target, result.Status);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            logger.LogInformation("{File} was already moved out by another worker", path);
        }
    }
}
