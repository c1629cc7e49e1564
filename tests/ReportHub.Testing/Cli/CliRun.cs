using System.Text.Json;

namespace ReportHub.Testing.Cli;

/// <summary>What one CLI run printed and returned.</summary>
public sealed record CliRun(int ExitCode, string Out, string Err)
{
    public IReadOnlyList<string> Lines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IReadOnlyList<JsonElement> JsonLines => [.. Lines.Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    /// <summary>For tests that read only the exit code and stdout: <c>var (exit, output) = await cli.RunAsync(...)</c>.</summary>
    public void Deconstruct(out int exitCode, out string output)
    {
        exitCode = ExitCode;
        output = Out;
    }

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Out}\nstderr:\n{Err}";
}
