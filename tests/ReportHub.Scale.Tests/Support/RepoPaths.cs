namespace ReportHub.Scale.Tests.Support;

/// <summary>Locations in the checkout and scratch folders.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RepoRoot = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "samples", "reference", "units.csv")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("samples/reference/units.csv not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RepoRoot.Value;

    public static string Samples => Path.Combine(Root, "samples");

    public static string SampleReports => Path.Combine(Samples, "reports");

    public static string NewTempFolder(string prefix = "rh-scale")
    {
        var folder = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>Tests that swap Console.Out/Console.Error (the CLI) run one at a time, in this collection.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}
