using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportHub.Core.Issues;
using ReportHub.Pipeline.Ingestion;
using ReportHub.Pipeline.Intake;
using ReportHub.Pipeline.Sources;
using ReportHub.Warehouse.Resilience;
using ReportHub.Core.Measures;
using ReportHub.Warehouse.Submissions;
using ReportHub.Warehouse.Work;

namespace ReportHub.Pipeline.Worker;

/// <param name="Processed">Files this sweep ingested and moved out.</param>
/// <param name="Waiting">Files left for a later sweep: still being written, busy, or held by another worker.</param>
public sealed record InboxPass(int Processed, int Waiting);

/// <summary>
/// One sweep of the inbox folder, safe with several workers on one inbox. For each file: read it, claim its
/// SHA-256 in the warehouse (skip it when another worker holds the claim), ingest it stamped with the claim's
/// instant, move it out, mark the claim done. A worker killed at any step leaves either nothing committed (the
/// next claimant ingests the file) or a committed submission with that stamp (the next claimant finds it, moves the
/// file out and records nothing again).
/// Only regular files whose real path lies inside the inbox are taken: a symbolic link (to a file or to a folder)
/// and a FIFO, socket or device are skipped with a warning and left where they are, untouched, for an operator to
/// remove; they never count as waiting. Reading through a link would publish whatever it points at, and opening a
/// FIFO blocks for ever. A file over <c>Ingest:MaxFileBytes</c> is hashed without being buffered, recorded as
/// rejected without its bytes and moved to quarantine. A file the warehouse refuses for good is quarantined too.
/// </summary>
public sealed class InboxProcessor(ClaimedIngestor worker, IOptions<IngestOptions> options, TimeProvider clock, ILogger<InboxProcessor> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);
    private readonly Dictionary<string, (long Size, DateTime Written)> _seen = [];
    // PendingCount runs on the health endpoint's thread while a sweep runs.
    private readonly ConcurrentDictionary<string, bool> _warned = new(StringComparer.Ordinal);

    public async Task<InboxPass> RunOnceAsync(CancellationToken stoppingToken)
    {
        var inbox = Path.GetFullPath(options.Value.Inbox);
        Directory.CreateDirectory(inbox);
        var processed = 0;
        var waiting = 0;
        var files = Candidates(inbox);
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
            ReceivedFile content;
            try
            {
                content = await ReceivedFile.ReadFileAsync(path, options.Value.MaxFileBytes, stoppingToken);
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

    private async Task<Step> ProcessAsync(string inbox, string path, ReceivedFile content, CancellationToken stoppingToken)
    {
        var sha = content.Sha256;
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
        IngestResult? result = null;
        try
        {
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
                if (content.TooLarge)
                {
                    logger.LogWarning("{File} is {Size} bytes, over Ingest:MaxFileBytes; recording it without its bytes", path, content.Size);
                }
                result = await worker.IngestAsync(claim, InboxSource.Request(inbox, path, content), stoppingToken);
                MoveOut(path, sha, result);
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
        catch (Exception ex) when (result is null && !TransientErrors.IsTransient(ex))
        {
            // A failure that would come back on every sweep: the file goes to quarantine with why, never round again.
            logger.LogError(ex, "Could not ingest {File}; moving it to quarantine", path);
            try
            {
                MoveOut(path, sha, ResultFigures.Apply(new IngestResult
                {
                    File = FileNames.Clean(Path.GetFileName(path)),
                    Status = Outcomes.Rejected,
                    Issues = [IssueDto.From(IngestMessages.SaveFailed(FileNames.Clean(Path.GetFileName(path)), recorded: false))],
                }, null, null, MeasureFigures.Empty));
            }
            catch (Exception move) when (move is IOException or UnauthorizedAccessException)
            {
                logger.LogError("Could not quarantine {File}: {Error}; it stays in the inbox", path, move.Message);
                await worker.ReleaseAsync(claim);
                return Step.Busy;
            }
            await worker.FinishAsync(claim, null, CancellationToken.None);
            _seen.Remove(path);
            return Step.Done;
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
        var recorded = await worker.RecordedResultAsync(sha, FileNames.Clean(Path.GetFileName(path)), previous.ClaimedAt, stoppingToken);
        if (recorded is null || InboxEntry.KindOf(path) != EntryKind.Regular)
        {
            return;
        }
        ReceivedFile content;
        try
        {
            // Hashed only: the bytes are not needed again.
            content = await ReceivedFile.ReadFileAsync(path, maxBytes: 0, stoppingToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return;
        }
        if (content.Sha256 == sha)
        {
            logger.LogInformation("{File} was committed by the dead worker as submission {Id}; moving it out", path, recorded.SubmissionId);
            MoveOut(path, sha, recorded);
        }
    }

    /// <summary>Files waiting in the inbox.</summary>
    public int PendingCount()
    {
        var inbox = Path.GetFullPath(options.Value.Inbox);
        return Directory.Exists(inbox) ? Candidates(inbox).Count : 0;
    }

    /// <summary>
    /// The regular files under the inbox, found without following any link: a linked file or folder is skipped,
    /// so every file taken has its real path inside the inbox.
    /// </summary>
    private List<string> Candidates(string inbox)
    {
        var files = new List<string>();
        var folders = new Stack<string>([inbox]);
        while (folders.TryPop(out var folder))
        {
            IEnumerable<string> entries;
            try
            {
                entries = Directory.EnumerateFileSystemEntries(folder).ToList();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning("Cannot list {Folder}: {Error}", folder, ex.Message);
                continue;
            }
            foreach (var entry in entries)
            {
                if (Ignored(entry))
                {
                    continue;
                }
                switch (InboxEntry.KindOf(entry))
                {
                    case EntryKind.Directory:
                        folders.Push(entry);
                        break;
                    case EntryKind.Regular:
                        files.Add(entry);
                        break;
                    case EntryKind.SymbolicLink:
                        WarnOnce(entry, "is a symbolic link; only regular files inside the inbox are ingested. Remove it or copy the file itself into the inbox");
                        break;
                    case EntryKind.Special:
                        WarnOnce(entry, "is not a regular file (FIFO, socket or device); it is skipped. Remove it from the inbox");
                        break;
                }
            }
        }
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private void WarnOnce(string path, string why)
    {
        if (_warned.TryAdd(path, true))
        {
            logger.LogWarning("{Path} {Why}", path, why);
        }
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

    /// <summary>Moves the file to the archive (or quarantine), named by its hash. Another worker may have moved it first.</summary>
    private void MoveOut(string path, string sha, IngestResult result)
    {
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
