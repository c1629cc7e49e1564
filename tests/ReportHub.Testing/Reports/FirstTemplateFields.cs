using ReportHub.Aggregate.Rollups;
using ReportHub.Pipeline.Ingestion;
using ReportHub.Warehouse.Submissions;

namespace ReportHub.Testing.Reports;

/// <summary>
/// The first template's top-level fields (directives, qrCodes, qrScans) as the tests of that form read them: from the
/// extension data every object with figures carries, or from a stored submission's figures. Null when absent.
/// </summary>
public static class FirstTemplateFields
{
    extension(RoundTotals totals)
    {
        public long? Directives => totals.Fields?.Get("directives");
        public long? QrCodes => totals.Fields?.Get("qrCodes");
        public long? QrScans => totals.Fields?.Get("qrScans");
    }

    extension(UnitStatus unit)
    {
        public long? Directives => unit.Fields?.Get("directives");
        public long? QrCodes => unit.Fields?.Get("qrCodes");
        public long? QrScans => unit.Fields?.Get("qrScans");
    }

    extension(IngestResult result)
    {
        public long? Directives => result.Fields?.Get("directives");
        public long? QrCodes => result.Fields?.Get("qrCodes");
        public long? QrScans => result.Fields?.Get("qrScans");
    }

    extension(SubmissionRecord record)
    {
        public long? Directives => Whole(record.Figures, "directives");
        public long? QrCodes => Whole(record.Figures, "qrCodes");
        public long? QrScans => Whole(record.Figures, "qrScans");
    }

    private static long? Whole(IReadOnlyDictionary<string, decimal> figures, string key) =>
        figures.TryGetValue(key, out var value) ? (long)value : null;
}
