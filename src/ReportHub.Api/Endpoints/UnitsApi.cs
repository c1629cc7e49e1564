using ReportHub.Core.Measures;
using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using ReportHub.Aggregate.Export;
using ReportHub.Api.Access;
using ReportHub.Pipeline.Reminders;
using ReportHub.Core.Templates;
using ReportHub.Warehouse.Reference;
using ReportHub.Warehouse.Templates;
using ReportHub.Warehouse.Submissions;

namespace ReportHub.Api.Endpoints;

public static class UnitsApi
{
    public sealed record UnitSummary
    {
        public required string Code { get; init; }
        public required string Name { get; init; }
        public required string Type { get; init; }
        public string? Parent { get; init; }
        public DateOnly? ValidFrom { get; init; }
        public DateOnly? ValidTo { get; init; }
        public string? Successor { get; init; }

        /// <summary>The unit's contact address for reminders; null when none is known.</summary>
        public string? Email { get; init; }
    }

    public sealed record ContactBody
    {
        public string? Email { get; init; }
    }

    public sealed record ContactAnswer
    {
        public required string Code { get; init; }
        public required string Name { get; init; }
        public string? Email { get; init; }
        public required bool Changed { get; init; }
    }

    public sealed record SubmissionVersion
    {
        public required long Id { get; init; }
        public required string Status { get; init; }
        public required string FileName { get; init; }
        public required DateTimeOffset ReceivedAt { get; init; }
        public string? Round { get; init; }
        public string? Template { get; init; }
        public IReadOnlyDictionary<string, decimal> Figures { get; init; } = new Dictionary<string, decimal>();


        /// <summary>The measures the template shows as top-level fields, as whole numbers.</summary>
        [JsonExtensionData]
        public FieldValues? Fields { get; init; }

        public long? DuplicateOf { get; init; }
        public long? Supersedes { get; init; }
    }

    public static RouteGroupBuilder MapUnits(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/units").WithTags("Units").SignedIn();

        group.MapGet("/", async (ReferenceStore reference, CancellationToken ct) =>
            TypedResults.Ok((await reference.UnitsAsync(ct)).Select(u => new UnitSummary
            {
                Code = u.Code,
                Name = u.Name,
                Type = u.Type,
                Parent = u.Parent,
                ValidFrom = u.ValidFrom,
                ValidTo = u.ValidTo,
                Successor = u.Successor,
                Email = u.Email,
            }).ToList()))
            .WithName("ListUnits")
            .WithSummary("Danh mục đơn vị")
            .WithDescription("Mã, tên, loại, đơn vị cấp trên và thời gian hiệu lực của từng đơn vị (kể cả đơn vị đã sáp nhập và đơn vị kế thừa).");

        group.MapGet("/{code}/template.xlsx", (string code, string? round, ClaimsPrincipal user, ReferenceStore reference, TemplateStore templates, CancellationToken ct) =>
            BlankTemplateAsync(code, round, user, reference, templates, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                BlankTemplateWorkbook.Write, ct))
            .WithName("GetBlankTemplateXlsx")
            .WithSummary("Tải biểu mẫu trống .xlsx của đơn vị cho một đợt")
            .WithDescription("Biểu mẫu đã điền sẵn đơn vị và đợt; không có `round` thì lấy đợt có hạn nộp muộn nhất. Tài khoản đơn vị chỉ tải được biểu mẫu của mình.")
            .ProducesFile(ApiResponses.Xlsx)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{code}/template.docx", (string code, string? round, ClaimsPrincipal user, ReferenceStore reference, TemplateStore templates, CancellationToken ct) =>
            BlankTemplateAsync(code, round, user, reference, templates, "docx", BlankTemplateDocument.ContentType, BlankTemplateDocument.Write, ct))
            .WithName("GetBlankTemplateDocx")
            .WithSummary("Tải biểu mẫu trống .docx (công văn Word) của đơn vị cho một đợt")
            .WithDescription("Cùng biểu mẫu dưới dạng công văn Word theo thể thức Nghị định 30/2020, cho đơn vị báo cáo bằng Word. Tài khoản đơn vị chỉ tải được biểu mẫu của mình.")
            .ProducesFile(BlankTemplateDocument.ContentType)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{code}/submissions", async Task<Results<Ok<List<SubmissionVersion>>, ProblemHttpResult>> (string code, string? round, ClaimsPrincipal user, ReferenceStore reference, SubmissionStore store, TemplateStore templates, CancellationToken ct) =>
        {
            if (!user.MaySee(code))
            {
                return Problems.OtherUnit(user.BoundUnit());
            }
            if ((await reference.UnitsAsync(ct)).All(u => u.Code != code))
            {
                return Problems.UnitNotFound(code);
            }
            var versions = await store.VersionsAsync(code, round, ct);
            var list = new List<SubmissionVersion>(versions.Count);
            foreach (var v in versions)
            {
                var figures = await SubmissionsApi.FiguresAsync(v, templates, ct);
                list.Add(new SubmissionVersion
                {
                    Id = v.Id,
                    Status = v.Status,
                    FileName = v.FileName,
                    ReceivedAt = v.ReceivedAt,
                    Round = v.RoundCode,
                    Template = v.TemplateId,
                    Figures = figures.Figures,
                    Fields = figures.Fields,
                    DuplicateOf = v.DuplicateOf,
                    Supersedes = v.Supersedes,
                });
            }
            return TypedResults.Ok(list);
        })
            .WithName("ListUnitSubmissions")
            .WithSummary("Các lần gửi báo cáo của một đơn vị")
            .WithDescription("Mọi phiên bản với trạng thái current, superseded, rejected hoặc duplicate; lọc theo đợt bằng `round`. Tài khoản đơn vị chỉ xem được đơn vị của mình.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/{code}/contact", SetContactAsync).RequireAuthorization(AccessRegistration.AdminPolicy)
            .WithName("SetUnitContact")
            .WithSummary("Đặt địa chỉ thư điện tử của đơn vị (quản trị viên)")
            .WithDescription("Thân yêu cầu {\"email\": \"vanthu@sct.quangngai.gov.vn\"}; email rỗng hoặc null thì xóa địa chỉ. Thư nhắc nộp báo cáo gửi đến địa chỉ này. "
                + "200 {code, name, email, changed}; 400 khi thân không phải JSON; 404 khi không có đơn vị; 422 khi địa chỉ không hợp lệ.")
            .JsonBody(typeof(ContactBody))
            .Changes()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return group;
    }

    private const string ContactShape = "{\"email\": \"vanthu@sct.quangngai.gov.vn\"}";

    private static async Task<Results<Ok<ContactAnswer>, ProblemHttpResult>> SetContactAsync(string code, HttpRequest request, ClaimsPrincipal user,
        UnitContacts contacts, CancellationToken ct)
    {
        var (body, error) = await RoundDraftBody.ReadAsync<ContactBody>(request,
            $"Nội dung gửi lên quá dài. Hãy gửi một đối tượng JSON {ContactShape}.",
            ex => $"Nội dung gửi lên không phải JSON hợp lệ ({ex.Path}, dòng {ex.LineNumber + 1}). Hãy gửi một đối tượng JSON {ContactShape}.",
            $"Chưa gửi địa chỉ thư. Hãy gửi một đối tượng JSON {ContactShape}.", ct);
        if (body is null)
        {
            return Problems.BadRequest(error!);
        }
        var change = await contacts.SetEmailAsync(code, body.Email, user.Actor(), ct);
        if (change.UnitNotFound)
        {
            return Problems.UnitNotFound(code);
        }
        if (change.Problem is { } problem)
        {
            return TypedResults.Problem(title: "Địa chỉ thư không hợp lệ", detail: problem, statusCode: StatusCodes.Status422UnprocessableEntity);
        }
        return TypedResults.Ok(new ContactAnswer { Code = change.Unit!.Code, Name = change.Unit.Name, Email = change.Email, Changed = change.Changed });
    }

    /// <summary>
    /// One blank form for a unit and round, in either format; without ?round= the round with the latest deadline.
    /// The file name holds only the codes, so it is ASCII and survives every browser and mail client.
    /// </summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> BlankTemplateAsync(string code, string? round,
        ClaimsPrincipal user, ReferenceStore reference, TemplateStore templates, string extension, string contentType,
        Action<Stream, TemplateDefinition, Core.Domain.Unit, Core.Domain.Unit?, Core.Domain.Round> write, CancellationToken ct)
    {
        if (!user.MaySee(code))
        {
            return Problems.OtherUnit(user.BoundUnit());
        }
        var units = await reference.UnitsAsync(ct);
        if (units.FirstOrDefault(u => u.Code == code) is not { } unit)
        {
            return Problems.UnitNotFound(code);
        }
        var rounds = await reference.RoundsAsync(ct);
        var chosen = round is null ? rounds.OrderByDescending(r => r.Deadline).FirstOrDefault() : rounds.FirstOrDefault(r => r.Code == round);
        if (chosen is null)
        {
            return Problems.RoundNotFound(round ?? "");
        }
        var province = units.FirstOrDefault(u => u.Code == ProvinceOf(unit, units));
        using var buffer = new MemoryStream();
        // The round decides the form: a 2025 round's template is not the 2021 one, and a round on version 1 hands
        // out version 1's form even after version 2 is registered.
        if (await templates.DefinitionAsync(chosen.Template, chosen.TemplateVersion, ct) is not { } definition)
        {
            return Problems.TemplateNotFound(chosen.Template);
        }
        write(buffer, definition, unit, province, chosen);
        return TypedResults.File(buffer.ToArray(), contentType, $"bieu-mau-{unit.Code}-{chosen.Code}.{extension}");
    }

    private static string? ProvinceOf(Core.Domain.Unit unit, IReadOnlyList<Core.Domain.Unit> units)
    {
        var current = unit;
        for (var depth = 0; depth < 5 && current is not null; depth++)
        {
            if (current.Type == Core.Domain.UnitTypes.Province)
            {
                return current.Code;
            }
            current = units.FirstOrDefault(u => u.Code == current.Parent);
        }
        return null;
    }
}
