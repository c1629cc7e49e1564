using System.Globalization;
using ReportHub.Core.Grid;
using ReportHub.Core.Issues;

namespace ReportHub.Readers.Docx;

/// <summary>
/// What the body reader left out because Word leaves it off the page (hidden text and rows) or because it was read as
/// if every tracked change were accepted (deleted text and rows), counted by the top-level table it sat in
/// (0: outside any table). The sender hears about each kind once, as a warning on the parse.
/// </summary>
internal sealed class Omissions
{
    private readonly SortedDictionary<int, Counts> _byTable = [];

    /// <summary>While reading a row already left out as a whole, its content is not counted again.</summary>
    public bool Suspended { get; set; }

    public void HiddenRun(int table) => Count(table, c => c.HiddenRuns++);

    public void HiddenRow(int table) => Count(table, c => c.HiddenRows++);

    public void DeletedRun(int table) => Count(table, c => c.DeletedRuns++);

    public void DeletedRow(int table) => Count(table, c => c.DeletedRows++);

    public void InsertedRun(int table) => Count(table, c => c.InsertedRuns++);

    public IReadOnlyList<ReaderNote> Notes(TableNames names)
    {
        var notes = new List<ReaderNote>();
        var hidden = Parts(names, c => [(c.HiddenRuns, "đoạn chữ ẩn"), (c.HiddenRows, "dòng ẩn")]);
        if (hidden.Length > 0)
        {
            notes.Add(new ReaderNote(IssueCodes.DocxHiddenSkipped,
                $"Văn bản có nội dung bị ẩn (định dạng Hidden) mà Word không hiển thị; hệ thống đã bỏ qua: {hidden}. "
                + "Nếu đó là số liệu cần báo cáo, hãy bỏ định dạng ẩn (Phông chữ › bỏ chọn Ẩn) rồi gửi lại."));
        }
        var deleted = Parts(names, c => [(c.DeletedRows, "dòng bị xóa"), (c.DeletedRuns, "đoạn chữ bị xóa")]);
        var inserted = Parts(names, c => [(c.InsertedRuns, "đoạn chữ được chèn")]);
        if (deleted.Length > 0 || inserted.Length > 0)
        {
            var read = string.Join("; ", new[] { deleted.Length > 0 ? "bỏ " + deleted : "", inserted.Length > 0 ? "lấy " + inserted : "" }.Where(s => s.Length > 0));
            notes.Add(new ReaderNote(IssueCodes.DocxTrackedChanges,
                "Văn bản còn các thay đổi được theo dõi (Track Changes) chưa được chấp nhận; hệ thống đọc như khi đã chấp nhận "
                + $"tất cả: {read}. Hãy kiểm tra lại số liệu, chấp nhận hoặc từ chối các thay đổi (Xem lại › Chấp nhận) rồi gửi lại."));
        }
        return notes;
    }

    private string Parts(TableNames names, Func<Counts, (int Count, string What)[]> kinds)
    {
        var parts = new List<string>();
        foreach (var (table, counts) in _byTable)
        {
            var items = kinds(counts).Where(k => k.Count > 0).Select(k => $"{k.Count.ToString(CultureInfo.InvariantCulture)} {k.What}").ToList();
            if (items.Count > 0)
            {
                var place = table == 0 ? "ngoài bảng" : "ở " + names.InSentence(table);
                parts.Add($"{string.Join(" và ", items)} {place}");
            }
        }
        return string.Join(", ", parts);
    }

    private void Count(int table, Action<Counts> add)
    {
        if (Suspended)
        {
            return;
        }
        if (!_byTable.TryGetValue(table, out var counts))
        {
            _byTable[table] = counts = new Counts();
        }
        add(counts);
    }

    private sealed class Counts
    {
        public int HiddenRuns { get; set; }
        public int HiddenRows { get; set; }
        public int DeletedRuns { get; set; }
        public int DeletedRows { get; set; }
        public int InsertedRuns { get; set; }
    }
}
