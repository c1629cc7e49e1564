using System.Globalization;
using ReportHub.Core.Domain;
using ReportHub.Core.Issues;
using ReportHub.Core.Parsing;
using ReportHub.Core.Text;

namespace ReportHub.Pipeline.Resolution;

public sealed record Resolution(Unit? Unit, Round? Round, IReadOnlyList<Issue> Issues)
{
    /// <summary>True when the file itself names the unit (labelled code, issuing body or number symbol), not only a hint.</summary>
    public bool UnitNamedByFile { get; init; }
}

/// <summary>Decides whose report a file is and which round it answers, from the header first and the hints last.</summary>
public sealed class Resolver(IReadOnlyList<Unit> units, IReadOnlyList<Round> rounds)
{
    private readonly UnitMatcher _matcher = new(units);

    public Resolution Resolve(ReportHeader header, string? unitHint, string? roundHint, string sheet)
    {
        var issues = new List<Issue>();
        var round = ResolveRound(header, roundHint, sheet, issues);
        var (unit, named) = ResolveUnit(header, unitHint, round, sheet, issues);
        if (unit is not null && round is not null)
        {
            if (round.Closed)
            {
                issues.Add(Issue.Error(IssueCodes.RoundClosed,
                    $"Đợt báo cáo {round.Code} đã đóng nên không nhận thêm báo cáo. Nếu vẫn cần gửi, hãy liên hệ cơ quan ban hành {Request(round)} để đề nghị mở lại đợt, rồi gửi lại tệp này.", sheet));
            }
            var on = round.RequestDate ?? round.Deadline;
            if (round.ExpectedUnits.Count > 0 && !round.ExpectedUnits.Contains(unit.Code, StringComparer.OrdinalIgnoreCase))
            {
                // Filed anyway, an abolished district's figures would be counted beside those of its successor.
                issues.Add(Issue.Error(IssueCodes.UnitNotExpected, NotExpectedMessage(unit, round, on), sheet, UnitCell(header)));
            }
            else if (!unit.IsActiveOn(on))
            {
                var successor = unit.Successor is null ? "" : $" Đơn vị kế thừa là {unit.Successor}.";
                issues.Add(Issue.Warning(IssueCodes.UnitInactive,
                    $"Đơn vị {unit.Code} ({unit.Name}) không còn hoạt động vào ngày {on.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}.{successor}", sheet));
            }
        }
        return new Resolution(unit, round, issues) { UnitNamedByFile = named };
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

    private (Unit? Unit, bool NamedByFile) ResolveUnit(ReportHeader header, string? hint, Round? round, string sheet, List<Issue> issues)
    {
        var on = round?.RequestDate ?? round?.Deadline;
        var found = FromHeader(header, on);
        var fromFile = found.Unit;
        var cell = UnitCell(header);
        Unit? fromHint = null;
        if (hint is not null)
        {
            fromHint = units.FirstOrDefault(u => string.Equals(u.Code, hint, StringComparison.OrdinalIgnoreCase));
            if (fromHint is null)
            {
                issues.Add(Issue.Error(IssueCodes.UnitUnresolved,
                    $"Không có đơn vị mã “{hint}” trong danh mục. Hãy kiểm tra mã đơn vị (ví dụ 51.SCT, 51.524).", sheet));
                return (null, false);
            }
        }
        if (found.UnknownLine is { } line)
        {
            issues.Add(Issue.Error(IssueCodes.UnitUnknown, UnknownMessage(line, found.Governing, fromHint), sheet, cell));
            return (null, false);
        }
        if (fromFile is not null && fromHint is not null && fromFile.Code != fromHint.Code)
        {
            issues.Add(Issue.Error(IssueCodes.UnitMismatch,
                $"Tệp là báo cáo của {fromFile.Name} ({fromFile.Code}, theo {found.Evidence}) nhưng được gửi với tư cách {fromHint.Name} ({fromHint.Code}). Mỗi đơn vị chỉ gửi báo cáo của mình.", sheet, cell));
            return (null, false);
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
        return (unit, fromFile is not null);
    }

    /// <summary>The header cell that names the unit: ReportHub's unit code cell, else the issuer's line, else the number.</summary>
    private static string? UnitCell(ReportHeader header) =>
        header.Cells.GetValueOrDefault("unitCode") ?? header.Cells.GetValueOrDefault("issuingBody") ?? header.Cells.GetValueOrDefault("number");

    private string NotExpectedMessage(Unit unit, Round round, DateOnly on)
    {
        var message = $"{unit.Name} ({unit.Code}) không thuộc danh sách đơn vị phải báo cáo của đợt {round.Code}";
        if (Successor(unit, on) is { } successor)
        {
            var since = unit.ValidTo is { } last ? $" từ ngày {last.AddDays(1).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}" : "";
            message += $" (đơn vị đã sáp nhập vào {successor.Name}{since}). Nếu báo cáo thay cho đơn vị mới, hãy ghi mã đơn vị {successor.Code} "
                + $"({successor.Name}) ở ô mã đơn vị hoặc ghi tên cơ quan ban hành là {successor.Name} ở đầu báo cáo, rồi gửi lại.";
        }
        else
        {
            message += ".";
        }
        return message + $" Nếu {unit.Name} vẫn phải báo cáo trong đợt này, hãy đề nghị chuyên viên Sở bổ sung đơn vị vào đợt {round.Code}, rồi gửi lại tệp này.";
    }

    /// <summary>The unit that took over an abolished one, following the chain to the one that exists on the day.</summary>
    private Unit? Successor(Unit unit, DateOnly on)
    {
        Unit? found = null;
        var code = unit.Successor;
        // The hop guard stops a registry with a successor cycle from hanging resolution.
        for (var hops = 0; code is not null && hops < 8; hops++)
        {
            found = units.FirstOrDefault(u => string.Equals(u.Code, code, StringComparison.OrdinalIgnoreCase));
            if (found is null || found.IsActiveOn(on))
            {
                break;
            }
            code = found.Successor;
        }
        return found;
    }

    /// <summary>
    /// An issuing-body line the registry does not know is never overruled, not even by the unit chosen when sending:
    /// a hint that silently won would file a stranger's figures under the sender's name.
    /// </summary>
    private static string UnknownMessage(string line, string? governing, Unit? hint)
    {
        var under = governing is null ? "" : $" (thuộc “{governing}”)";
        var found = $"Tên cơ quan ban hành ở góc trái phía trên của tệp là “{line}”{under}, nhưng danh mục đơn vị không có cơ quan này.";
        if (hint is not null)
        {
            return $"{found} Tệp được gửi với tư cách {hint.Name} ({hint.Code}), nhưng đơn vị chọn khi gửi không thay được tên cơ quan ghi trong tệp. " +
                $"Hãy sửa dòng đó thành đúng tên “{ShortName(hint).ToUpperInvariant()}” rồi gửi lại.";
        }
        return $"{found} Hãy sửa dòng đó thành đúng tên cơ quan của mình như trong danh mục (ví dụ “SỞ CÔNG THƯƠNG”, “UBND HUYỆN BÌNH SƠN”) rồi gửi lại. " +
            "Có thể chọn đơn vị khi gửi (--unit), nhưng tên cơ quan ghi trong tệp vẫn phải khớp với đơn vị đã chọn.";
    }

    /// <summary>The name a unit writes in its own header: the first alias of several words ("Sở Công Thương"), else its name.</summary>
    private static string ShortName(Unit unit) =>
        unit.Aliases.FirstOrDefault(a => a.Trim().Contains(' ', StringComparison.Ordinal)) ?? unit.Name;

    private sealed record HeaderUnit(Unit? Unit, string? Evidence, string? UnknownLine = null, string? Governing = null);

    private HeaderUnit FromHeader(ReportHeader header, DateOnly? on)
    {
        // ReportHub's own template carries the unit code in a labelled cell; nothing the sender typed overrules it.
        if (header.Labels.TryGetValue("unitCode", out var code))
        {
            return new(units.FirstOrDefault(u => string.Equals(u.Code, code.Trim(), StringComparison.OrdinalIgnoreCase)), $"mã đơn vị “{code}”");
        }

        var (governing, issuing) = header.IssuingBodyLine is not null
            ? (header.GoverningBody, header.IssuingBodyLine)
            : HeaderLines.SplitBlock(header.IssuingBody);
        var place = header.PlaceDate?.Place;
        if (issuing is not null)
        {
            // The governing body only says which province ("SỞ CÔNG THƯƠNG" of Quảng Ngãi or of Quảng Trị); it is never
            // the answer, or a body missing from the registry would be filed under its province.
            var province = _matcher.MatchProvince(issuing) ?? _matcher.MatchProvince(governing) ?? _matcher.MatchProvince(place);
            var unit = _matcher.MatchName(issuing, province?.Code, on);
            if (unit is null && governing is not null)
            {
                // "UBND TỈNH QUẢNG NGÃI" / "VĂN PHÒNG": the office's name ends with the name of the body above it.
                var governingUnit = _matcher.MatchName(governing, province?.Code, on);
                if (_matcher.MatchName(issuing + " " + governing, province?.Code, on) is { } joined
                    && joined.Type != UnitTypes.Province && joined.Code != governingUnit?.Code)
                {
                    unit = joined;
                }
            }
            return unit is null
                ? new(null, null, issuing, governing)
                : new(unit, $"dòng “{issuing}”");
        }

        // No issuing-body line at all (the block was lost when the letter was pasted): the symbol after "Số:" names it.
        var byPlace = _matcher.MatchProvince(place);
        if (header.Number is { } number && _matcher.MatchSymbol(number.Symbol, byPlace?.Code, on) is { } bySymbol)
        {
            return new(bySymbol, $"ký hiệu “{number.Reference}”");
        }
        return new(null, null);
    }

    private static string Request(Round round) => round.RequestDocument is null ? "văn bản yêu cầu báo cáo" : $"công văn {round.RequestDocument}";

    private string Known() => rounds.Count == 0 ? "chưa có" : string.Join(", ", rounds.Select(r => r.Code));
}
