using ReportHub.Core.Templates;
using System.Globalization;
using ReportHub.Aggregate.Rollups;
using ReportHub.Core.Domain;

namespace ReportHub.Aggregate.Tests.Export;

/// <summary>Round 2021-10 as the DOIC saw it: one department on time, one district late, one department silent.</summary>
internal static class SampleRound
{
    public const string HostileContent = "=HYPERLINK(\"http://evil.example/x\",\"Bấm vào đây\")";
    public const string DashRecipient = "- Công chức, viên chức, người lao động thuộc Sở.";

    public static readonly Round Round = new()
    {
        Code = "2021-10",
        Title = "Báo cáo tình hình triển khai ứng dụng công nghệ phòng, chống dịch Covid-19 tháng 10/2021",
        RequestDocument = "1406/STTTT-BCVT&CNTT",
        RequestDate = new DateOnly(2021, 10, 26),
        Deadline = new DateOnly(2021, 10, 29),
        ExpectedUnits = ["51.SCT", "51.524", "51.SKHCN"],
    };

    public static readonly Unit Province = new() { Code = "51", Name = "Tỉnh Quảng Ngãi", Type = UnitTypes.Province };

    public static readonly Unit Sct = new()
    {
        Code = "51.SCT", Name = "Sở Công Thương tỉnh Quảng Ngãi", Type = UnitTypes.Department, Parent = "51",
    };

    public static readonly Unit BinhSon = new()
    {
        Code = "51.524", Name = "Huyện Bình Sơn", Type = UnitTypes.District, Parent = "51",
    };

    public static ConsolidatedData Build() => new()
    {
        Round = Round,
        Template = FirstTemplateView.Definition,
        ProvinceHeading = "UBND TỈNH QUẢNG NGÃI",
        AuthorityHeading = "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
        GeneratedAt = new DateTimeOffset(2021, 10, 31, 1, 5, 0, TimeSpan.Zero),
        Totals = new RoundTotals
        {
            Round = "2021-10",
            UnitsExpected = 3,
            UnitsReported = 2,
            UnitsOnTime = 1,
            UnitsLate = 1,
            UnitsMissing = 1,
            Directives = 5,
            QrCodes = 40,
            QrScans = 1_239_454,
        },
        Units =
        [
            new UnitStatus
            {
                Unit = "51.SCT", Name = "Sở Công Thương tỉnh Quảng Ngãi", Type = UnitTypes.Department,
                Status = UnitStatuses.OnTime, ReceivedAt = new DateTimeOffset(2021, 10, 27, 2, 15, 0, TimeSpan.Zero),
                SubmissionId = 11, Directives = 3, QrCodes = 1, QrScans = 541,
            },
            new UnitStatus
            {
                Unit = "51.524", Name = "Huyện Bình Sơn", Type = UnitTypes.District,
                Status = UnitStatuses.Late, ReceivedAt = new DateTimeOffset(2021, 10, 30, 8, 40, 0, TimeSpan.FromHours(7)),
                SubmissionId = 12, Directives = 2, QrCodes = 39, QrScans = 1_238_913,
            },
            new UnitStatus
            {
                Unit = "51.SKHCN", Name = "Sở Khoa học và Công nghệ tỉnh Quảng Ngãi", Type = UnitTypes.Department,
                Status = UnitStatuses.Missing, Directives = 0, QrCodes = 0, QrScans = 0,
            },
        ],
        Directives =
        [
            Directive("51.SCT", "Sở Công Thương tỉnh Quảng Ngãi", 1,
                "Về việc triển khai, sử dụng các biện pháp, giải pháp công nghệ phục vụ công tác phòng, chống dịch Covid-19 trong tình hình mới",
                "780", "SCT-VP", new DateOnly(2021, 5, 7), ["Công chức, viên chức, người lao động thuộc Sở"]),
            Directive("51.SCT", "Sở Công Thương tỉnh Quảng Ngãi", 2,
                "Triển khai văn bản hướng dẫn phòng chống Covid-19 tại chợ",
                "1532", "SCT-QLTM", new DateOnly(2021, 8, 9),
                ["- UBND các huyện, thị xã, thành phố.", "- Chợ Đầu mối Nông sản Quảng Ngãi.", "- Các chợ hạng 1 trên địa bàn tỉnh Quảng Ngãi."]),
            Directive("51.SCT", "Sở Công Thương tỉnh Quảng Ngãi", 3,
                "Triển khai Công văn số 1088/STTTT-CNTT ngày 26/8/2021 của Sở Thông tin và Truyền thông",
                "1711", "TB-SCT", new DateOnly(2021, 8, 30), [DashRecipient, "- Văn phòng UBND tỉnh (báo cáo)."]),
            Directive("51.524", "Huyện Bình Sơn", 1, HostileContent,
                "245", "UBND", new DateOnly(2021, 9, 15), ["@Các xã, thị trấn"]),
            Directive("51.524", "Huyện Bình Sơn", 2, "+ Tuyên truyền cài đặt ứng dụng PC-Covid trên loa truyền thanh",
                "250", "UBND-VHTT", new DateOnly(2021, 9, 20), ["Nhân dân trên địa bàn huyện"]),
        ],
        QrRows =
        [
            Qr("51.SCT", "Sở Công Thương tỉnh Quảng Ngãi", 1, "Sở Công Thương tỉnh Quảng Ngãi", 1, 541, null),
            Qr("51.524", "Huyện Bình Sơn", 1, "Xã Bình Châu", 12, 3_456, "Cảng cá Sa Kỳ"),
            Qr("51.524", "Huyện Bình Sơn", 2, "Thị trấn Châu Ổ", 20, 1_234_567, null),
            Qr("51.524", "Huyện Bình Sơn", 3, "Xã Bình Hải", 7, 890, "=1+1"),
        ],
        Narratives =
        [
            Narrative("51.524", "Huyện Bình Sơn", "results", "- Đã tuyên truyền trên hệ thống truyền thanh cơ sở."),
            Narrative("51.SCT", "Sở Công Thương tỉnh Quảng Ngãi", "inspection",
                "- Công chức, viên chức, người lao động tại Sở đã thực hiện nghiêm các quy định về phòng chống dịch."),
            Narrative("51.SCT", "Sở Công Thương tỉnh Quảng Ngãi", "inspection",
                "- Chấp hành nghiêm túc các yêu cầu khai báo y tế điện tử."),
            Narrative("51.SCT", "Sở Công Thương tỉnh Quảng Ngãi", "results",
                "- Cập nhật Bộ giải pháp trên Cổng Thông tin điện tử của Sở."),
            Narrative("51.SCT", "Sở Công Thương tỉnh Quảng Ngãi", "recommendations", "Không có"),
        ],
        Rows = [],
    };

    private static UnitDirective Directive(string unit, string unitName, int ordinal, string content, string number,
        string symbol, DateOnly date, IReadOnlyList<string> recipients) => new()
    {
        Unit = unit,
        UnitName = unitName,
        Ordinal = ordinal,
        Content = content,
        DocumentNumber = number,
        DocumentSymbol = symbol,
        DocumentDate = date,
        CitationText = $"{number}/{symbol} ngày {date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}",
        IssuingUnit = unitName,
        Recipients = recipients,
    };

    private static UnitQrRow Qr(string unit, string unitName, int ordinal, string entity, long codes, long scans, string? note) => new()
    {
        Unit = unit, UnitName = unitName, Ordinal = ordinal, Entity = entity, QrCodes = codes, QrScans = scans, Note = note,
    };

    private static UnitNarrative Narrative(string unit, string unitName, string section, string text) => new()
    {
        Unit = unit, UnitName = unitName, Section = section, Heading = section, Text = text,
    };
}
