namespace ReportHub.Pipeline.Reference;

/// <summary>Finds the repository's samples/ folder from the working directory or the binary's location.</summary>
public static class SamplesFolder
{
    public static string? Find(string? configured = null)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        }
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "samples", "reference", "units.csv");
                if (File.Exists(candidate))
                {
                    return Path.Combine(dir.FullName, "samples");
                }
            }
        }
        return null;
    }
}
