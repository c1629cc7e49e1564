using ReportHub.Pipeline.Ingestion;
using ReportHub.Pipeline.Intake;

namespace ReportHub.Pipeline.Sources;

/// <summary>A file found in the inbox folder; the sweep that finds, claims and moves it is <c>InboxProcessor</c>.</summary>
public static class InboxSource
{
    public static IngestRequest Request(string inbox, string path, ReceivedFile content) =>
        IngestRequest.From(content, Path.GetFileName(path), "inbox") with { RoundHint = RoundFolder(inbox, path) };

    // A first-level subfolder named like a round code (data/inbox/2021-10/) supplies the round.
    private static string? RoundFolder(string inbox, string path)
    {
        var relative = Path.GetRelativePath(inbox, Path.GetDirectoryName(path)!);
        return relative == "." ? null : relative.Split(Path.DirectorySeparatorChar)[0];
    }
}
