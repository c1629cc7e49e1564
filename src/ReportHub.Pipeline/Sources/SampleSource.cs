using System.Runtime.CompilerServices;
using ReportHub.Pipeline.Ingestion;
using ReportHub.Readers;

namespace ReportHub.Pipeline.Sources;

/// <summary>The sample reports in <c>samples/reports/</c>, loaded on a development server's first run.</summary>
public static class SampleSource
{
    // Sample reports arrive on the round's request date so the first run shows on-time units.
    private static readonly DateTimeOffset Arrival = new(2021, 10, 28, 9, 0, 0, TimeSpan.FromHours(7));

    /// <summary>Every report file of the folder, in name order so that every first run is the same.</summary>
    public static async IAsyncEnumerable<IngestRequest> RequestsAsync(string folder, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var file in Directory.EnumerateFiles(folder).Where(ReportFormats.IsReportFile).Order(StringComparer.Ordinal))
        {
            yield return new IngestRequest
            {
                FileName = Path.GetFileName(file),
                Content = await File.ReadAllBytesAsync(file, cancellationToken),
                Source = "sample",
                ReceivedAt = Arrival,
            };
        }
    }
}
