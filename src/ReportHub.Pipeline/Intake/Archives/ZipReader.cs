using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace ReportHub.Pipeline.Intake.Archives;

/// <summary>
/// A .zip of reports, read with its limits enforced. Opening it reads the directory and then every file once,
/// counting the bytes as they are inflated (the sizes in the headers are never trusted), so that an archive over a
/// limit is refused as a whole before anything in it is ingested; a file that is unsafe or too large is refused on
/// its own. Files are then read one at a time by their index into memory, never written to disk under their name.
/// </summary>
public sealed class ZipReader : IAsyncDisposable
{
    /// <summary>Below this many inflated bytes a file's compression ratio is not judged.</summary>
    public const long RatioFloorBytes = 1024 * 1024;

    /// <summary>
    /// Records of any kind (folders and skipped litter included) the directory may hold per allowed file. Checked from
    /// the end record before the directory is read, so a directory of millions of empty entries costs nothing.
    /// </summary>
    public const int DirectoryRecordsPerEntry = 4;

    private const int Chunk = 81920;

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private static readonly string[] ArchiveExtensions =
        [".zip", ".zipx", ".rar", ".7z", ".tar", ".gz", ".tgz", ".bz2", ".tbz2", ".xz", ".txz", ".cab", ".arj", ".lzh", ".z", ".iso"];

    private readonly ZipArchive _archive;
    private readonly long _maxFileBytes;

    private ZipReader(ZipArchive archive, IReadOnlyList<ArchiveItem> items, long maxFileBytes)
    {
        _archive = archive;
        Items = items;
        _maxFileBytes = maxFileBytes;
    }

    /// <summary>The files of the archive in its directory's order; folders and litter are left out.</summary>
    public IReadOnlyList<ArchiveItem> Items { get; }

    /// <summary>Reads and measures the archive; the stream must be seekable and stays open until this is disposed.</summary>
    /// <exception cref="ArchiveRefusedException">The archive as a whole is not read (not a zip, damaged, over a limit).</exception>
    public static async Task<ZipReader> OpenAsync(Stream content, ArchiveOptions options, long maxFileBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        if (!content.CanSeek)
        {
            throw new ArgumentException("The archive must be seekable.", nameof(content));
        }
        CheckSignature(content);
        if (DirectoryRecords(content) is { } records && records > (long)options.MaxEntries * DirectoryRecordsPerEntry)
        {
            throw TooManyEntries(records, options);
        }
        ZipArchive archive;
        ZipArchive raw;
        try
        {
            content.Position = 0;
            archive = await ZipArchive.CreateAsync(content, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, cancellationToken);
            content.Position = 0;
            raw = await ZipArchive.CreateAsync(content, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: Encoding.Latin1, cancellationToken);
        }
        catch (InvalidDataException)
        {
            throw Corrupt();
        }
        try
        {
            var items = await MeasureAsync(archive, raw, options, maxFileBytes, cancellationToken);
            return new ZipReader(archive, items, maxFileBytes);
        }
        catch
        {
            await archive.DisposeAsync();
            throw;
        }
        finally
        {
            await raw.DisposeAsync();
        }
    }

    /// <summary>The bytes of a file that was not refused, read again by its index.</summary>
    public async Task<byte[]> ReadAsync(ArchiveItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Refusal is not null)
        {
            throw new InvalidOperationException("A refused file is not read.");
        }
        var entry = _archive.Entries[item.Index];
        await using var stream = await entry.OpenAsync(cancellationToken);
        using var buffer = new MemoryStream((int)Math.Min(item.Size, _maxFileBytes));
        var chunk = ArrayPool<byte>.Shared.Rent(Chunk);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk.AsMemory(0, Chunk), cancellationToken)) > 0)
            {
                // The archive is a read-only buffered copy measured a moment ago: more bytes now is a fault of ours.
                if (buffer.Length + read > item.Size)
                {
                    throw new InvalidOperationException("The entry grew between two reads of the same archive.");
                }
                await buffer.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return buffer.ToArray();
    }

    public ValueTask DisposeAsync() => _archive.DisposeAsync();

    private static async Task<IReadOnlyList<ArchiveItem>> MeasureAsync(ZipArchive archive, ZipArchive raw, ArchiveOptions options, long maxFileBytes,
        CancellationToken cancellationToken)
    {
        // An .xlsx or .docx is a zip too: one report sent to the wrong form, not a zip of reports.
        if (archive.Entries.Any(e => e.FullName == "[Content_Types].xml"))
        {
            throw new ArchiveRefusedException(ArchiveRefusal.SingleReport,
                "Tệp gửi lên là một tệp báo cáo (Excel .xlsx hoặc Word .docx), không phải tệp nén .zip chứa các báo cáo. "
                + "Hãy gửi nó ở trang gửi báo cáo của đơn vị, hoặc nén các báo cáo thành một tệp .zip rồi gửi ở đây.");
        }
        var candidates = new List<(int Index, string Path, EntryPathKind Kind)>();
        for (var i = 0; i < archive.Entries.Count; i++)
        {
            var name = EntryNames.Decode(archive.Entries[i].FullName, raw.Entries[i].FullName);
            var kind = EntryNames.Classify(name, out var path);
            if (kind != EntryPathKind.Skipped)
            {
                candidates.Add((i, path, kind));
            }
        }
        if (candidates.Count > options.MaxEntries)
        {
            throw TooManyEntries(candidates.Count, options);
        }
        if (candidates.Count == 0)
        {
            throw new ArchiveRefusedException(ArchiveRefusal.Empty,
                "Tệp nén không có tệp báo cáo nào (chỉ có thư mục hoặc tệp hệ thống). Hãy nén các tệp báo cáo (.xlsx, .xls, .csv, .docx) rồi gửi lại.");
        }
        var items = new List<ArchiveItem>(candidates.Count);
        long total = 0;
        var chunk = ArrayPool<byte>.Shared.Rent(Chunk);
        try
        {
            foreach (var (index, path, kind) in candidates)
            {
                var shown = EntryNames.Label(path);
                if (kind == EntryPathKind.Unsafe)
                {
                    items.Add(Refused(index, path, 0, "archive.unsafe-path",
                        $"Đường dẫn “{shown}” trong tệp nén không an toàn (đường dẫn tuyệt đối, có ổ đĩa, hoặc có “..” để ra ngoài thư mục) nên tệp này không được đọc. "
                        + "Hãy nén lại các tệp báo cáo từ một thư mục bình thường."));
                    continue;
                }
                if (IsArchiveName(path))
                {
                    items.Add(Refused(index, path, 0, "archive.nested", NestedMessage(shown)));
                    continue;
                }
                var entry = archive.Entries[index];
                var compressed = Math.Max(1, entry.CompressedLength);
                long size = 0;
                var head = new byte[8];
                ItemRefusal? refusal = null;
                try
                {
                    await using var stream = await entry.OpenAsync(cancellationToken);
                    int read;
                    while ((read = await stream.ReadAsync(chunk.AsMemory(0, Chunk), cancellationToken)) > 0)
                    {
                        if (size < head.Length)
                        {
                            chunk.AsSpan(0, (int)Math.Min(read, head.Length - size)).CopyTo(head.AsSpan((int)size));
                        }
                        size += read;
                        total += read;
                        if (total > options.MaxTotalBytes)
                        {
                            throw new ArchiveRefusedException(ArchiveRefusal.TooLarge,
                                $"Các tệp trong tệp nén khi giải nén vượt quá {Megabytes(options.MaxTotalBytes)} MB (giới hạn tổng dung lượng sau giải nén) "
                                + "nên không tệp nào được nhận. Hãy chia các báo cáo thành nhiều tệp nén nhỏ hơn rồi gửi lần lượt.");
                        }
                        if (size > RatioFloorBytes && size > options.MaxCompressionRatio * compressed)
                        {
                            refusal = new ItemRefusal
                            {
                                Code = "archive.ratio",
                                Message = $"Tệp “{shown}” nở ra hơn {options.MaxCompressionRatio.ToString("#,##0.#", Vietnamese)} lần khi giải nén, "
                                    + "bất thường với một báo cáo (có thể là “bom nén”), nên không được giải nén tiếp. Hãy gửi riêng tệp báo cáo gốc.",
                            };
                            break;
                        }
                        if (size > maxFileBytes)
                        {
                            refusal = new ItemRefusal
                            {
                                Code = "archive.entry-too-large",
                                Message = $"Tệp “{shown}” khi giải nén vượt quá {Megabytes(maxFileBytes)} MB (giới hạn mỗi tệp báo cáo) nên không được nhận. "
                                    + "Hãy xóa các trang tính, hình ảnh không cần thiết hoặc tách thành nhiều tệp.",
                            };
                            break;
                        }
                    }
                }
                catch (Exception e) when (e is InvalidDataException or NotSupportedException)
                {
                    refusal = new ItemRefusal
                    {
                        Code = "archive.entry-unreadable",
                        Message = $"Không giải nén được tệp “{shown}” (dữ liệu trong tệp nén bị hỏng, có đặt mật khẩu, hoặc dùng kiểu nén không hỗ trợ). "
                            + "Hãy nén lại bằng chức năng nén (.zip) thông thường, không đặt mật khẩu.",
                    };
                }
                if (refusal is null && IsArchiveContent(head, size))
                {
                    refusal = new ItemRefusal { Code = "archive.nested", Message = NestedMessage(shown) };
                }
                items.Add(new ArchiveItem { Index = index, Path = path, Size = size, Refusal = refusal });
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return items;
    }

    private static ArchiveItem Refused(int index, string path, long size, string code, string message) =>
        new() { Index = index, Path = path, Size = size, Refusal = new ItemRefusal { Code = code, Message = message } };

    private static string NestedMessage(string shown) =>
        $"“{shown}” là một tệp nén nằm trong tệp nén nên không được mở. Hãy giải nén nó và nén các tệp báo cáo bên trong vào cùng một tệp .zip rồi gửi lại.";

    private static bool IsArchiveName(string path) =>
        ArchiveExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// RAR, 7z and gzip by their first bytes whatever the name says. A zip inside is left to the readers: .xlsx and
    /// .docx are zips themselves, and a zip that is neither is rejected there as not a report.
    /// </summary>
    private static bool IsArchiveContent(byte[] head, long size) =>
        size >= 4 && (head.AsSpan().StartsWith("Rar!"u8) || head.AsSpan().StartsWith((byte[])[0x37, 0x7A, 0xBC, 0xAF]) || head.AsSpan().StartsWith((byte[])[0x1F, 0x8B]));

    private static void CheckSignature(Stream content)
    {
        Span<byte> head = stackalloc byte[4];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (read == 4 && (head.SequenceEqual("PK\x03\x04"u8) || head.SequenceEqual("PK\x05\x06"u8)))
        {
            return;
        }
        throw new ArchiveRefusedException(ArchiveRefusal.NotZip,
            "Tệp gửi lên không phải tệp nén .zip. Hãy chọn tất cả các tệp báo cáo, nén lại thành một tệp .zip (trên Windows: bấm chuột phải, "
            + "“Gửi tới” → “Thư mục nén”) rồi gửi tệp .zip đó. Để gửi một báo cáo, hãy dùng trang gửi báo cáo của đơn vị.");
    }

    /// <summary>
    /// The number of records the end-of-directory record announces (the Zip64 one when the classic field is full);
    /// null when it cannot be found, which the directory reader then reports as damage.
    /// </summary>
    private static long? DirectoryRecords(Stream content)
    {
        const int EndRecord = 22;
        var tailLength = (int)Math.Min(content.Length, EndRecord + ushort.MaxValue);
        if (tailLength < EndRecord)
        {
            return null;
        }
        var tail = new byte[tailLength];
        content.Position = content.Length - tailLength;
        content.ReadExactly(tail);
        for (var at = tailLength - EndRecord; at >= 0; at--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at)) != 0x06054b50)
            {
                continue;
            }
            var records = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(at + 10));
            if (records != ushort.MaxValue || at < 20 || BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at - 20)) != 0x07064b50)
            {
                return records;
            }
            var zip64At = BinaryPrimitives.ReadInt64LittleEndian(tail.AsSpan(at - 20 + 8));
            if (zip64At < 0 || zip64At > content.Length - 56)
            {
                return null;
            }
            var zip64 = new byte[56];
            content.Position = zip64At;
            content.ReadExactly(zip64);
            return BinaryPrimitives.ReadUInt32LittleEndian(zip64) == 0x06064b50
                ? (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(zip64.AsSpan(32)), long.MaxValue)
                : null;
        }
        return null;
    }

    private static ArchiveRefusedException TooManyEntries(long count, ArchiveOptions options) => new(ArchiveRefusal.TooManyEntries,
        $"Tệp nén có {count.ToString("N0", Vietnamese)} tệp, vượt quá giới hạn {options.MaxEntries.ToString("N0", Vietnamese)} tệp mỗi lần gửi "
        + "nên không tệp nào được nhận. Hãy chia các báo cáo thành nhiều tệp nén nhỏ hơn rồi gửi lần lượt.");

    private static ArchiveRefusedException Corrupt() => new(ArchiveRefusal.Corrupt,
        "Tệp nén .zip bị hỏng hoặc không trọn vẹn (không đọc được danh mục các tệp bên trong), nên không tệp nào được nhận. "
        + "Hãy nén lại các tệp báo cáo rồi gửi lại; nếu tệp được tải về từ thư điện tử, hãy tải lại.");

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("#,##0.#", Vietnamese);
}
