namespace ReportHub.Core.Issues;

public enum Severity
{
    Warning,
    Error,
}

/// <summary>A finding about a file. Code is stable and English; Message is Vietnamese and says how to fix it.</summary>
public sealed record Issue
{
    public required Severity Severity { get; init; }
    public required string Code { get; init; }
    public string? Sheet { get; init; }
    public string? Cell { get; init; }

    /// <summary>Where the problem is, in Vietnamese ("Trang tính “Phụ lục”, ô C14"; "Bảng 2, dòng 3, cột 4").</summary>
    public string? Location { get; init; }

    public required string Message { get; init; }

    public static Issue Error(string code, string message, string? sheet = null, string? cell = null) =>
        new() { Severity = Severity.Error, Code = code, Message = message, Sheet = sheet, Cell = cell };

    public static Issue Warning(string code, string message, string? sheet = null, string? cell = null) =>
        new() { Severity = Severity.Warning, Code = code, Message = message, Sheet = sheet, Cell = cell };
}

/// <summary>Thrown when a file cannot be read at all; carries the issue to report.</summary>
public sealed class FileRejectedException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;

    public Issue ToIssue() => Issue.Error(Code, Message);
}
