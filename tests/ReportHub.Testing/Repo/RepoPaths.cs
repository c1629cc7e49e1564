namespace ReportHub.Testing.Repo;

/// <summary>Locations in the checkout (found from the test binaries upwards) and per-test scratch folders.</summary>
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

    public static string SampleReport(string name) => Path.Combine(SampleReports, name);

    /// <summary>The source documents (seed letters), kept outside the repository in a shared seeds folder beside the checkout.</summary>
    public static string Seeds => Path.GetFullPath(Path.Combine(Root, "..", "shared", "seeds"));

    /// <summary>A file copied beside the test binaries from the test project's Fixtures folder.</summary>
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string NewTempFolder(string prefix = "rh")
    {
        var folder = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>
    /// A samples folder in <paramref name="folder"/> holding only a copy of samples/reference, which a test may change.
    /// The API loads the sample reports on its first start whenever Samples:Load is true, so reference data alone is
    /// given this way.
    /// </summary>
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

    /// <summary>Deletes a scratch folder; a file still held open (a pooled SQLite connection) leaves it behind.</summary>
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
