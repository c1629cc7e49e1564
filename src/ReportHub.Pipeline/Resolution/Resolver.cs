using System.Globalization;
using ReportHub.Core.Domain;
using ReportHub.Core.Issues;
using ReportHub.Core.Text;

namespace ReportHub.Pipeline.Resolution;

public sealed record Resolution(Unit? Unit, Round? Round, IReadOnlyList<Issue> Issues);

/// <summary>Decides whose report a file is and which round it answers, from the header first and the hints last.</summary>
public sealed class Resolver(IReadOnlyList<Unit> units, IReadOnlyList<Round> rounds)
{
    private readonly UnitMatcher _matcher = new(units);

    public Resolution Resolve(ReportHeader header, string? unitHint, string? roundHint, string sheet)
    {
        var issues = new List<Issue>();
        var round = ResolveRound(header, roundHint, sheet, issues);
        var unit = ResolveUnit(header, unitHint, round, sheet, issues);
        if (unit is not null && round is not null)
        {
            if (round.Closed)
            {
                issues.Add(Issue.Error(IssueCodes.RoundClosed,
                    $"Đợt báo cáo {round.Code} đã đóng nên không nhận thêm báo cáo. Hãy liên hệ Sở Thông tin và Truyền thông nếu cần mở lại.", sheet));
            }
            var on = round.RequestDate ?? round.Deadline;
            if (!unit.IsActiveOn(on))
            {
                var successor = unit.Successor is null ? "" : $" Đơn vị kế thừa là {unit.Successor}.";
                issues.Add(Issue.Warning(IssueCodes.UnitInactive,
                    $"Đơn vị {unit.Code} ({unit.Name}) không còn hoạt động vào ngày {on.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}.{successor}", sheet));
            }
        }
        return new Resolution(unit, round, issues);
    }

    private Round? ResolveRound(ReportHeader header, string? hint, string sheet, List<Issue> issues)
    {
        Round? fromFile = null;
        string? evidence = null;
        var cell = header.Cells.GetValueOrDefault("roundCode") ?? header.Cells.GetValueOrDefault("request");
        if (header.Labels.TryGetValue("roundCode", out var labelled))
        {
            evidence = $"mã đợt “{labelled}”";
            fromFile = rounds.FirstOrDefault(r => string.Equals(r.Code, labelled.Trim(), StringComparison.OrdinalIgnoreCase));
        }
        else if (header.RequestCited is { } cited)
        {
            evidence = $"công văn số {cited.Reference}";
            fromFile = rounds.FirstOrDefault(r => r.RequestDocument is not null && Citations.SameDocument(r.RequestDocument, cited.Reference));
        }
        Round? fromHint = null;
        if (hint is not null)
        {
            fromHint = rounds.FirstOrDefault(r => string.Equals(r.Code, hint, StringComparison.OrdinalIgnoreCase));
            if (fromHint is null)
            {
                issues.Add(Issue.Error(IssueCodes.RoundUnresolved,
                    $"Không có đợt báo cáo mã “{hint}”. Hãy kiểm tra mã đợt (các đợt hiện có: {Known()}).", sheet));
                return null;
            }
        }
        if (fromFile is not null && fromHint is not null && fromFile.Code != fromHint.Code)
        {
            issues.Add(Issue.Error(IssueCodes.RoundMismatch,
                $"Tệp trả lời {evidence} thuộc đợt {fromFile.Code}, nhưng được gửi cho đợt {fromHint.Code}. Hãy gửi vào đúng đợt {fromFile.Code} hoặc sửa phần trích dẫn công văn.", sheet, cell));
            return null;
        }
        var round = fromFile ?? fromHint;
        if (round is null)
        {
            var found = evidence is null
                ? "Tệp không ghi mã đợt và không trích dẫn công văn yêu cầu báo cáo"
                : $"Tệp trích dẫn {evidence} nhưng không có đợt báo cáo nào ứng với văn bản này";
            issues.Add(Issue.Error(IssueCodes.RoundUnresolved,
                $"{found}. Hãy ghi dòng “Theo Công văn số … ngày …” của Sở Thông tin và Truyền thông ở đầu báo cáo, hoặc chọn đợt khi gửi (--round). Các đợt hiện có: {Known()}.", sheet,
                fromHint is null && evidence is not null ? cell : null));
        }
        return round;
    }

    private Unit? ResolveUnit(ReportHeader header, string? hint, Round? round, string sheet, List<Issue> issues)
    {
        var on = round?.RequestDate ?? round?.Deadline;
        var (fromFile, evidence) = FromHeader(header, on);
        var cell = header.Cells.GetValueOrDefault("unitCode") ?? header.Cells.GetValueOrDefault("issuingBody") ?? header.Cells.GetValueOrDefault("number");
        Unit? fromHint = null;
        if (hint is not null)
        {
            fromHint = units.FirstOrDefault(u => string.Equals(u.Code, hint, StringComparison.OrdinalIgnoreCase));
            if (fromHint is null)
            {
                issues.Add(Issue.Error(IssueCodes.UnitUnresolved,
                    $"Không có đơn vị mã “{hint}” trong danh mục. Hãy kiểm tra mã đơn vị (ví dụ 51.SCT, 51.524).", sheet));
                return null;
            }
        }
        if (fromFile is not null && fromHint is not null && fromFile.Code != fromHint.Code)
        {
            issues.Add(Issue.Error(IssueCodes.UnitMismatch,
                $"Tệp là báo cáo của {fromFile.Name} ({fromFile.Code}, theo {evidence}) nhưng được gửi với tư cách {fromHint.Name} ({fromHint.Code}). Mỗi đơn vị chỉ gửi báo cáo của mình.", sheet, cell));
            return null;
        }
        var unit = fromFile ?? fromHint;
        if (unit is null)
        {
            var lines = header.IssuingBody.Count > 0 ? $"các dòng “{string.Join(" / ", header.IssuingBody)}”" : "không có dòng tên cơ quan";
            var number = header.Number is { } n ? $", số hiệu “{n.Reference}”" : "";
            issues.Add(Issue.Error(IssueCodes.UnitUnresolved,
                $"Không xác định được đơn vị báo cáo: phần đầu tệp có {lines}{number}, không khớp đơn vị nào trong danh mục. " +
                "Hãy ghi tên cơ quan ban hành ở góc trái phía trên (ví dụ “SỞ CÔNG THƯƠNG”) hoặc chọn đơn vị khi gửi (--unit).", sheet, cell));
        }
        return unit;
    }

    private (Unit? Unit, string? Evidence) FromHeader(ReportHeader header, DateOnly? on)
    {
        if (header.Labels.TryGetValue("unitCode", out var code))
        {
            return (units.FirstOrDefault(u => string.Equals(u.Code, code.Trim(), StringComparison.OrdinalIgnoreCase)), $"mã đơn vị “{code}”");
        }
        var context = string.Join(' ', header.IssuingBody.Append(header.PlaceDate?.Place ?? ""));
        var province = _matcher.MatchProvince(context);
        Unit? provinceMatch = null;
        // The most specific line is the last: "UBND TỈNH QUẢNG NGÃI" then "SỞ CÔNG THƯƠNG".
        var lines = header.IssuingBody;
        var candidates = new List<string>();
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            candidates.Add(lines[i]);
            if (i > 0)
            {
                candidates.Add(lines[i - 1] + " " + lines[i]);
            }
        }
        foreach (var line in candidates)
        {
            if (_matcher.MatchName(line, province?.Code, on) is { } unit)
            {
                if (unit.Type != Core.Domain.UnitTypes.Province)
                {
                    return (unit, $"dòng “{line}”");
                }
                provinceMatch ??= unit;
            }
        }
        if (header.Number is { } number && _matcher.MatchSymbol(number.Symbol, province?.Code, on) is { } bySymbol)
        {
            return (bySymbol, $"ký hiệu “{number.Reference}”");
        }
        return (provinceMatch, provinceMatch is null ? null : "tên cơ quan");
    }

    private string Known() => rounds.Count == 0 ? "chưa có" : string.Join(", ", rounds.Select(r => r.Code));
}
