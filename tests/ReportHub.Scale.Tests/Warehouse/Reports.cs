using System.Security.Cryptography;
using ReportHub.Core.Domain;
using ReportHub.Core.Issues;
using ReportHub.Warehouse.Submissions;

namespace ReportHub.Scale.Tests.Warehouse;

/// <summary>Hand-built reports and reference data for the store tests.</summary>
internal static class Reports
{
    public const string Round = "2021-10";

    public static readonly DateTimeOffset OnTime = new(2021, 10, 28, 9, 0, 0, TimeSpan.FromHours(7));

    public static readonly Unit[] Units =
    [
        new() { Code = "51", Name = "Tỉnh Quảng Ngãi", Type = UnitTypes.Province },
        new() { Code = "51.SCT", Name = "Sở Công Thương", Type = UnitTypes.Department, Parent = "51", Aliases = ["SCT", "Sở Công thương tỉnh Quảng Ngãi"], ValidFrom = new DateOnly(2008, 4, 1) },
        new() { Code = "51.524", Name = "Huyện Bình Sơn", Type = UnitTypes.District, Parent = "51", Aliases = ["UBND huyện Bình Sơn"] },
        new() { Code = "51.OLD", Name = "Ban cũ", Type = UnitTypes.Other, Parent = "51", ValidTo = new DateOnly(2020, 12, 31), Successor = "51.SCT" },
        new() { Code = "51.a", Name = "Đơn vị chữ thường", Type = UnitTypes.Other, Parent = "51" },
    ];

    public static Round Round2021 => new()
    {
        Code = Round,
        Title = "Báo cáo tình hình triển khai tuyên truyền và ứng dụng công nghệ phòng, chống dịch Covid-19",
        RequestDocument = "1406/STTTT-BCVT&CNTT",
        RequestDate = new DateOnly(2021, 10, 26),
        Deadline = new DateOnly(2021, 10, 29),
        Template = FirstTemplateView.Id,
        ExpectedUnits = ["51.SCT", "51.524"],
    };

    public static QrRow Qr(int ordinal, string entity, long codes, long scans, string? note = null) =>
        new() { Ordinal = ordinal, Entity = entity, QrCodes = codes, QrScans = scans, Note = note, Cell = $"C{13 + ordinal}" };

    public static ParsedReport Report(IReadOnlyList<QrRow>? qrRows = null, int directives = 3) => new ParsedReport
    {
        TemplateId = "covid-tech-2021",
        Sheet = "Phụ lục",
        Header = new ReportHeader
        {
            IssuingBody = ["UBND TỈNH QUẢNG NGÃI", "SỞ CÔNG THƯƠNG"],
            Number = new Citation { Number = "2162", Symbol = "SCT-VP", Date = null },
            PlaceDate = new PlaceDate { Place = "Quảng Ngãi", Date = new DateOnly(2021, 10, 27), Year = 2021 },
            SignerName = "Nguyễn Đức Huy",
        },
        Narratives =
        [
            new() { Key = "inspection", Heading = "3. Công tác kiểm tra, giám sát triển khai", Text = "Đã kiểm tra 12 chợ.", IsEmpty = false },
            new() { Key = "results", Heading = "4. Một số kết quả triển khai, kinh nghiệm", Text = "Không có", IsEmpty = true },
            new() { Key = "recommendations", Heading = "5. Kiến nghị, đề xuất", Text = "Đề nghị hỗ trợ thiết bị quét mã QR.", IsEmpty = false },
        ],
    }.WithRows(
        Enumerable.Range(1, directives).Select(i => new DirectiveRow
        {
            Ordinal = i,
            Content = i == 1 ? "Về việc triển khai, sử dụng các biện pháp, giải pháp công nghệ phục vụ công tác phòng, chống dịch Covid-19" : $"Chỉ đạo số {i}",
            CitationText = i == 2 ? null : $"{780 + i}/SCT-VP ngày 07/05/2021",
            Citation = i == 2 ? null : new Citation { Number = (780 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), Symbol = "SCT-VP", Date = new DateOnly(2021, 5, 7) },
            IssuingUnit = i == 2 ? null : "Sở Công Thương tỉnh Quảng Ngãi",
            Recipients = i == 3 ? ["UBND các huyện, thị xã, thành phố.", "Chợ Đầu mối Nông sản Quảng Ngãi."] : [],
            Cell = $"B{8 + i}",
        }).ToList(),
        qrRows ?? [Qr(1, "Sở Công Thương tỉnh Quảng Ngãi", 1, 541), Qr(2, "Chợ Đầu mối", 4, 1200, "đã cập nhật")]);

    public static NewSubmission Accepted(byte[] content, string unit, DateTimeOffset receivedAt, ParsedReport? report = null) => new()
    {
        FileSha256 = Sha(content),
        FileName = "bao-cao.xlsx",
        Content = content,
        Source = "test",
        ReceivedAt = receivedAt,
        Outcome = Outcomes.Accepted,
        UnitCode = unit,
        RoundCode = Round,
        ParserVersion = "test-1",
        Report = report ?? Report(),
        Issues = [Issue.Warning("citation.unreadable", "Không đọc được số, ngày văn bản ở ô D10.", "Phụ lục", "D10")],
    };

    public static byte[] Bytes(int seed, int length = 4096)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static string Sha(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
