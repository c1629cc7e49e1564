namespace ReportHub.Core.Parsing;

/// <summary>
/// Finds the merged range covering a cell in O(log n): per sheet row, the column spans of the merges crossing it,
/// sorted by first column. Only rows that hold a cell are indexed, since the parser only asks about those, and
/// merges whose top-left cell is empty are left out, since they have nothing to lend. The number of (row, span)
/// entries is capped so that overlapping giant merges in a hostile file cannot turn indexing into rows × merges work.
/// </summary>
internal sealed class MergeIndex
{
    /// <summary>Far above what any real template needs (a few hundred), low enough to stay a few tens of MB.</summary>
    public const int MaxEntries = 2_000_000;

    private readonly Dictionary<int, List<Span>> _byRow = [];

    public static MergeIndex Empty { get; } = new();

    /// <summary>True when the cap was reached and some merges are not followed.</summary>
    public bool Truncated { get; private set; }

    public static MergeIndex Build(
        IReadOnlyList<Grid.MergedRange> merges, int[] sortedRows, Func<int, int, GridCell?> anchorAt, CancellationToken cancellationToken)
    {
        if (merges.Count == 0 || sortedRows.Length == 0)
        {
            return Empty;
        }
        var index = new MergeIndex();
        var entries = 0;
        for (var m = 0; m < merges.Count; m++)
        {
            if ((m & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            var merge = merges[m];
            if (anchorAt(merge.FirstRow, merge.FirstColumn) is not { } anchor)
            {
                continue;
            }
            var at = Array.BinarySearch(sortedRows, merge.FirstRow);
            for (var r = at < 0 ? ~at : at; r < sortedRows.Length && sortedRows[r] <= merge.LastRow; r++)
            {
                if (++entries > MaxEntries)
                {
                    index.Truncated = true;
                    index.SortRows();
                    return index;
                }
                if (!index._byRow.TryGetValue(sortedRows[r], out var spans))
                {
                    spans = [];
                    index._byRow[sortedRows[r]] = spans;
                }
                spans.Add(new Span(merge.FirstColumn, merge.LastColumn, anchor));
            }
        }
        index.SortRows();
        return index;
    }

    public GridCell? Find(int row, int column)
    {
        if (!_byRow.TryGetValue(row, out var spans))
        {
            return null;
        }
        // The last span starting at or before the column; merges in a valid sheet never overlap, so it is the one.
        int lo = 0, hi = spans.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (spans[mid].FirstColumn <= column)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return found >= 0 && spans[found].LastColumn >= column ? spans[found].Anchor : null;
    }

    private void SortRows()
    {
        foreach (var spans in _byRow.Values)
        {
            spans.Sort((a, b) => a.FirstColumn.CompareTo(b.FirstColumn));
        }
    }

    private readonly record struct Span(int FirstColumn, int LastColumn, GridCell Anchor);
}
