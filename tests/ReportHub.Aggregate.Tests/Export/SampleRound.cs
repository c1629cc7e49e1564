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
        Template = FirstTemplateView.Id,
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

    public static readonly TemplateDefinition Template = FirstTemplateView.Definition;

    /// <summary>Huyện Bình Sơn's second directive: content written with a leading plus, kept as text.</summary>
    public const string PlusContent = "+ Tuyên truyền cài đặt ứng dụng PC-Covid trên loa truyền thanh";

    public static readonly IReadOnlyList<DirectiveRow> SctDirectives =
    [
        Directive(1, "Về việc triển khai, sử dụng các biện pháp, giải pháp công nghệ phục vụ công tác phòng, chống dịch Covid-19 trong tình hình mới",
            "780", "SCT-VP", new DateOnly(2021, 5, 7), Sct.Name, ["Công chức, viên chức, người lao động thuộc Sở"]),
        Directive(2, "Triển khai văn bản hướng dẫn phòng chống Covid-19 tại chợ",
            "1532", "SCT-QLTM", new DateOnly(2021, 8, 9), Sct.Name,
            ["- UBND các huyện, thị xã, thành phố.", "- Chợ Đầu mối Nông sản Quảng Ngãi.", "- Các chợ hạng 1 trên địa bàn tỉnh Quảng Ngãi."]),
        Directive(3, "Triển khai Công văn số 1088/STTTT-CNTT ngày 26/8/2021 của Sở Thông tin và Truyền thông",
            "1711", "TB-SCT", new DateOnly(2021, 8, 30), Sct.Name, [DashRecipient, "- Văn phòng UBND tỉnh (báo cáo)."]),
    ];

    public static readonly IReadOnlyList<QrRow> SctQr = [Qr(1, "Sở Công Thương tỉnh Quảng Ngãi", 1, 541, null)];

    public static readonly IReadOnlyList<DirectiveRow> BinhSonDirectives =
    [
        Directive(1, HostileContent, "245", "UBND", new DateOnly(2021, 9, 15), BinhSon.Name, ["@Các xã, thị trấn"]),
        Directive(2, PlusContent, "250", "UBND-VHTT", new DateOnly(2021, 9, 20), BinhSon.Name, ["Nhân dân trên địa bàn huyện"]),
    ];

    public static readonly IReadOnlyList<QrRow> BinhSonQr =
    [
        Qr(1, "Xã Bình Châu", 12, 3_456, "Cảng cá Sa Kỳ"),
        Qr(2, "Thị trấn Châu Ổ", 20, 1_234_567, null),
        Qr(3, "Xã Bình Hải", 7, 890, "=1+1"),
    ];

    /// <summary>
    /// The units as the rollups show them, with the figures of their own rows (3, 1, 541 and 2, 39, 1,238,913), and
    /// the totals the API computes from them.
    /// </summary>
    public static ConsolidatedData Build()
    {
        UnitStatus[] units =
        [
            UnitRows.Reported(Template, Sct.Code, Sct.Name, UnitTypes.Department, UnitStatuses.OnTime, 11,
                new DateTimeOffset(2021, 10, 27, 2, 15, 0, TimeSpan.Zero), FirstTemplateView.Figures(SctDirectives, SctQr)),
            UnitRows.Reported(Template, BinhSon.Code, BinhSon.Name, UnitTypes.District, UnitStatuses.Late, 12,
                new DateTimeOffset(2021, 10, 30, 8, 40, 0, TimeSpan.FromHours(7)), FirstTemplateView.Figures(BinhSonDirectives, BinhSonQr)),
            UnitRows.Missing("51.SKHCN", "Sở Khoa học và Công nghệ tỉnh Quảng Ngãi", UnitTypes.Department),
        ];
        return new ConsolidatedData
        {
            Round = Round,
            Template = Template,
            ProvinceHeading = "UBND TỈNH QUẢNG NGÃI",
            AuthorityHeading = "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
            GeneratedAt = new DateTimeOffset(2021, 10, 31, 1, 5, 0, TimeSpan.Zero),
            // The same computation the API's totals use.
            Totals = RollupService.Totals(Round, units, Template),
            Units = units,
            Rows =
            [
                .. UnitRows.FirstTemplate(Sct.Code, Sct.Name, SctDirectives, SctQr),
                .. UnitRows.FirstTemplate(BinhSon.Code, BinhSon.Name, BinhSonDirectives, BinhSonQr),
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
        };
    }

    private static DirectiveRow Directive(int ordinal, string content, string number, string symbol, DateOnly date,
        string issuingUnit, IReadOnlyList<string> recipients)
    {
        var text = $"{number}/{symbol} ngày {date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}";
        return new DirectiveRow
        {
            Ordinal = ordinal,
            Content = content,
            CitationText = text,
            Citation = new Citation { Number = number, Symbol = symbol, Date = date },
            IssuingUnit = issuingUnit,
            Recipients = recipients,
            Cell = $"B{13 + ordinal}",
        };
    }

    private static QrRow Qr(int ordinal, string entity, long codes, long scans, string? note) => new()
    {
        Ordinal = ordinal, Entity = entity, QrCodes = codes, QrScans = scans, Note = note, Cell = $"B{30 + ordinal}",
    };

    private static UnitNarrative Narrative(string unit, string unitName, string section, string text) => new()
    {
        Unit = unit, UnitName = unitName, Section = section, Heading = section, Text = text,
    };
}
