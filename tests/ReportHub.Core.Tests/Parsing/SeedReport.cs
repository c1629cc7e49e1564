namespace ReportHub.Core.Tests.Parsing;

/// <summary>Seed 004 (2162/SCT-VP of the Sở Công Thương) typed into a sheet the way a department writes it.</summary>
internal static class SeedReport
{
    public const string Recipients2 = "- UBND các huyện, thị xã, thành phố. - Chợ Đầu mối Nông sản Quảng Ngãi. - Các chợ hạng 1 trên địa bàn tỉnh Quảng Ngãi.";

    public static SheetBuilder Header(SheetBuilder s) => s
        .Line("UBND TỈNH QUẢNG NGÃI", null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        .Line("SỞ CÔNG THƯƠNG", null, null, "Độc lập – Tự do – Hạnh phúc")
        .Line("Số: 2162/SCT-VP", null, null, "Quảng Ngãi, ngày 27 tháng 10 năm 2021")
        .Line("V/v báo cáo tình hình triển khai ứng dụng các giải pháp công nghệ trong phòng, chống dịch Covid-19")
        .Line("Kính gửi: Sở Thông tin và Truyền thông tỉnh Quảng Ngãi")
        .Line("Theo Công văn số 1406/STTTT-BCVT&CNTT ngày 26/10/2021 của Sở Thông tin và Truyền thông về việc báo cáo tình hình triển khai ứng dụng các giải pháp công nghệ trong phòng, chống dịch Covid-19")
        .Line(null, null, null, "KT. GIÁM ĐỐC")
        .Line(null, null, null, "PHÓ GIÁM ĐỐC")
        .Line(null, null, null, "Nguyễn Đức Huy");

    public static SheetBuilder Section1(SheetBuilder s) => s
        .Line("PHỤ LỤC")
        .Line("BIỂU MẪU BÁO CÁO TÌNH HÌNH TRIỂN KHAI TUYÊN TRUYỀN VÀ ỨNG DỤNG CÔNG NGHỆ TRONG PHÒNG, CHỐNG DỊCH COVID-19")
        .Line("1. Công tác chỉ đạo, triển khai và tuyên truyền")
        .Line("STT", "Nội dung thực hiện", "Số, ngày ban hành văn bản", "Đơn vị ban hành", "Đối tượng tiếp nhận thông tin")
        .Line(1, "Về việc triển khai, sử dụng các biện pháp, giải pháp công nghệ phục vụ công tác phòng, chống dịch Covid-19 trong tình hình mới", "780/SCT-VP ngày 07/05/2021", "Sở Công Thương tỉnh Quảng Ngãi", "Công chức, viên chức, người lao động thuộc Sở")
        .Line(2, "Triển khai văn bản hướng dẫn phòng chống Covid-19 tại chợ", "1532/SCT-QLTM ngày 09/08/2021", "Sở Công Thương tỉnh Quảng Ngãi", Recipients2)
        .Line(3, "Triển khai Công văn số 1088/STTTT-CNTT ngày 26/8/2021 của Sở Thông tin và Truyền thông", "1711/TB-SCT ngày 30/8/2021", "Sở Công Thương tỉnh Quảng Ngãi", "- Công chức, viên chức, người lao động thuộc Sở.\n- Văn phòng UBND tỉnh (báo cáo).");

    public static SheetBuilder Section2(SheetBuilder s) => s
        .Line("2. Kết quả tạo, quản lý mã QR địa điểm và quét mã QR tại các địa điểm")
        .Line("TT", "Đối tượng thống kê", "Tổng số mã QR địa điểm đã tạo và quản lý", "Tổng số lượt quét mã QR của các địa điểm", "Ghi chú")
        .Line(1, "Sở Công Thương tỉnh Quảng Ngãi", "01", 541);

    public static SheetBuilder Narratives(SheetBuilder s) => s
        .Line("3. Công tác kiểm tra, giám sát triển khai")
        .Line("- Công chức, viên chức, người lao động tại Sở đã thực hiện nghiêm các quy định về phòng chống dịch.")
        .Line("4. Một số kết quả triển khai, kinh nghiệm.")
        .Line("- Cập nhật Bộ giải pháp và các thông tin cần thiết trên Cổng Thông tin điện tử của Sở.")
        .Line("5. Kiến nghị, đề xuất.")
        .Line("- Không có");

    public static SheetBuilder Full(int row = 1, int column = 1) =>
        Narratives(Section2(Section1(Header(new SheetBuilder(row, column)).Blank())));
}
