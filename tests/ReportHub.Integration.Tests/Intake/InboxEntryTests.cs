using System.Diagnostics;
using ReportHub.Integration.Tests.Support;

namespace ReportHub.Integration.Tests.Intake;

[Collection(ConsoleCollection.Name)]
public sealed class InboxEntryTests
{
    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path])!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    [Fact]
    public async Task InboxTakesOnlyRegularFilesInsideItAndLeavesLinksAndFifosInPlace()
    {
        using var cli = new CliWorkspace();
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);
        Directory.CreateDirectory(cli.Inbox);

        // A secret outside the inbox, linked in as a file.
        var secret = cli.Write("secret.csv", "root:x:0:0:root:/root:/bin/bash\n"u8.ToArray());
        var fileLink = Path.Combine(cli.Inbox, "x.csv");
        File.CreateSymbolicLink(fileLink, secret);
        // A round subfolder that is a link to a folder outside, holding a report.
        var outside = Path.Combine(cli.Folder, "outside");
        Directory.CreateDirectory(outside);
        var outsideReport = Path.Combine(outside, "district.csv");
        await File.WriteAllBytesAsync(outsideReport, ReportBuilder.District().ToCsv());
        File.SetLastWriteTimeUtc(outsideReport, DateTime.UtcNow.AddMinutes(-1));
        var folderLink = Path.Combine(cli.Inbox, "2021-10");
        Directory.CreateSymbolicLink(folderLink, outside);
        // A FIFO: opening it would block for ever.
        var fifo = Path.Combine(cli.Inbox, "ong.csv");
        MakeFifo(fifo);
        // And one real report, which is taken as usual.
        var real = Path.Combine(cli.Inbox, "seed.xlsx");
        await File.WriteAllBytesAsync(real, ReportBuilder.Seed().ToXlsx());
        File.SetLastWriteTimeUtc(real, DateTime.UtcNow.AddMinutes(-1));

        var drain = cli.RunAsync("watch", "--drain");
        var finished = await Task.WhenAny(drain, Task.Delay(TimeSpan.FromSeconds(60)));

        Assert.True(finished == drain, "watch --drain did not finish: it waited on a link or a FIFO");
        var run = await drain;
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.False(File.Exists(real));
        Assert.Equal(secret, new FileInfo(fileLink).LinkTarget);
        Assert.Equal(outside, new DirectoryInfo(folderLink).LinkTarget);
        Assert.True(File.Exists(outsideReport));
        Assert.True(File.Exists(fifo));
        Assert.Contains("x.csv is a symbolic link", run.Err);
        Assert.Contains("2021-10 is a symbolic link", run.Err);
        Assert.Contains("ong.csv is not a regular file", run.Err);
        var totals = Assert.Single((await cli.RunAsync("totals", "--round", "2021-10", "--json")).JsonLines);
        Assert.Equal(1, totals.GetProperty("unitsReported").GetInt32());
        Assert.Equal(541, totals.GetProperty("qrScans").GetInt64());
        using var app = new ReportHubApp(connectionString: cli.ConnectionString);
        Assert.Single((await app.GetJsonAsync("/api/units/51.SCT/submissions")).EnumerateArray());
    }

    [Fact]
    public async Task CliRefusesAFifoInsteadOfBlocking()
    {
        using var cli = new CliWorkspace();
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);
        var fifo = Path.Combine(cli.Folder, "ong.csv");
        MakeFifo(fifo);

        var run = await cli.RunAsync("ingest", fifo, "--json");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("không phải tệp thông thường", run.Err);
    }
}
