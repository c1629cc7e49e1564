namespace ReportHub.Testing.Documents;

/// <summary>
/// Seed 004 (công văn 2162/SCT-VP of the Sở Công Thương Quảng Ngãi, 27/10/2021) typed in Word as the department
/// would: the header table, the recipients of each directive as paragraphs in one cell, and the issuing unit
/// merged down the three directive rows.
/// </summary>
public static class SeedLetters
{
    public const string IssuingUnit = "Sở Công Thương tỉnh Quảng Ngãi";

    public const string DirectivesHeading = "1. Công tác chỉ đạo, triển khai và tuyên truyền";

    public const string QrHeading = "2. Kết quả tạo, quản lý mã QR địa điểm và quét mã QR tại các địa điểm";

    public static readonly string[] DirectiveHeader =
        ["STT", "Nội dung thực hiện", "Số, ngày ban hành văn bản", "Đơn vị ban hành", "Đối tượng tiếp nhận thông tin"];

    public static readonly string[] QrHeader =
        ["TT", "Đối tượng thống kê", "Tổng số mã QR địa điểm đã tạo và quản lý", "Tổng số lượt quét mã QR của các địa điểm", "Ghi chú"];

    /// <summary>The letter before its appendix.</summary>
    public static WordLetterBuilder Letter(WordLetterBuilder? builder = null) => (builder ?? new WordLetterBuilder())
        .Header(["UBND TỈNH QUẢNG NGÃI", "SỞ CÔNG THƯƠNG"], "2162/SCT-VP", "Quảng Ngãi, ngày 27 tháng 10 năm 2021",
            "báo cáo tình hình triển khai ứng dụng các giải pháp công nghệ trong phòng, chống dịch Covid-19")
        .Recipients("Sở Thông tin và Truyền thông tỉnh Quảng Ngãi")
        .Paragraph("Theo Công văn số 1406/STTTT-BCVT&CNTT ngày 26/10/2021 của Sở Thông tin và Truyền thông về việc báo cáo "
            + "tình hình triển khai ứng dụng các giải pháp công nghệ trong phòng, chống dịch Covid-19; Sở Công Thương báo cáo "
            + "tình hình triển khai tuyên truyền và ứng dụng các giải pháp công nghệ trong công tác phòng, chống dịch Covid-19 "
            + "tại Sở và trong các hoạt động chuyên môn của Sở theo Phụ lục đính kèm Công văn này.")
        .Paragraph("Kính đề nghị Sở Thông tin và Truyền thông tổng hợp./.")
        .EmptyParagraph()
        .SignerBlock(["- Như trên;", "- GD Sở, các PGD Sở;", "- Lưu: VT, VP."], ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], "Nguyễn Đức Huy");

    /// <summary>Section 1: the three directives, the issuing unit merged down their rows.</summary>
    public static WordLetterBuilder Directives(WordLetterBuilder builder) => builder
        .Paragraph(DirectivesHeading, bold: true)
        .Table(t => t
            .Row([.. DirectiveHeader.Select(h => WordCell.Of(h, bold: true))])
            .Row("1",
                "Về việc triển khai, sử dụng các biện pháp, giải pháp công nghệ phục vụ công tác phòng, chống dịch Covid-19 trong tình hình mới",
                "780/SCT-VP ngày 07/05/2021", IssuingUnit, "Công chức, viên chức, người lao động thuộc Sở")
            .Row("2", "Triển khai văn bản hướng dẫn phòng chống Covid-19 tại chợ", "1532/SCT-QLTM ngày 09/08/2021", "",
                new WordCell()
                    .Paragraph("- UBND các huyện, thị xã, thành phố.")
                    .Paragraph("- Chợ Đầu mối Nông sản Quảng Ngãi.")
                    .Paragraph("- Các chợ hạng 1 trên địa bàn tỉnh Quảng Ngãi."))
            .Row("3",
                "Triển khai Công văn số 1088/STTTT-CNTT ngày 26/8/2021 của Sở Thông tin và Truyền thông; Công văn số 780/SCT-VP "
                + "ngày 07/5/2021 của Giám đốc Sở về việc triển khai áp dụng các giải pháp công nghệ trong phòng, chống dịch Covid-19.",
                "1711/TB-SCT ngày 30/8/2021", "",
                new WordCell()
                    .Paragraph("- Công chức, viên chức, người lao động thuộc Sở.")
                    .Paragraph("- Văn phòng UBND tỉnh (báo cáo)."))
            .MergeDown(cell: 4, firstRow: 2, lastRow: 4));

    /// <summary>Section 2 with the given counts, typed as text the way Word holds every number.</summary>
    public static WordLetterBuilder QrCodes(WordLetterBuilder builder, string codes = "01", string scans = "541") => builder
        .Paragraph(QrHeading, bold: true)
        .Table(t => t
            .Row([.. QrHeader.Select(h => WordCell.Of(h, bold: true))])
            .Row("1", IssuingUnit, codes, scans, ""));

    /// <summary>Section 2 with rows of the test's own making under the header row (hidden runs, hidden or deleted rows).</summary>
    public static WordLetterBuilder QrCodes(WordLetterBuilder builder, Action<WordTableBuilder> rows) => builder
        .Paragraph(QrHeading, bold: true)
        .Table(t => rows(t.Row([.. QrHeader.Select(h => WordCell.Of(h, bold: true))])));

    public static WordLetterBuilder Narratives(WordLetterBuilder builder) => builder
        .Paragraph("3. Công tác kiểm tra, giám sát triển khai", bold: true)
        .Paragraph("- Công chức, viên chức, người lao động tại Sở đã thực hiện nghiêm các quy định về phòng chống dịch trong việc "
            + "cài đặt các ứng dụng phát hiện tiếp xúc gần PC-COVID (Bluezone cũ); ứng dụng khai báo y tế tự nguyện (Ncovi).")
        .Paragraph("- Chấp hành nghiêm túc các yêu cầu khai báo y tế điện tử trên các ứng dụng (Bluezone và NCOVI).")
        .Paragraph("4. Một số kết quả triển khai, kinh nghiệm.", bold: true)
        .Paragraph("- Cập nhật Bộ giải pháp và các thông tin cần thiết, liên quan trong công tác phòng, chống dịch bệnh Covid-19, "
            + "banner tuyên truyền trên Cổng Thông tin điện tử của Sở.")
        .Paragraph("5. Kiến nghị, đề xuất.", bold: true)
        .Paragraph("- Không có");

    /// <summary>The whole letter with its PHỤ LỤC.</summary>
    public static WordLetterBuilder Report2162(string codes = "01", string scans = "541", WordLetterBuilder? builder = null) =>
        Narratives(QrCodes(Directives(Letter(builder).Appendix(AppendixTitle)), codes, scans));

    /// <summary>The whole letter with its PHỤ LỤC, the QR table's data rows written by <paramref name="qrRows"/>.</summary>
    public static WordLetterBuilder Report2162(Action<WordTableBuilder> qrRows, WordLetterBuilder? builder = null) =>
        Narratives(QrCodes(Directives(Letter(builder).Appendix(AppendixTitle)), qrRows));

    public const string AppendixTitle =
        "BIỂU MẪU BÁO CÁO TÌNH HÌNH TRIỂN KHAI TUYÊN TRUYỀN VÀ ỨNG DỤNG CÔNG NGHỆ TRONG PHÒNG, CHỐNG DỊCH COVID-19";
}
