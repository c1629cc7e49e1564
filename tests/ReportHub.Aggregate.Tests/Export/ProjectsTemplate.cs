using ReportHub.Aggregate.Rollups;
using ReportHub.Core.Domain;
using ReportHub.Core.Templates;
using ReportHub.Core.Measures;

namespace ReportHub.Aggregate.Tests.Export;

/// <summary>
/// A template that exists only in the tests, unlike both shipped ones: two tables whose headings share their first
/// 31 characters and hold characters Excel refuses in a sheet name, amounts, a choice, a percentage, a date, and a
/// spending rate. Unit A spent 150.5 of 200 (75.25%), unit B 10 of 1,000 (1%): the province spent 160.5 of 1,200,
/// 13.38%, where the mean of the two rates would be 38.13%.
/// </summary>
internal static class ProjectsTemplate
{
    public const string BudgetHeading = "Danh mục dự án [2025]: chi tiết/kế hoạch vốn đầu tư công trung hạn";
    public const string StaffHeading = "Danh mục dự án [2025]: chi tiết/kế hoạch nhân sự";
    public const string Subject = "V/v báo cáo tiến độ giải ngân vốn đầu tư công";

    public static readonly TemplateDefinition Template = new()
    {
        Id = "public-investment-test",
        Title = "Biểu mẫu báo cáo tiến độ giải ngân vốn đầu tư công",
        Subject = Subject,
        Sections =
        [
            new SectionDefinition
            {
                Key = "budget", Number = "I", Heading = BudgetHeading,
                Table = new TableDefinition
                {
                    Columns =
                    [
                        new ColumnDefinition { Key = "ordinal", Header = "TT", Type = ColumnType.Ordinal, Width = 5 },
                        new ColumnDefinition { Key = "project", Header = "Tên dự án", Width = 34 },
                        new ColumnDefinition { Key = "category", Header = "Loại dự án", Type = ColumnType.Choice, Values = ["Xây dựng", "Mua sắm"], Width = 14 },
                        new ColumnDefinition { Key = "spent", Header = "Đã giải ngân (triệu đồng)", Type = ColumnType.Amount, Width = 16 },
                        new ColumnDefinition { Key = "planned", Header = "Kế hoạch vốn (triệu đồng)", Type = ColumnType.Amount, Width = 16 },
                        new ColumnDefinition { Key = "progress", Header = "Tiến độ (%)", Type = ColumnType.Percent, Min = 0, Max = 100, Width = 11 },
                        new ColumnDefinition { Key = "started", Header = "Ngày khởi công", Type = ColumnType.Date, Width = 13 },
                    ],
                },
            },
            new SectionDefinition
            {
                Key = "staff", Number = "II", Heading = StaffHeading,
                Table = new TableDefinition
                {
                    Columns =
                    [
                        new ColumnDefinition { Key = "ordinal", Header = "TT", Type = ColumnType.Ordinal, Width = 5 },
                        new ColumnDefinition { Key = "team", Header = "Ban quản lý", Width = 30 },
                        new ColumnDefinition { Key = "people", Header = "Số người", Type = ColumnType.Count, Width = 10 },
                    ],
                },
            },
            new SectionDefinition { Key = "notes", Number = "III", Heading = "Đánh giá chung" },
        ],
        Measures =
        [
            new MeasureDefinition { Key = "projects", Label = "Số dự án", From = "budget.rows" },
            new MeasureDefinition { Key = "spent", Label = "Vốn đã giải ngân", From = "budget.spent" },
            new MeasureDefinition { Key = "planned", Label = "Kế hoạch vốn", From = "budget.planned" },
            new MeasureDefinition { Key = "people", Label = "Số người", From = "staff.people" },
        ],
        Indicators =
        [
            new IndicatorDefinition { Key = "spendRate", Label = "Tỷ lệ giải ngân (%)", Numerator = "spent", Denominator = "planned", Factor = 100 },
        ],
        Layout = new LayoutDefinition
        {
            Orientation = "portrait",
            BlankRows = 3,
            Instructions = ["Số tiền ghi theo đơn vị triệu đồng."],
        },
    };

    public static readonly Round Round = new()
    {
        Code = "2025-DT",
        Title = "Báo cáo giải ngân vốn đầu tư công 9 tháng năm 2025",
        RequestDocument = "77/SKHCN-KHTC",
        RequestDate = new DateOnly(2025, 3, 1),
        Deadline = new DateOnly(2025, 10, 5),
        Template = "public-investment-test",
        ExpectedUnits = ["51.A", "51.B"],
    };

    public static ConsolidatedData Build()
    {
        UnitStatus[] units =
        [
            Unit("51.A", "Ban Quản lý dự án A", 1, new() { ["projects"] = 2, ["spent"] = 150.5m, ["planned"] = 200, ["people"] = 7 }),
            Unit("51.B", "Ban Quản lý dự án B", 2, new() { ["projects"] = 1, ["spent"] = 10, ["planned"] = 1000, ["people"] = 3 }),
        ];
        return new ConsolidatedData
        {
            Round = Round,
            Template = Template,
            Totals = RollupService.Totals(Round, units, Template),
            Units = units,
            Narratives = [],
            Rows =
            [
                Budget("51.A", "Ban Quản lý dự án A", 1, "Đường ven biển", "xay dung", "Xây dựng", 100.5m, 120, 80, new DateOnly(2025, 2, 14)),
                Budget("51.A", "Ban Quản lý dự án A", 2, "Trang thiết bị", "Mua sắm", "Mua sắm", 50, 80, 62.5m, null),
                Budget("51.B", "Ban Quản lý dự án B", 1, "=SUM(A1:A9)", "Xây dựng", "Xây dựng", 10, 1000, 1, new DateOnly(2025, 6, 1)),
                new UnitTableRow
                {
                    Unit = "51.A", UnitName = "Ban Quản lý dự án A", Section = "staff", Seq = 1,
                    Values = new Dictionary<string, FieldValue> { ["team"] = new() { Text = "Ban A" }, ["people"] = new() { Text = "7", Number = 7 } },
                },
            ],
            ProvinceHeading = "UBND TỈNH QUẢNG NGÃI",
            AuthorityHeading = "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
            GeneratedAt = new DateTimeOffset(2025, 10, 6, 1, 0, 0, TimeSpan.Zero),
        };
    }

    private static UnitStatus Unit(string code, string name, long submission, Dictionary<string, decimal> measures) => new()
    {
        Unit = code, Name = name, Type = UnitTypes.Other, Status = UnitStatuses.OnTime, SubmissionId = submission,
        ReceivedAt = new DateTimeOffset(2025, 10, 1, 8, 0, 0, TimeSpan.FromHours(7)),
        Figures = FigureView.Of(Template, measures).Figures,
    };

    private static UnitTableRow Budget(string unit, string unitName, int seq, string project, string written, string category,
        decimal spent, decimal planned, decimal progress, DateOnly? started)
    {
        var values = new Dictionary<string, FieldValue>
        {
            ["ordinal"] = new() { Text = seq.ToString(System.Globalization.CultureInfo.InvariantCulture), Number = seq },
            ["project"] = new() { Text = project },
            ["category"] = new() { Text = written, Code = category },
            ["spent"] = new() { Text = "x", Number = spent },
            ["planned"] = new() { Text = "x", Number = planned },
            ["progress"] = new() { Text = "x", Number = progress },
        };
        if (started is { } date)
        {
            values["started"] = new FieldValue { Text = date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), Date = date };
        }
        return new UnitTableRow { Unit = unit, UnitName = unitName, Section = "budget", Seq = seq, Values = values };
    }
}
