namespace ReportHub.SampleGen;

/// <summary>One row of expected.json: what a correct parse of the file must yield (CONTRACT §2 totals).</summary>
public sealed record ExpectedReport(string File, string Unit, string Round, int Directives, long QrCodes, long QrScans);
