namespace ReportHub.Integration.Tests.Support;

/// <summary>Locations in the checkout and per-test scratch folders.</summary>
public static class Paths
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

    public static string SampleReport(string name) => Path.Combine(Samples, "reports", name);

    public static string NewTempFolder(string prefix = "rh")
    {
        var folder = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static string ConnectionString(string folder) => $"Data Source={Path.Combine(folder, "reporthub.db")}";

    /// <summary>A copy of samples/reference (no reports) that a test may change.</summary>
    public static string CopyReference(string folder)
    {
        var samples = Path.Combine(folder, "samples");
        var reference = Path.Combine(samples, "reference");
        Directory.CreateDirectory(reference);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Samples, "reference")))
        {
            var target = Path.Combine(reference, Path.GetFileName(file));
            File.Copy(file, target);
            File.SetAttributes(target, FileAttributes.Normal);
        }
        return samples;
    }
}
