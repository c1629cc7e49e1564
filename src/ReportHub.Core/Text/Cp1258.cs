namespace ReportHub.Core.Text;

/// <summary>Windows-1258 (Vietnamese), decoded with our own table; the result is NFC.</summary>
public static class Cp1258
{
    public static string Decode(ReadOnlySpan<byte> bytes) => throw new NotImplementedException();
}
