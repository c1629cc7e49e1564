namespace ReportHub.SampleGen;

/// <summary>One row of expected.json: what a correct parse of the file must yield (the totals a rollup adds).</summary>
public sealed record ExpectedReport(string File, string Unit, string Round, int Directives, long QrCodes, long QrScans);
