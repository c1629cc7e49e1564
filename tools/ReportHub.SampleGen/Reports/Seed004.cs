using static ReportHub.SampleGen.Reports.Std;

namespace ReportHub.SampleGen.Reports;

/// <summary>Seed 004 (Sở Công Thương, 2162/SCT-VP) transcribed line for line: the reference for the template.</summary>
public static class Seed004
{
    public static IEnumerable<ReportSpec> All()
    {
        var spec = Build("sct-2162-seed004.xlsx", OutputFormat.Xlsx);
        yield return spec;
        yield return spec with { File = "sct-2162-seed004.csv", Format = OutputFormat.Csv };
    }

    private static ReportSpec Build(string file, OutputFormat format) => new(
        file,
        "51.SCT",
        format,
        "seed 004 verbatim, one line per row in column A; \"01\" is a text cell ('01); recipients cells hold line breaks",
        [
            L("UBND TỈNH QUẢNG NGÃI", true),
            L("SỞ CÔNG THƯƠNG", true),
            Blank,
            L(Motto1, true),
            L("Độc lập – Tự do – Hạnh phúc", true),
            Blank,
            L("Số: 2162/SCT-VP"),
            Blank,
            L("Quảng Ngãi, ngày 27 tháng 10 năm 2021"),
            Blank,
            L(Vv),
            Blank,
            L(KinhGui),
            Blank,
            L("Theo Công văn số 1406/STTTT-BCVT&CNTT ngày 26/10/2021 của Sở Thông tin và Truyền thông về việc báo cáo tình hình triển khai ứng dụng các giải pháp công nghệ trong phòng, chống dịch Covid-19; Sở Công Thương báo cáo tình hình triển khai tuyên truyền và ứng dụng các giải pháp công nghệ trong công tác phòng, chống dịch Covid-19 tại Sở và trong các hoạt động chuyên môn của Sở theo Phụ lục đính kèm Công văn này."),
            Blank,
            L("Kính đề nghị Sở Thông tin và Truyền thông tổng hợp./."),
            Blank,
            L("Nơi nhận:"),
            Blank,
            L("- Như trên;"),
            L("- GD Sở, các PGD Sở;"),
            L("- Lưu: VT, VP."),
        ],
        [L("KT. GIÁM ĐỐC", true), L("PHÓ GIÁM ĐỐC", true), Blank, L("Nguyễn Đức Huy", true)],
        AppendixTitle,
        [
            new("Về việc triển khai, sử dụng các biện pháp, giải pháp công nghệ phục vụ công tác phòng, chống dịch Covid-19 trong tình hình mới",
                T("780/SCT-VP ngày 07/05/2021"), "Sở Công Thương tỉnh Quảng Ngãi", "Công chức, viên chức, người lao động thuộc Sở"),
            new("Triển khai văn bản hướng dẫn phòng chống Covid-19 tại chợ",
                T("1532/SCT-QLTM ngày 09/08/2021"), "Sở Công Thương tỉnh Quảng Ngãi",
                Lines("- UBND các huyện, thị xã, thành phố.", "- Chợ Đầu mối Nông sản Quảng Ngãi.", "- Các chợ hạng 1 trên địa bàn tỉnh Quảng Ngãi.")),
            new("Triển khai Công văn số 1088/STTTT-CNTT ngày 26/8/2021 của Sở Thông tin và Truyền thông; Công văn số 780/SCT-VP ngày 07/5/2021 của Giám đốc Sở về việc triển khai áp dụng các giải pháp công nghệ trong phòng, chống dịch Covid-19.",
                T("1711/TB-SCT ngày 30/8/2021"), "Sở Công Thương tỉnh Quảng Ngãi",
                Lines("- Công chức, viên chức, người lao động thuộc Sở.", "- Văn phòng UBND tỉnh (báo cáo).")),
        ],
        [new("Sở Công Thương tỉnh Quảng Ngãi", new Qty(1, QtyStyle.ZeroPadded), 541)],
        [
            "- Công chức, viên chức, người lao động tại Sở đã thực hiện nghiêm các quy định về phòng chống dịch trong việc cài đặt các ứng dụng phát hiện tiếp xúc gần PC-COVID (Bluezone cũ); ứng dụng khai báo y tế tự nguyện (Ncovi), luôn bật trong suốt quá trình làm việc và khi tới nơi công cộng.",
            "- Chấp hành nghiêm túc các yêu cầu khai báo y tế điện tử trên các ứng dụng (Bluezone và NCOVI), thực hiện việc quét mã QR Code khi ra vào cơ quan và các địa điểm công cộng.",
            "- Báo cáo việc cài đặt và sử dụng ứng dụng Bluezone để phòng, chống dịch Covid-19 gửi Sở Thông tin và Truyền thông tại Công văn số 1521/SCT-VP ngày 20/08/2020 của Sở Công Thương.",
        ],
        [
            "- Sở Công Thương đã triển khai tuyên truyền, hướng dẫn đến toàn bộ công chức, viên chức và người lao động tại Sở “Tài liệu giới thiệu Bộ giải pháp công nghệ phòng, chống dịch Covid-19 trong tình hình mới” do Bộ Thông tin và Truyền thông phát hành, kết hợp với việc cài đặt ứng dụng PC-Covid (Bluezone cũ), khai báo y tế điện tử trên các ứng dụng phòng chống dịch.",
            "- Cập nhật Bộ giải pháp và các thông tin cần thiết, liên quan trong công tác phòng, chống dịch bệnh Covid-19, banner tuyên truyền trên Cổng Thông tin điện tử của Sở.",
            "- Chủ động triển khai, hướng dẫn phòng chống dịch Covid-19 tại chợ trên địa bàn tỉnh Quảng Ngãi bằng các biện pháp công nghệ, cài đặt các ứng dụng phòng chống dịch covid-19; triển khai bản đồ an toàn covid tại các khu công nghiệp, cụm công nghiệp trên địa bàn tỉnh Quảng Ngãi.",
        ],
        [NoneLine],
        new Layout());
}
