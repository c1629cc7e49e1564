using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportHub.Core.Issues;
using ReportHub.Core.Parsing;
using ReportHub.Core.Templates;
using ReportHub.Core;
using ReportHub.Pipeline.Resolution;
using ReportHub.Pipeline.Templates;
using ReportHub.Readers.Common;
using ReportHub.Readers;
using ReportHub.Warehouse.Reference;
using ReportHub.Warehouse.Resilience;
using ReportHub.Core.Measures;
using ReportHub.Warehouse.Reviews;
using ReportHub.Warehouse.Submissions;

namespace ReportHub.Pipeline.Ingestion;

/// <summary>
/// The one path every file takes, whatever its source: hash, read, parse, resolve, validate, store.
/// Every received file is stored with its outcome, rejected ones included; a file too large to keep is recorded
/// without its bytes, and a file the warehouse refuses for good is recorded as rejected without its rows.
/// </summary>
public sealed partial class IngestService(
    ReferenceStore reference,
    SubmissionStore submissions,
    ReviewStore reviews,
    IOptions<IngestOptions> options,
    TemplateChooser templates,
    TimeProvider clock,
    ILogger<IngestService> logger)
{

    /// <summary>Files at least this large leave enough garbage behind to be worth handing back to the system.</summary>
    private const int ReleaseMemoryAboveBytes = 512 * 1024;

    public async Task<IngestResult> IngestAsync(IngestRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await IngestOnceAsync(request, request.ReceivedAt ?? clock.GetUtcNow(), early: null, cancellationToken);
        }
        finally
        {
            ReleaseMemoryAfter(request);
        }
    }

    private static void ReleaseMemoryAfter(IngestRequest request)
    {
        if (request.Content.Length >= ReleaseMemoryAboveBytes)
        {
            // A large sheet briefly needs hundreds of megabytes of grid; a long-running API or worker would keep
            // that committed until its next big allocation. One compacting collection per large file gives it back.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }

    /// <param name="early">The file's evaluation when a batch started it ahead; it is dropped if the file turns out a duplicate.</param>
    private async Task<IngestResult> IngestOnceAsync(IngestRequest request, DateTimeOffset receivedAt,
        Task<(Evaluation Outcome, IReadOnlyList<Issue> Issues)>? early, CancellationToken cancellationToken)
    {
        var sha = request.Sha256 ?? Convert.ToHexStringLower(SHA256.HashData(request.Content));

        (Evaluation Outcome, IReadOnlyList<Issue> Issues)? evaluated = null;
        IReadOnlyList<Issue>? locked = null;
        long? id = null;
        // A writer racing us on the same bytes or unit makes the save fail on a unique index; look again and retry.
        for (var attempt = 1; ; attempt++)
        {
            if (!request.DryRun && request.ReplayOf is null && await DuplicateAsync(request, sha, receivedAt, cancellationToken) is { } duplicate)
            {
                return duplicate;
            }
            evaluated ??= early is null ? await EvaluateAsync(request, receivedAt, cancellationToken) : await early;
            var (evaluation, found) = evaluated.Value;
            UnitScopeException.ThrowIfOutside(request.RequiredUnit, evaluation.Unit, evaluation.Report is not null, evaluation.UnitNamedByFile, found);
            // Refused and recorded like any rejection, so the file is kept; dry runs say so too. Asked again on every
            // attempt: an analyst may approve, or set back to pending, while a writer races us.
            locked = await ApprovedAsync(evaluation, sha, cancellationToken) is { } approved ? [approved, .. found] : null;
            if (request.DryRun)
            {
                break;
            }
            try
            {
                id = await submissions.SaveAsync(ToSubmission(request, sha, receivedAt, evaluated.Value.Outcome, locked ?? evaluated.Value.Issues), cancellationToken);
                break;
            }
            catch (ConcurrentSubmissionException) when (attempt < 3)
            {
                logger.LogInformation("{File}: another writer committed first; looking again", request.FileName);
            }
            catch (Exception ex) when (TransientErrors.IsPermanent(ex))
            {
                // Retrying would fail the same way for ever; the file is recorded as rejected instead.
                logger.LogError("{File}: the warehouse refused the submission ({Reason}); recording it as rejected without its rows",
                    request.FileName, TransientErrors.Describe(ex));
                (id, evaluated) = await RecordSaveFailureAsync(request, sha, receivedAt, evaluated.Value.Outcome, cancellationToken);
                locked = null;
                break;
            }
        }
        var (outcome, issues) = evaluated.Value;
        issues = locked ?? issues;
        var accepted = IsAccepted(issues);
        logger.LogInformation("{File}: {Status} unit={Unit} round={Round} issues={Issues}", request.FileName,
            accepted ? "accepted" : "rejected", outcome.Unit, outcome.Round, issues.Count);
        var report = accepted ? outcome.Report : null;
        var result = new IngestResult
        {
            File = request.FileName,
            Status = accepted ? Outcomes.Accepted : Outcomes.Rejected,
            SubmissionId = id,
            Unit = outcome.Unit,
            Round = outcome.Round,
            Issues = issues.Select(IssueDto.From).ToList(),
        };
        var templateId = outcome.Report?.TemplateId;
        var definition = report is null ? null : await templates.DefinitionAsync(report.TemplateId, report.TemplateVersion, cancellationToken);
        return ResultFigures.Apply(result, templateId, definition, report is null ? MeasureFigures.Empty : report.Figures);
    }

    /// <summary>
    /// The refusal of a file for a unit and round whose current report an analyst approved; null when the unit's
    /// report is not approved, or when the file is the approved report's own bytes (a replay or a round's upgrade
    /// reading it again changes nothing the analyst signed off).
    /// </summary>
    private async Task<Issue?> ApprovedAsync(Evaluation evaluation, string sha, CancellationToken cancellationToken)
    {
        if (evaluation.Unit is not { } unit || evaluation.Round is not { } round
            || await reviews.ApprovedCurrentAsync(unit, round, cancellationToken) is not { } approved || approved.Sha == sha)
        {
            return null;
        }
        return IngestMessages.Approved(unit, round, approved.Id);
    }

    private async Task<(long? Id, (Evaluation, IReadOnlyList<Issue>) Evaluated)> RecordSaveFailureAsync(
        IngestRequest request, string sha, DateTimeOffset receivedAt, Evaluation outcome, CancellationToken cancellationToken)
    {
        var withoutRows = outcome with { Report = null };
        IReadOnlyList<Issue> recorded = [IngestMessages.SaveFailed(request.FileName, recorded: true)];
        try
        {
            var id = await submissions.SaveAsync(ToSubmission(request, sha, receivedAt, withoutRows, recorded), cancellationToken);
            return (id, (withoutRows, recorded));
        }
        catch (Exception ex) when (TransientErrors.IsPermanent(ex))
        {
            // Not even the rejection could be written: the caller quarantines the file with these issues.
            logger.LogError("{File}: the warehouse refused the rejection record too ({Reason})", request.FileName, TransientErrors.Describe(ex));
            return (null, (withoutRows, [IngestMessages.SaveFailed(request.FileName, recorded: false)]));
        }
    }

    private static bool IsAccepted(IReadOnlyList<Issue> issues) => !issues.Any(i => i.Severity == Severity.Error);

    private static NewSubmission ToSubmission(IngestRequest request, string sha, DateTimeOffset receivedAt, Evaluation outcome, IReadOnlyList<Issue> issues) => new()
    {
        FileSha256 = sha,
        FileName = request.FileName,
        Content = request.Content,
        KeepContent = request.TooLargeSize is null,
        DiscardedSize = request.TooLargeSize,
        Source = request.Source,
        ReceivedAt = receivedAt,
        Outcome = IsAccepted(issues) ? Outcomes.Accepted : Outcomes.Rejected,
        UnitCode = outcome.Unit,
        RoundCode = outcome.Round,
        ParserVersion = TemplateParser.Version,
        Report = outcome.Report,
        Issues = issues,
        ReplayOf = request.ReplayOf,
    };

    private async Task<IngestResult?> DuplicateAsync(IngestRequest request, string sha, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        if (await submissions.FindAcceptedByHashAsync(sha, cancellationToken) is not { } originalId
            || await submissions.GetAsync(originalId, cancellationToken) is not { } original)
        {
            return null;
        }
        // The same bytes were accepted as another unit's report: a department sending them gets no copy of that
        // unit's submission, figures or history row, only the refusal.
        UnitScopeException.ThrowIfOtherUnit(request.RequiredUnit, original.UnitCode);
        await submissions.RecordDuplicateAsync(original, request.FileName, request.Source, receivedAt, cancellationToken);
        logger.LogInformation("{File} is a duplicate of submission {Id}", request.FileName, originalId);
        // A replay of the same bytes may be the current version; only other bytes counting now make the original old.
        var current = original.Status == VersionStatuses.Current || original.UnitCode is null || original.RoundCode is null
            ? null
            : await submissions.CurrentAsync(original.UnitCode, original.RoundCode, cancellationToken);
        var superseded = current is not null && current.FileSha256 != original.FileSha256;
        var result = new IngestResult
        {
            File = request.FileName,
            Status = Outcomes.Duplicate,
            SubmissionId = original.Id,
            Unit = original.UnitCode,
            Round = original.RoundCode,
            Issues = superseded ? [IssueDto.From(Reinstatement.NotCurrent(original, current!))] : [],
            CurrentSubmissionId = superseded ? current!.Id : null,
            CurrentReceivedAt = superseded ? current!.ReceivedAt : null,
            Reinstate = superseded ? $"/api/submissions/{original.Id}/reinstate" : null,
        };
        var definition = original.TemplateId is null ? null : await templates.DefinitionAsync(original.TemplateId, original.TemplateVersion, cancellationToken);
        return ResultFigures.Apply(result, original.TemplateId, definition, original.Figures);
    }

    /// <param name="UnitNamedByFile">The file itself names <paramref name="Unit"/>; false when only a hint supplied it.</param>
    private sealed record Evaluation(Core.Domain.ParsedReport? Report, string? Unit, string? Round, bool UnitNamedByFile = false);

    private async Task<(Evaluation, IReadOnlyList<Issue>)> EvaluateAsync(IngestRequest request, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        try
        {
            return await EvaluateOnceAsync(request, receivedAt, cancellationToken);
        }
        catch (Warehouse.Templates.BrokenTemplateException broken)
        {
            // The file's round names a stored template that no longer loads: this file waits (recorded, replayable once
            // the template is fixed); the other files of a batch go on.
            logger.LogWarning("{File}: its round's template {Id} v{Version} does not load; recorded as rejected", request.FileName, broken.Id, broken.Version);
            return (new Evaluation(null, request.UnitHint, request.RoundHint),
                [Issue.Error(IssueCodes.TemplateBroken, broken.Message) with { Location = IssueLocator.WholeFile }]);
        }
    }

    private async Task<(Evaluation, IReadOnlyList<Issue>)> EvaluateOnceAsync(IngestRequest request, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var unread = new Evaluation(null, request.UnitHint, request.RoundHint);
        if (request.TooLargeSize is { } size)
        {
            return (unread, [IngestMessages.TooLarge(request.FileName, size, options.Value.MaxFileBytes)]);
        }
        var limits = new ReaderLimits { MaxFileBytes = options.Value.MaxFileBytes, MaxRows = options.Value.MaxRows };
        var budget = TimeSpan.FromSeconds(Math.Max(0.001, options.Value.FileTimeoutSeconds));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Reference data and templates are read outside the guarded parse: a warehouse fault there is transient and
        // retried with the whole file, never recorded as a damaged file.
        var units = await reference.UnitsAsync(cancellationToken);
        var rounds = await reference.RoundsAsync(cancellationToken);
        var hinted = request.RoundHint is { } code ? rounds.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase)) : null;
        if (hinted is not null && request.ReadWithVersion is { } trial)
        {
            // An upgrade's trial: the round as it would be on the new version, for this file only.
            var moved = hinted with { TemplateVersion = trial };
            rounds = [.. rounds.Select(r => ReferenceEquals(r, hinted) ? moved : r)];
            hinted = moved;
        }
        var candidates = await templates.CandidatesAsync(hinted, cancellationToken);
        var today = DateOnly.FromDateTime(receivedAt.UtcDateTime);
        var started = clock.GetTimestamp();
        // The definitions the file was read with; the one that produced the report also says which columns name units.
        var read = new List<TemplateDefinition>();
        timeout.CancelAfter(budget);
        var (parsed, refusal) = await ReadAsync(candidates);
        if (refusal is not null)
        {
            return (unread, refusal);
        }
        var resolution = parsed!.Report is null ? new Resolution.Resolution(null, null, []) : Resolve(parsed, units, rounds, request);
        // A file that names its round by the request it answers is read with that round's template, in the round's
        // version: a round's figures all come from one version.
        if (parsed.Report is not null && resolution.Round is { } round
            && (round.Template != parsed.Report.TemplateId || round.TemplateVersion != parsed.Report.TemplateVersion)
            && await templates.RoundDefinitionAsync(round, cancellationToken) is { } roundTemplate)
        {
            (parsed, refusal) = await ReadAsync([roundTemplate]);
            if (refusal is not null)
            {
                return (unread, refusal);
            }
            resolution = parsed!.Report is null ? new Resolution.Resolution(null, null, []) : Resolve(parsed, units, rounds, request);
        }
        if (parsed.Report is null)
        {
            return (new Evaluation(null, request.UnitHint, request.RoundHint), parsed.Issues);
        }
        // Cells of `unit` columns name units of the registry, which only the pipeline has: resolved here, before storing.
        var definition = read.FirstOrDefault(t => t.Id == parsed.Report.TemplateId && t.Version == parsed.Report.TemplateVersion)
            ?? await templates.DefinitionAsync(parsed.Report.TemplateId, parsed.Report.TemplateVersion, cancellationToken);
        var (report, unitNames) = new UnitColumns(units).Resolve(parsed.Report, definition, resolution.Round?.RequestDate ?? resolution.Round?.Deadline);
        var issues = parsed.Locator.Locate(resolution.Issues.Concat(parsed.Issues).Concat(unitNames));
        if (resolution.Round is { } own && Fit(parsed) > 0 && await OtherVersionThatFitsAsync(own, Fit(parsed)) is { } filledOn)
        {
            // The sender filled another version's form: say so first, then what the round's version found missing.
            issues = [IngestMessages.VersionMismatch(own, filledOn.Version) with { Location = IssueLocator.WholeFile }, .. issues];
        }
        return (new Evaluation(report, resolution.Unit?.Code ?? request.UnitHint, resolution.Round?.Code ?? request.RoundHint, resolution.UnitNamedByFile), issues);

        // The newest other version of the round's template that reads the file with fewer errors than the round's own.
        async Task<TemplateDefinition?> OtherVersionThatFitsAsync(Core.Domain.Round own, int errors)
        {
            TemplateDefinition? best = null;
            foreach (var other in await templates.OtherVersionsAsync(own, cancellationToken))
            {
                var (reread, failed) = await ReadAsync([other]);
                if (failed is null && Fit(reread!) < errors)
                {
                    (best, errors) = (other, Fit(reread!));
                }
            }
            return best;
        }

        // The parse, or the rejection that stands for a file that could not be read within its budget.
        async Task<(ParseResult? Parsed, IReadOnlyList<Issue>? Refusal)> ReadAsync(IReadOnlyList<TemplateDefinition> templatesToTry)
        {
            read.AddRange(templatesToTry);
            try
            {
                return (await ParseBestAsync(request, limits, today, templatesToTry, started, budget, timeout), null);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("{File}: reading took longer than {Seconds}s; stopped and recorded as rejected", request.FileName, budget.TotalSeconds);
                return (null, [IngestMessages.Timeout(request.FileName, budget.TotalSeconds)]);
            }
            catch (FileRejectedException rejected)
            {
                return (null, [rejected.ToIssue() with { Location = IssueLocator.WholeFile }]);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A reader bug must not lose the file: it is stored as rejected and can be replayed once fixed.
                logger.LogError(ex, "Unexpected failure reading {File}", request.FileName);
                return (null,
                    [Issue.Error(IssueCodes.FileCorrupt, "Không đọc được tệp do lỗi không lường trước. Tệp đã được lưu lại; Sở Thông tin và Truyền thông sẽ kiểm tra và xử lý lại.") with { Location = IssueLocator.WholeFile }]);
            }
        }
    }

    private static Resolution.Resolution Resolve(ParseResult parsed, IReadOnlyList<Core.Domain.Unit> units, IReadOnlyList<Core.Domain.Round> rounds, IngestRequest request) =>
        new Resolver(units, rounds).Resolve(parsed.Report!.Header, request.UnitHint, request.RoundHint, parsed.Report.Sheet);

    /// <summary>
    /// Reads the file with each candidate template and keeps the parse with the fewest errors; a clean parse ends the
    /// search. On the thread pool so that the time budget holds even where a reader does not look at the token.
    /// </summary>
    private async Task<ParseResult> ParseBestAsync(IngestRequest request, ReaderLimits limits, DateOnly today,
        IReadOnlyList<TemplateDefinition> candidates, long started, TimeSpan budget, CancellationTokenSource timeout)
    {
        return await Task.Run(() =>
        {
            ParseResult? best = null;
            foreach (var template in candidates)
            {
                using var stream = new MemoryStream(request.Content, writable: false);
                using var reader = WorkbookReaders.Open(stream, request.FileName, limits);
                timeout.Token.ThrowIfCancellationRequested();
                var result = new TemplateParser(template).Parse(reader, new ParseOptions { Today = today }, timeout.Token);
                // The timer may fire late; a file that took longer than its budget is over it all the same.
                if (clock.GetElapsedTime(started) > budget)
                {
                    timeout.Cancel();
                }
                timeout.Token.ThrowIfCancellationRequested();
                if (best is null || Fit(result) < Fit(best))
                {
                    best = result;
                }
                if (Fit(result) == 0)
                {
                    break;
                }
            }
            return best!;
        }, timeout.Token).WaitAsync(timeout.Token);
    }

    // A template that finds no appendix fits worst; otherwise fewer errors fit better.
    private static int Fit(ParseResult result) =>
        result.Report is null ? int.MaxValue : result.Issues.Count(i => i.Severity == Severity.Error);
}
