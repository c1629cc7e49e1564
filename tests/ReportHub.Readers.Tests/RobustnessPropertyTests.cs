using CsCheck;
using ReportHub.Core.Issues;
using ReportHub.Readers.Common;
using ReportHub.Readers.Tests.Support;
using static ReportHub.Readers.Tests.Support.Workbooks;

namespace ReportHub.Readers.Tests;

/// <summary>Whatever bytes arrive, a reader either reads them or rejects them with a code; nothing else escapes.</summary>
public sealed class RobustnessPropertyTests
{
    private static readonly byte[] RealXlsx = ClosedXmlWorkbooks.Appendix();
    private static readonly byte[] RealXls = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "vietnamese.xls"));

    private static readonly ReaderLimits SmallLimits = new()
    {
        MaxFileBytes = 1024 * 1024,
        MaxDecompressedBytes = 8 * 1024 * 1024,
        MaxRows = 5_000,
    };

    private static void ReadsOrRejects(byte[] bytes)
    {
        try
        {
            Consume(bytes, "bat-ky.xlsx", SmallLimits);
        }
        catch (FileRejectedException e)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Code));
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
        }
    }

    private static Gen<byte[]> Mutated(byte[] original) =>
        Gen.Select(Gen.Int[1, original.Length], Gen.Int[0, original.Length - 1].Array[0, 8], Gen.Int[0, 7])
            .Select((length, positions, bit) =>
            {
                var bytes = original[..length];
                foreach (var position in positions)
                {
                    if (position < bytes.Length)
                    {
                        bytes[position] ^= (byte)(1 << bit);
                    }
                }
                return bytes;
            });

    [Fact]
    public void RandomBytesAreReadOrRejected() =>
        Gen.Byte.Array[0, 4096].Sample(ReadsOrRejects, iter: 2_000);

    [Fact]
    public void RandomBytesBehindSpreadsheetSignaturesAreReadOrRejected() =>
        Gen.Select(Gen.OneOfConst<byte[]>([0x50, 0x4B, 0x03, 0x04], [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], [0xFF, 0xFE], [0xEF, 0xBB, 0xBF]),
                Gen.Byte.Array[0, 4096])
            .Sample((prefix, tail) => ReadsOrRejects([.. prefix, .. tail]), iter: 1_000);

    [Fact]
    public void TruncatedAndBitFlippedXlsxIsReadOrRejected() =>
        Mutated(RealXlsx).Sample(ReadsOrRejects, iter: 1_000);

    [Fact]
    public void TruncatedAndBitFlippedXlsIsReadOrRejected() =>
        Mutated(RealXls).Sample(ReadsOrRejects, iter: 500);
}
