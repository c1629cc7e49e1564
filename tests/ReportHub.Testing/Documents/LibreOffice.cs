using System.Diagnostics;
using ReportHub.Testing.Repo;

namespace ReportHub.Testing.Documents;

/// <summary>
/// Opens a document in LibreOffice (headless) and returns its text, the way a clerk's office suite reads it. test.sh
/// installs libreoffice-writer-nogui; without soffice the test fails saying what to install.
/// </summary>
public static class LibreOffice
{
    private static readonly string[] Candidates = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice"];

    public static async Task<string> TextOfAsync(byte[] document, string extension)
    {
        var soffice = Candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui, or run ./test.sh.");
        var folder = RepoPaths.NewTempFolder("rh-soffice");
        try
        {
            var input = Path.Combine(folder, "document." + extension);
            await File.WriteAllBytesAsync(input, document);
            // A profile of its own: two conversions at once must not share (and lock) one.
            var info = new ProcessStartInfo(soffice)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var a in (string[])[$"-env:UserInstallation=file://{folder}/profile", "--headless", "--norestore", "--convert-to", "txt:Text", "--outdir", folder, input])
            {
                info.ArgumentList.Add(a);
            }
            using var process = Process.Start(info) ?? throw new InvalidOperationException("soffice did not start");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            var output = Path.Combine(folder, "document.txt");
            if (process.ExitCode != 0 || !File.Exists(output))
            {
                throw new InvalidOperationException($"LibreOffice could not open the document (exit {process.ExitCode}): {await stdout} {await stderr}");
            }
            return await File.ReadAllTextAsync(output);
        }
        finally
        {
            RepoPaths.TryDelete(folder);
        }
    }
}
