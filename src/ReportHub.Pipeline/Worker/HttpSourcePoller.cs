using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using ReportHub.Pipeline.Ingestion;
using ReportHub.Pipeline.Resilience;
using ReportHub.Pipeline.Sources;
using ReportHub.Warehouse.Resilience;
using ReportHub.Warehouse.Work;

namespace ReportHub.Pipeline.Worker;

/// <param name="Ingested">Sources whose new content was ingested in this pass.</param>
/// <param name="Pending">Sources not yet known to be empty (changed, busy elsewhere, or failing).</param>
public sealed record SourcePass(int Ingested, int Pending);

/// <summary>
/// Polls the department endpoints configured as <c>Ingest:HttpSources:N:Url/Unit/Round</c>. Requests carry
/// If-None-Match and If-Modified-Since from the last answer, so only changes are fetched; what changed goes through
/// the same claimed ingest as inbox files. Several workers share a source through a polling lease in the warehouse,
/// so it is polled once per <c>Ingest:PollSeconds</c> between them. Each poll's outcome is recorded.
/// </summary>
public sealed class HttpSourcePoller(
    IHttpClientFactory httpClients,
    SourceResilience resilience,
    SourceStateStore states,
    ClaimedIngestor worker,
    WarehouseResilience warehouse,
    IOptions<IngestOptions> options,
    TimeProvider clock,
    ILogger<HttpSourcePoller> logger)
{
    public const string ClientName = "reporthub-sources";

    private enum Poll
    {
        Skipped,
        Changed,
        Empty,
        Failed,
    }

    public async Task<SourcePass> PollAsync(DrainRun? drain, CancellationToken stoppingToken)
    {
        var ingested = 0;
        var pending = 0;
        foreach (var source in options.Value.HttpSources.Where(s => !string.IsNullOrWhiteSpace(s.Url)))
        {
            if (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            if (drain is not null && drain.Empty.Contains(source.Url))
            {
                continue;
            }
            Poll result;
            try
            {
                result = await PollOneAsync(source, force: drain is not null, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The warehouse did not answer even after retries.
                logger.LogError("Source {Url}: {Error}", source.Url, ex.Message);
                result = Poll.Failed;
            }
            switch (result)
            {
                case Poll.Changed:
                    ingested++;
                    pending++;
                    break;
                case Poll.Empty:
                    drain?.Empty.Add(source.Url);
                    break;
                case Poll.Skipped:
                    pending++;
                    break;
                case Poll.Failed when drain is not null:
                    var failures = drain.Failures[source.Url] = drain.Failures.GetValueOrDefault(source.Url) + 1;
                    if (failures >= Math.Max(1, options.Value.DrainSourceAttempts))
                    {
                        logger.LogError("Source {Url} failed {Count} polls in a row; giving it up for this run", source.Url, failures);
                        drain.GiveUp(source.Url);
                    }
                    else
                    {
                        pending++;
                    }
                    break;
            }
        }
        return new SourcePass(ingested, pending);
    }

    private async Task<Poll> PollOneAsync(HttpSourceOptions source, bool force, CancellationToken stoppingToken)
    {
        var url = source.Url;
        await warehouse.ExecuteAsync(async t => await states.EnsureAsync(url, source.Unit, source.Round, t), stoppingToken);
        var leased = await warehouse.ExecuteAsync(async t => await states.TryLeaseAsync(url, worker.WorkerId, clock.GetUtcNow(), worker.Lease, force, t), stoppingToken);
        if (!leased)
        {
            return Poll.Skipped;
        }
        try
        {
            return await FetchAsync(source, stoppingToken);
        }
        finally
        {
            try
            {
                var next = clock.GetUtcNow() + TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds));
                await warehouse.ExecuteAsync(async t => await states.ReleaseAsync(url, worker.WorkerId, next, t), CancellationToken.None);
            }
            catch (Exception ex)
            {
                logger.LogWarning("Source {Url}: could not release the polling lease; it expires: {Error}", url, ex.Message);
            }
        }
    }

    private async Task<Poll> FetchAsync(HttpSourceOptions source, CancellationToken stoppingToken)
    {
        var url = source.Url;
        var state = await warehouse.ExecuteAsync(async t => await states.GetAsync(url, t), stoppingToken);
        var client = httpClients.CreateClient(ClientName);
        HttpResponseMessage response;
        try
        {
            response = await resilience.For(url).ExecuteAsync(async token =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                if (!string.IsNullOrEmpty(state?.Etag))
                {
                    request.Headers.TryAddWithoutValidation("If-None-Match", state.Etag);
                }
                if (!string.IsNullOrEmpty(state?.LastModified))
                {
                    request.Headers.TryAddWithoutValidation("If-Modified-Since", state.LastModified);
                }
                return await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, token);
            }, stoppingToken);
        }
        catch (BrokenCircuitException ex)
        {
            logger.LogWarning("Source {Url}: circuit open, not called ({Error})", url, ex.Message);
            await RecordAsync(url, new SourcePollRecord { Success = false, Outcome = SourceOutcomes.CircuitOpen, Error = ex.Message });
            return Poll.Failed;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogError("Source {Url} failed: {Error}", url, ex.Message);
            await RecordAsync(url, new SourcePollRecord { Success = false, Outcome = SourceOutcomes.Failed, Error = $"{ex.GetType().Name}: {ex.Message}" });
            return Poll.Failed;
        }

        using (response)
        {
            var etag = response.Headers.ETag?.ToString() ?? state?.Etag;
            var lastModified = response.Content.Headers.LastModified?.ToString("R") ?? state?.LastModified;
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                logger.LogDebug("Source {Url}: not modified", url);
                await RecordAsync(url, new SourcePollRecord { Success = true, Outcome = SourceOutcomes.NotModified, Etag = etag, LastModified = lastModified });
                return Poll.Empty;
            }
            if (!response.IsSuccessStatusCode)
            {
                logger.LogError("Source {Url} answered HTTP {Status}", url, (int)response.StatusCode);
                await RecordAsync(url, new SourcePollRecord { Success = false, Outcome = SourceOutcomes.Failed, Error = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}" });
                return Poll.Failed;
            }
            var content = await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
            var sha = Convert.ToHexStringLower(SHA256.HashData(content));
            if (sha == state?.ContentSha256)
            {
                // The server ignored the validators but sent what we already have.
                await RecordAsync(url, new SourcePollRecord { Success = true, Outcome = SourceOutcomes.Unchanged, Etag = etag, LastModified = lastModified });
                return Poll.Empty;
            }
            var fileName = HttpSource.FileNameOf(response, source);
            if (state is { PendingSha256: { } pendingSha, PendingAt: { } pendingAt } && pendingSha == sha
                && await worker.RecordedResultAsync(sha, fileName, pendingAt, stoppingToken) is { } recorded)
            {
                // A worker ingested these bytes and died before it noted so here.
                logger.LogInformation("Source {Url}: {File} was already recorded as submission {Id}", url, fileName, recorded.SubmissionId);
                await RecordAsync(url, Success(recorded, etag, lastModified, sha));
                return Poll.Changed;
            }
            var claim = await worker.TryClaimAsync(sha, "http " + url, stoppingToken);
            if (claim is null)
            {
                logger.LogInformation("Source {Url}: the same bytes are being ingested by another worker", url);
                return Poll.Skipped;
            }
            IngestResult result;
            try
            {
                await using (worker.KeepAlive(claim))
                {
                    var stamp = Warehouse.Work.ClaimStore.Instant(claim.ClaimedAt);
                    await warehouse.ExecuteAsync(async t => await states.SetPendingAsync(url, sha, stamp, t), stoppingToken);
                    result = await worker.IngestAsync(claim, HttpSource.Request(source, fileName, content), stoppingToken);
                }
            }
            catch
            {
                await worker.ReleaseAsync(claim);
                throw;
            }
            await RecordAsync(url, Success(result, etag, lastModified, sha));
            await worker.FinishAsync(claim, result, CancellationToken.None);
            logger.LogInformation("Source {Url}: {File} {Status} (unit {Unit}, round {Round})", url, fileName, result.Status, result.Unit, result.Round);
            return Poll.Changed;
        }
    }

    private static SourcePollRecord Success(IngestResult result, string? etag, string? lastModified, string sha) => new()
    {
        Success = true,
        Outcome = result.Status,
        Etag = etag,
        LastModified = lastModified,
        ContentSha256 = sha,
        SubmissionId = result.SubmissionId,
    };

    private async Task RecordAsync(string url, SourcePollRecord record) =>
        await warehouse.ExecuteAsync(async t => await states.RecordAsync(url, record, clock.GetUtcNow(), t), CancellationToken.None);
}
