namespace ReportHub.SampleGen;

/// <summary>
/// Where and how a report's parts land on the sheet. Each knob is a variation the parser must tolerate (the
/// appendix shifted, gaps and blank columns, merged titles, reworded or reordered headers, total rows), so the
/// samples exercise them one or two at a time.
/// </summary>
public sealed record Layout
{
    public static readonly string[] StandardS1Headers =
        ["STT", "Nội dung thực hiện", "Số, ngày ban hành văn bản", "Đơn vị ban hành", "Đối tượng tiếp nhận thông tin"];

    public static readonly string[] StandardS2Headers =
        ["TT", "Đối tượng thống kê", "Tổng số mã QR địa điểm đã tạo và quản lý", "Tổng số lượt quét mã QR của các địa điểm", "Ghi chú"];

    public static readonly string[] StandardHeadings =
    [
        "1. Công tác chỉ đạo, triển khai và tuyên truyền",
        "2. Kết quả tạo, quản lý mã QR địa điểm và quét mã QR tại các địa điểm",
        "3. Công tác kiểm tra, giám sát triển khai",
        "4. Một số kết quả triển khai, kinh nghiệm.",
        "5. Kiến nghị, đề xuất.",
    ];

    /// <summary>1-based origin of the header lines.</summary>
    public int HeaderRow { get; init; } = 1;
    public int HeaderCol { get; init; } = 1;

    /// <summary>Fixed origin of the appendix (PHỤ LỤC); null continues below the header in HeaderCol.</summary>
    public int? AppendixRow { get; init; }
    public int? AppendixCol { get; init; }

    /// <summary>Signer block after section 5 (right-hand side) instead of under the cover letter.</summary>
    public bool SignerAtBottom { get; init; }

    /// <summary>Blank rows between parts of the appendix.</summary>
    public int GapRows { get; init; } = 1;

    /// <summary>Insert an empty column after this logical table column (0-based) in both tables.</summary>
    public int? BlankColumnAfter { get; init; }

    /// <summary>Merge the PHỤ LỤC title lines across the table width.</summary>
    public bool MergeTitle { get; init; }

    public IReadOnlyList<string> S1Headers { get; init; } = StandardS1Headers;
    public IReadOnlyList<string> S2Headers { get; init; } = StandardS2Headers;

    /// <summary>Physical order of the section-2 columns, as indexes into the logical TT/name/codes/scans/note.</summary>
    public IReadOnlyList<int> S2Order { get; init; } = [0, 1, 2, 3, 4];

    public IReadOnlyList<string> Headings { get; init; } = StandardHeadings;

    /// <summary>Label of the section-2 total row; null writes none.</summary>
    public string? TotalLabel { get; init; }

    /// <summary>How the total row's figures are typed.</summary>
    public QtyStyle TotalStyle { get; init; } = QtyStyle.Number;
}
