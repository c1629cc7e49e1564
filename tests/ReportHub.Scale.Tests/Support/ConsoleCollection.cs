namespace ReportHub.Scale.Tests.Support;

/// <summary>
/// Tests that swap Console.Out/Console.Error (the CLI in-process) run one at a time, in this collection. xUnit finds
/// collection definitions only in the test assembly, so this one stays here rather than in ReportHub.Testing.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}
