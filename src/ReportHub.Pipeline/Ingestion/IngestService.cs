using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportHub.Core.Issues;
using ReportHub.Core.Parsing;
using ReportHub.Core.Templates;
using ReportHub.Pipeline.Resolution;
using ReportHub.Readers;
using ReportHub.Warehouse.Reference;
using ReportHub.Warehouse.Submissions;

namespace ReportHub.Pipeline.Ingestion;

/// <summary>
/// The one path every file takes, whatever its source: hash, read, parse, resolve, validate, store.
/// Every received file is stored with its outcome, rejected ones included.
/// </summary>
public sealed class IngestService(
    ReferenceStore reference,
    SubmissionStore submissions,
    IOptions<IngestOptions> options,
    TimeProvider clock,
    ILogger<IngestService> logger)
{
    private readonly TemplateParser _parser = new(TemplateCatalog.Default);

    public async Task<IngestResult> IngestAsync(IngestRequest request, CancellationToken cancellationToken)
    {
        var receivedAt = request.ReceivedAt ?? clock.GetUtcNow();
        var sha = Convert.ToHexStringLower(SHA256.HashData(request.Content));

        if (!request.DryRun && request.ReplayOf is null && await submissions.FindAcceptedByHashAsync(sha, cancellationToken) is { } originalId)
        {
            var original = (await submissions.GetAsync(originalId, cancellationToken))!;
            await submissions.RecordDuplicateAsync(original, request.FileName, request.Source, receivedAt, cancellationToken);
            logger.LogInformation("{File} is a duplicate of submission {Id}", request.FileName, originalId);
            return new IngestResult
            {
                File = request.FileName,
                Status = Outcomes.Duplicate,
                SubmissionId = original.Id,
                Unit = original.UnitCode,
                Round = original.RoundCode,
                Directives = original.Directives,
                QrCodes = original.QrCodes,
                QrScans = original.QrScans,
                Issues = [],
            };
        }

        var (outcome, issues) = await EvaluateAsync(request, receivedAt, cancellationToken);
        var accepted = !issues.Any(i => i.Severity == Severity.Error);
        long? id = null;
        if (!request.DryRun)
        {
            id = await submissions.SaveAsync(new NewSubmission
            {
                FileSha256 = sha,
                FileName = request.FileName,
                Content = request.Content,
                Source = request.Source,
                ReceivedAt = receivedAt,
                Outcome = accepted ? Outcomes.Accepted : Outcomes.Rejected,
                UnitCode = outcome.Unit,
                RoundCode = outcome.Round,
                ParserVersion = TemplateParser.Version,
                Report = outcome.Report,
                Issues = issues,
                ReplayOf = request.ReplayOf,
            }, cancellationToken);
        }
        logger.LogInformation("{File}: {Status} unit={Unit} round={Round} issues={Issues}", request.FileName,
            accepted ? "accepted" : "rejected", outcome.Unit, outcome.Round, issues.Count);
        var report = accepted ? outcome.Report : null;
        return new IngestResult
        {
            File = request.FileName,
            Status = accepted ? Outcomes.Accepted : Outcomes.Rejected,
            SubmissionId = id,
            Unit = outcome.Unit,
            Round = outcome.Round,
            Directives = report?.Directives.Count ?? 0,
            QrCodes = report?.QrCodes ?? 0,
            QrScans = report?.QrScans ?? 0,
            Issues = issues.Select(IssueDto.From).ToList(),
        };
    }

    private sealed record Evaluation(Core.Domain.ParsedReport? Report, string? Unit, string? Round);

    private async Task<(Evaluation, IReadOnlyList<Issue>)> EvaluateAsync(IngestRequest request, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var limits = new ReaderLimits { MaxFileBytes = options.Value.MaxFileBytes, MaxRows = options.Value.MaxRows };
        ParseResult parsed;
        try
        {
            using var stream = new MemoryStream(request.Content, writable: false);
            using var reader = WorkbookReaders.Open(stream, request.FileName, limits);
            var today = DateOnly.FromDateTime(receivedAt.UtcDateTime);
            parsed = _parser.Parse(reader, new ParseOptions { Today = today }, cancellationToken);
        }
        catch (FileRejectedException rejected)
        {
            return (new Evaluation(null, request.UnitHint, request.RoundHint), [rejected.ToIssue()]);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A reader bug must not lose the file: it is stored as rejected and can be replayed once fixed.
            logger.LogError(ex, "Unexpected failure reading {File}", request.FileName);
            return (new Evaluation(null, request.UnitHint, request.RoundHint),
                [Issue.Error(IssueCodes.FileCorrupt, "Không đọc được tệp do lỗi không lường trước. Tệp đã được lưu lại; Sở Thông tin và Truyền thông sẽ kiểm tra và xử lý lại.")]);
        }
        if (parsed.Report is null)
        {
            return (new Evaluation(null, request.UnitHint, request.RoundHint), parsed.Issues);
        }
        var units = await reference.UnitsAsync(cancellationToken);
        var rounds = await reference.RoundsAsync(cancellationToken);
        var resolution = new Resolver(units, rounds).Resolve(parsed.Report.Header, request.UnitHint, request.RoundHint, parsed.Report.Sheet);
        var issues = resolution.Issues.Concat(parsed.Issues).ToList();
        return (new Evaluation(parsed.Report, resolution.Unit?.Code ?? request.UnitHint, resolution.Round?.Code ?? request.RoundHint), issues);
    }
}
