using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportHub.Pipeline.Access;
using ReportHub.Pipeline.Ingestion;
using ReportHub.Warehouse.Resilience;
using ReportHub.Warehouse.Submissions;
using ReportHub.Warehouse.Templates;
using ReportHub.Warehouse.Work;

namespace ReportHub.Pipeline.Worker;

/// <summary>
/// Ingests bytes under a claim on their SHA-256, so that no two workers ingest the same bytes at once, and stamps
/// each file with its claim's instant, so that work committed by a worker that then died is recognised instead of
/// being recorded twice. The whole file is retried on transient warehouse errors: its transaction rolls back, so a
/// retry never half-writes, and a commit whose answer was lost is found again rather than repeated.
/// </summary>
public sealed class ClaimedIngestor(
    IngestService ingest,
    SubmissionStore submissions,
    TemplateStore templates,
    ClaimStore claims,
    WarehouseResilience resilience,
    AuditLog audit,
    IOptions<IngestOptions> options,
    TimeProvider clock,
    ILogger<ClaimedIngestor> logger)
{
    public string WorkerId { get; } = string.IsNullOrWhiteSpace(options.Value.WorkerId)
        ? $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}"
        : options.Value.WorkerId;

    public TimeSpan Lease => TimeSpan.FromSeconds(Math.Max(3, options.Value.ClaimLeaseSeconds));

    public async Task<Claim?> TryClaimAsync(string sha, string label, CancellationToken cancellationToken) =>
        await resilience.ExecuteAsync(async t => await claims.TryClaimAsync(sha, label, WorkerId, clock.GetUtcNow(), Lease, t), cancellationToken);

    /// <summary>Renews the claim's lease every third of its length until disposed.</summary>
    public IAsyncDisposable KeepAlive(Claim claim) =>
        new Renewal(Lease / 3, async t => await claims.RenewAsync(claim, clock.GetUtcNow() + Lease, t), logger, claim.Key);

    /// <summary>
    /// Ingests <paramref name="request"/> stamped with the claim's instant. Each attempt first looks for what an
    /// earlier attempt committed. Cancelling <paramref name="stoppingToken"/> stops between attempts only.
    /// </summary>
    public async Task<IngestResult> IngestAsync(Claim claim, IngestRequest request, CancellationToken stoppingToken)
    {
        var stamped = request with { ReceivedAt = claim.ClaimedAt };
        var sha = claim.Key;
        var fresh = false;
        var result = await resilience.ExecuteAsync(async _ =>
        {
            if (await RecordedResultAsync(sha, request.FileName, ClaimStore.Instant(claim.ClaimedAt), CancellationToken.None) is { } done)
            {
                logger.LogInformation("{File} was already recorded as submission {Id}", request.FileName, done.SubmissionId);
                return done;
            }
            // A file that was started is finished even when a stop is requested, so none is half-written.
            var ingested = await ingest.IngestAsync(stamped, CancellationToken.None);
            fresh = true;
            return ingested;
        }, stoppingToken);
        if (fresh)
        {
            await AuditAsync(result);
        }
        return result;
    }

    /// <summary>The worker's entry for a file it stored: its id names the actor, as it names its claims.</summary>
    private async Task AuditAsync(IngestResult result)
    {
        try
        {
            await resilience.ExecuteAsync(async t => await audit.WriteIngestAsync(AuditActors.Worker(WorkerId), AuditActions.Ingest, result, t), CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The file is stored and its claim must still be finished; a lost entry is logged rather than the file retried.
            logger.LogError("Could not write the audit entry for {File} (submission {Id}): {Error}", result.File, result.SubmissionId, ex.Message);
        }
    }

    /// <summary>The outcome recorded for these bytes under this name at this instant, if any.</summary>
    public async Task<IngestResult?> RecordedResultAsync(string sha, string fileName, string receivedAt, CancellationToken cancellationToken)
    {
        if (await claims.FindRecordedAsync(sha, fileName, receivedAt, cancellationToken) is not { } id
            || await submissions.GetAsync(id, cancellationToken) is not { } record)
        {
            return null;
        }
        var result = new IngestResult
        {
            File = record.FileName,
            Status = record.Outcome,
            SubmissionId = record.DuplicateOf ?? record.Id,
            Unit = record.UnitCode,
            Round = record.RoundCode,
            Issues = record.Issues.Select(IssueDto.From).ToList(),
        };
        var definition = record.TemplateId is null ? null : await templates.DefinitionAsync(record.TemplateId, record.TemplateVersion, cancellationToken);
        return ResultFigures.Apply(result, record.TemplateId, definition, record.Figures);
    }

    public async Task FinishAsync(Claim claim, IngestResult? result, CancellationToken cancellationToken)
    {
        try
        {
            await resilience.ExecuteAsync(async t => await claims.FinishAsync(claim, ClaimStates.Done, result?.Status, result?.SubmissionId, clock.GetUtcNow(), t), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The work itself is complete; the claim simply expires.
            logger.LogWarning("Could not mark claim {Key} done: {Error}", claim.Key, ex.Message);
        }
    }

    /// <summary>Gives the claim back so that another worker may take the file at once (on stop or failure).</summary>
    public async Task ReleaseAsync(Claim claim)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await claims.FinishAsync(claim, ClaimStates.Free, null, null, clock.GetUtcNow(), timeout.Token);
        }
        catch (Exception ex)
        {
            logger.LogWarning("Could not release claim {Key}; it expires with its lease: {Error}", claim.Key, ex.Message);
        }
    }

    private sealed class Renewal : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public Renewal(TimeSpan every, Func<CancellationToken, Task<bool>> renew, ILogger logger, string key)
        {
            _loop = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    try
                    {
                        await Task.Delay(every, _stop.Token);
                        if (!await renew(_stop.Token))
                        {
                            logger.LogWarning("Lost the claim on {Key}: another worker took it over", key);
                            return;
                        }
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                    catch (Exception ex)
                    {
                        logger.LogWarning("Could not renew the claim on {Key}: {Error}", key, ex.Message);
                    }
                }
            });
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _loop;
            _stop.Dispose();
        }
    }
}
