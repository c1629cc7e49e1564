using ReportHub.Aggregate.Rollups;
using ReportHub.Core.Domain;
using ReportHub.Core.Templates;
using ReportHub.Core.Measures;

namespace ReportHub.Aggregate.Tests.Export;

/// <summary>
/// Round 2025-Q3 of the online public services template: a commune that took 2 files, both online (100%), a city
/// that took 1,000 files, 100 online (10%), and a department that has not reported. The province's online rate is
/// 102/1,002 ≈ 10.18%, where the mean of the two units' rates would claim 55%.
/// </summary>
internal static class ServicesRound
{
    public const string TemplateId = "dvc-online-2025";
    public const string HostileEntity = "=HYPERLINK(\"http://evil.example/x\",\"Bấm vào đây\")";

    public static readonly Round Round = new()
    {
        Code = "2025-Q3",
        Title = "Báo cáo tình hình cung cấp dịch vụ công trực tuyến quý III/2025",
        RequestDocument = "812/SKHCN-CĐS",
        RequestDate = new DateOnly(2025, 9, 15),
        Deadline = new DateOnly(2025, 10, 10),
        Template = TemplateId,
        ExpectedUnits = ["51.001", "51.522", "51.STP"],
    };

    public static readonly TemplateDefinition Template = TemplateCatalog.Get(TemplateId);

    public static ConsolidatedData Build()
    {
        UnitStatus[] units =
        [
            Reported("51.001", "Xã Tịnh Ấn Tây", UnitTypes.Commune, 21, new()
            {
                ["directives"] = 1, ["procedures"] = 40, ["fullOnline"] = 20, ["received"] = 2, ["receivedOnline"] = 2,
                ["resolved"] = 0, ["resolvedOnTime"] = 0,
            }),
            Reported("51.522", "Thành phố Quảng Ngãi", UnitTypes.District, 22, new()
            {
                ["directives"] = 2, ["procedures"] = 300, ["fullOnline"] = 150, ["received"] = 1000, ["receivedOnline"] = 100,
                ["resolved"] = 900, ["resolvedOnTime"] = 810,
            }),
            new UnitStatus
            {
                Unit = "51.STP", Name = "Sở Tư pháp tỉnh Quảng Ngãi", Type = UnitTypes.Department, Status = UnitStatuses.Missing,
            },
        ];
        return new ConsolidatedData
        {
            Round = Round,
            Template = Template,
            // The same computation the API's totals use: measures summed, indicators taken from the sums.
            Totals = RollupService.Totals(Round, units, Template),
            Units = units,
            Narratives =
            [
                new UnitNarrative
                {
                    Unit = "51.522", UnitName = "Thành phố Quảng Ngãi", Section = "recommendations", Heading = "Kiến nghị, đề xuất",
                    Text = "Đề nghị nâng cấp đường truyền.",
                },
                new UnitNarrative
                {
                    Unit = "51.001", UnitName = "Xã Tịnh Ấn Tây", Section = "inspection", Heading = "Công tác kiểm tra",
                    Text = "Đã rà soát 40 thủ tục.",
                },
            ],
            Rows =
            [
                Row("51.001", "Xã Tịnh Ấn Tây", "directives", 1, new()
                {
                    ["ordinal"] = new FieldValue { Text = "1", Number = 1 },
                    ["content"] = new FieldValue { Text = "Triển khai Kế hoạch chuyển đổi số năm 2025" },
                    ["citation"] = new FieldValue { Text = "45/KH-UBND ngày 02/07/2025", Code = "45/KH-UBND", Date = new DateOnly(2025, 7, 2) },
                    ["recipients"] = new FieldValue { Text = "Công chức\n- Các thôn", Items = ["Công chức", "- Các thôn"] },
                }),
                Row("51.001", "Xã Tịnh Ấn Tây", "services", 1, Services("Bộ phận một cửa xã", 40, 20, 2, 2, 0, 0, null)),
                Row("51.522", "Thành phố Quảng Ngãi", "services", 1, Services("Bộ phận một cửa thành phố", 250, 120, 700, 60, 650, 600, "Quý III")),
                Row("51.522", "Thành phố Quảng Ngãi", "services", 2, Services(HostileEntity, 50, 30, 300, 40, 250, 210, "+ ghi chú")),
            ],
            ProvinceHeading = "UBND TỈNH QUẢNG NGÃI",
            AuthorityHeading = "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
            GeneratedAt = new DateTimeOffset(2025, 10, 12, 2, 0, 0, TimeSpan.Zero),
        };
    }

    private static UnitStatus Reported(string code, string name, string type, long submission, Dictionary<string, decimal> measures)
    {
        var view = FigureView.Of(Template, measures);
        return new UnitStatus
        {
            Unit = code, Name = name, Type = type, Status = UnitStatuses.OnTime, SubmissionId = submission,
            ReceivedAt = new DateTimeOffset(2025, 10, 1, 8, 0, 0, TimeSpan.FromHours(7)), Figures = view.Figures,
        };
    }

    private static Dictionary<string, FieldValue> Services(string entity, int procedures, int fullOnline, int received, int receivedOnline,
        int resolved, int resolvedOnTime, string? note)
    {
        var values = new Dictionary<string, FieldValue>
        {
            ["entity"] = new() { Text = entity },
            ["procedures"] = Count(procedures),
            ["fullOnline"] = Count(fullOnline),
            ["received"] = Count(received),
            ["receivedOnline"] = Count(receivedOnline),
            ["resolved"] = Count(resolved),
            ["resolvedOnTime"] = Count(resolvedOnTime),
        };
        if (note is not null)
        {
            values["note"] = new FieldValue { Text = note };
        }
        return values;
    }

    private static FieldValue Count(int value) => new() { Text = value.ToString(System.Globalization.CultureInfo.InvariantCulture), Number = value };

    private static UnitTableRow Row(string unit, string unitName, string section, int seq, Dictionary<string, FieldValue> values) => new()
    {
        Unit = unit, UnitName = unitName, Section = section, Seq = seq, Values = values,
    };
}
