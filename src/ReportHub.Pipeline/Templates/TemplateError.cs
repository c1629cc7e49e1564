namespace ReportHub.Pipeline.Templates;

/// <summary>One problem in a template definition: where it is (a JSON path such as $.measures[2].from) and, in Vietnamese, how to fix it.</summary>
public sealed record TemplateError
{
    public required string Path { get; init; }
    public required string Message { get; init; }

    public override string ToString() => $"{Path}: {Message}";
}
