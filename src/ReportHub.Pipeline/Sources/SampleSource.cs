using System.Runtime.CompilerServices;
using ReportHub.Core.Domain;
using ReportHub.Pipeline.Ingestion;
using ReportHub.Readers;

namespace ReportHub.Pipeline.Sources;

/// <summary>The sample reports in <c>samples/reports/</c>, loaded on a development server's first run.</summary>
public static class SampleSource
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    // Round 2021-10's reports sit in the folder itself and arrive the day before its deadline.
    private static readonly DateTimeOffset FirstRoundArrival = new(2021, 10, 28, 9, 0, 0, Vietnam);

    /// <summary>
    /// Every report file of the folder and of each sub-folder named after a later round (samples/reports/2025-Q3), in
    /// name order so that every first run is the same. Each file finds its round by the request its header cites; the
    /// folder only dates the arrival, on the morning of that round's deadline, so the first run shows on-time units.
    /// </summary>
    public static async IAsyncEnumerable<IngestRequest> RequestsAsync(string folder, IReadOnlyList<Round> rounds,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var folders = new List<(string Folder, DateTimeOffset ReceivedAt)> { (folder, FirstRoundArrival) };
        foreach (var sub in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            var round = rounds.FirstOrDefault(r => r.Code == Path.GetFileName(sub));
            folders.Add((sub, round is null ? FirstRoundArrival : new DateTimeOffset(round.Deadline.ToDateTime(new TimeOnly(9, 0)), Vietnam)));
        }
        foreach (var (path, receivedAt) in folders)
        {
            foreach (var file in Directory.EnumerateFiles(path).Where(ReportFormats.IsReportFile).Order(StringComparer.Ordinal))
            {
                yield return new IngestRequest
                {
                    FileName = Path.GetFileName(file),
                    Content = await File.ReadAllBytesAsync(file, cancellationToken),
                    Source = "sample",
                    ReceivedAt = receivedAt,
                };
            }
        }
    }
}
