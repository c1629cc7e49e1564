using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;

namespace ReportHub.Testing.Archives;

/// <summary>
/// A .zip as people make them: files in folders, the litter of Mac and Windows, names in UTF-8 (flagged, as .NET and
/// 7-Zip write them) or as raw bytes of an older code page with no flag (Explorer on Vietnamese Windows, old tools).
/// </summary>
public sealed class ZipFiles
{
    static ZipFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private readonly List<(string Name, byte[]? Content, CompressionLevel Level)> _entries = [];

    /// <summary>A file; its name is written as given (unsafe paths included: the writer does not judge).</summary>
    public ZipFiles Add(string name, byte[] content, CompressionLevel level = CompressionLevel.Optimal)
    {
        _entries.Add((name, content, level));
        return this;
    }

    /// <summary>A folder entry ("name/").</summary>
    public ZipFiles Folder(string name)
    {
        _entries.Add((name.EndsWith('/') ? name : name + "/", null, CompressionLevel.NoCompression));
        return this;
    }

    /// <summary>Names flagged UTF-8 where they are not ASCII, as System.IO.Compression writes them.</summary>
    public byte[] ToBytes() => Write(null);

    /// <summary>
    /// Every name written byte for byte as <see cref="RawName"/> spelled it, without the UTF-8 flag: names given by
    /// <see cref="Cp1258Name"/>, <see cref="Cp437Name"/> or <see cref="Utf8NameWithoutFlag"/>.
    /// </summary>
    public byte[] ToBytesWithRawNames() => Write(Encoding.Latin1);

    private byte[] Write(Encoding? names)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: names))
        {
            foreach (var (name, content, level) in _entries)
            {
                var entry = zip.CreateEntry(name, level);
                if (content is not null)
                {
                    using var stream = entry.Open();
                    stream.Write(content);
                }
            }
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// The zip with its first entry marked as compressed by <paramref name="method"/> (14 is LZMA, which
    /// System.IO.Compression does not read), in its local header and in the directory, as some archivers write it.
    /// </summary>
    public static byte[] WithFirstEntryMethod(byte[] zip, ushort method)
    {
        ArgumentNullException.ThrowIfNull(zip);
        var patched = (byte[])zip.Clone();
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(patched.AsSpan(8), method);
        var end = patched.AsSpan().LastIndexOf("PK\x05\x06"u8);
        var directory = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(patched.AsSpan(end + 16));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(patched.AsSpan(directory + 10), method);
        return patched;
    }

    /// <summary>A name's bytes as a string of one character per byte, for <see cref="ToBytesWithRawNames"/>.</summary>
    public static string RawName(byte[] bytes) => Encoding.Latin1.GetString(bytes);

    /// <summary>The name as Explorer on Vietnamese Windows writes it: Windows-1258, tones as separate bytes.</summary>
    public static string Cp1258Name(string name) =>
        RawName(Appendix.Writers.StrictWindows1258.GetBytes(Appendix.Writers.Cp1258Form(name)));

    /// <summary>The name as DOS code page 437 (Explorer on western Windows) writes it.</summary>
    public static string Cp437Name(string name) =>
        RawName(Encoding.GetEncoding(437, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetBytes(name));

    /// <summary>UTF-8 bytes with no flag, as older Linux and macOS tools write names.</summary>
    public static string Utf8NameWithoutFlag(string name) => RawName(Encoding.UTF8.GetBytes(name));

    /// <summary>Bytes that shrink a thousandfold: the payload of a zip bomb.</summary>
    public static byte[] Zeros(int size) => new byte[size];

    /// <summary>Bytes that do not compress.</summary>
    public static byte[] Noise(int size, int seed = 7)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Posts a .zip to <c>POST /api/submissions/bulk</c> as multipart field <c>file</c>.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] zip, string fileName = "bao-cao.zip", string? query = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(zip);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        form.Add(file, "file", fileName);
        return await client.PostAsync("/api/submissions/bulk" + (query is null ? "" : "?" + query), form);
    }
}
