using System.Buffers.Binary;
using System.Text;

namespace ReportHub.Testing.Refused;

/// <summary>
/// A well-formed compound file (CFB version 3, 512-byte sectors), the container of Word 97–2003 .doc files: header,
/// one FAT sector, one directory sector, then each stream in its own chain of sectors. Streams are padded to the
/// 4096-byte mini-stream cutoff so every one lives in regular sectors, as a .doc's main streams do.
/// </summary>
public static class CompoundFile
{
    private const int SectorSize = 512;
    private const int MiniStreamCutoff = 4096;
    private const uint FreeSector = 0xFFFFFFFF;
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint FatSector = 0xFFFFFFFD;
    private const uint NoStream = 0xFFFFFFFF;

    /// <summary>A Word 97–2003 document: the WordDocument stream (FIB magic 0xA5EC, then the text as UTF-16) and 1Table.</summary>
    public static byte[] WordDocument(string text)
    {
        var word = new byte[MiniStreamCutoff + (text.Length * 2 / SectorSize + 1) * SectorSize];
        BinaryPrimitives.WriteUInt16LittleEndian(word, 0xA5EC); // wIdent of the File Information Block
        BinaryPrimitives.WriteUInt16LittleEndian(word.AsSpan(2), 0x00C1); // nFib of Word 97 and later
        Encoding.Unicode.GetBytes(text).CopyTo(word, 0x800);
        return Build([("WordDocument", word), ("1Table", new byte[MiniStreamCutoff])]);
    }

    public static byte[] Build(IReadOnlyList<(string Name, byte[] Content)> streams)
    {
        if (streams.Count is 0 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(streams), "One directory sector holds the root and up to three streams.");
        }
        var sectorsOf = streams.Select(s => (Math.Max(s.Content.Length, MiniStreamCutoff) + SectorSize - 1) / SectorSize).ToList();
        var total = 2 + sectorsOf.Sum();
        if (total > SectorSize / 4)
        {
            throw new ArgumentOutOfRangeException(nameof(streams), "One FAT sector maps 128 sectors.");
        }

        var fat = Enumerable.Repeat(FreeSector, SectorSize / 4).ToArray();
        fat[0] = FatSector;
        fat[1] = EndOfChain;
        var starts = new List<uint>();
        var next = 2u;
        foreach (var count in sectorsOf)
        {
            starts.Add(next);
            for (var i = 0; i < count; i++, next++)
            {
                fat[next] = i == count - 1 ? EndOfChain : next + 1;
            }
        }

        var file = new byte[SectorSize * (1 + total)];
        var header = file.AsSpan(0, SectorSize);
        ((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x18..], 0x003E); // minor version
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1A..], 0x0003); // major version 3
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1C..], 0xFFFE); // little-endian
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1E..], 9); // 512-byte sectors
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x20..], 6); // 64-byte mini sectors
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x2C..], 1); // FAT sectors
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x30..], 1); // first directory sector
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x38..], MiniStreamCutoff);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x3C..], EndOfChain); // no mini FAT
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x44..], EndOfChain); // no DIFAT sectors
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x4C..], 0); // DIFAT[0]: the FAT is sector 0
        for (var i = 1; i < 109; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header[(0x4C + i * 4)..], FreeSector);
        }

        var fatBytes = Sector(file, 0);
        for (var i = 0; i < fat.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(fatBytes[(i * 4)..], fat[i]);
        }

        // Siblings form a tree ordered by name length, then name; a chain to the right is a valid (all-black) tree.
        var order = Enumerable.Range(0, streams.Count).OrderBy(i => streams[i].Name.Length).ThenBy(i => streams[i].Name.ToUpperInvariant(), StringComparer.Ordinal).ToList();
        var directory = Sector(file, 1);
        Entry(directory, "Root Entry", type: 5, child: (uint)(order[0] + 1), right: NoStream, start: EndOfChain, size: 0);
        for (var k = 0; k < order.Count; k++)
        {
            var i = order[k];
            var right = k + 1 < order.Count ? (uint)(order[k + 1] + 1) : NoStream;
            Entry(directory[((i + 1) * 128)..], streams[i].Name, type: 2, child: NoStream, right: right, start: starts[i], size: (uint)Math.Max(streams[i].Content.Length, MiniStreamCutoff));
            streams[i].Content.CopyTo(file, SectorSize * (1 + (int)starts[i]));
        }
        for (var i = streams.Count + 1; i < 4; i++)
        {
            // Unused entries: empty, with no siblings or child.
            Entry(directory[(i * 128)..], "", type: 0, child: NoStream, right: NoStream, start: 0, size: 0);
        }
        return file;
    }

    private static Span<byte> Sector(byte[] file, int sector) => file.AsSpan(SectorSize * (1 + sector), SectorSize);

    private static void Entry(Span<byte> entry, string name, byte type, uint child, uint right, uint start, uint size)
    {
        var nameBytes = Encoding.Unicode.GetBytes(name);
        nameBytes.CopyTo(entry);
        BinaryPrimitives.WriteUInt16LittleEndian(entry[0x40..], (ushort)(name.Length == 0 ? 0 : nameBytes.Length + 2));
        entry[0x42] = type;
        entry[0x43] = 1; // black
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x44..], NoStream); // left sibling
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x48..], right);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x4C..], child);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x74..], start);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x78..], size);
    }
}
