using System.Security.Cryptography;

namespace ReportHub.Pipeline.Intake;

/// <summary>
/// A file as received, read with its size checked first: its bytes when within the limit, else only its size and
/// hash (computed streaming, so a 300 MB file costs one buffer, not 300 MB).
/// </summary>
public sealed record ReceivedFile
{
    public required string Sha256 { get; init; }
    public required long Size { get; init; }

    /// <summary>Null when the file is over the limit and was not kept.</summary>
    public byte[]? Content { get; init; }

    public bool TooLarge => Content is null;

    private const int Chunk = 81920;

    /// <summary>Reads a regular file; the size is checked before anything is buffered.</summary>
    public static async Task<ReceivedFile> ReadFileAsync(string path, long maxBytes, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return await ReadAsync(stream, maxBytes, stream.Length, cancellationToken);
    }

    /// <summary>
    /// Reads at most <paramref name="maxBytes"/> into memory. Past that (by the announced length or by counting) the
    /// rest is only hashed. The file may grow between a size check and the read, so the count is what decides.
    /// </summary>
    public static async Task<ReceivedFile> ReadAsync(Stream stream, long maxBytes, long? knownLength, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffering = knownLength is not { } length || length <= maxBytes;
        var buffer = buffering ? new MemoryStream((int)Math.Min(knownLength ?? Chunk, Math.Min(maxBytes, int.MaxValue - 1))) : null;
        var chunk = new byte[Chunk];
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            hash.AppendData(chunk, 0, read);
            total += read;
            if (buffer is not null)
            {
                if (total > maxBytes)
                {
                    await buffer.DisposeAsync();
                    buffer = null;
                }
                else
                {
                    await buffer.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
                }
            }
        }
        var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
        byte[]? content = null;
        if (buffer is not null)
        {
            content = buffer.ToArray();
            await buffer.DisposeAsync();
        }
        return new ReceivedFile { Sha256 = sha, Size = total, Content = content };
    }
}
