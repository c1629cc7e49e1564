using System.Net;
using System.Reflection;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ReportHub.Api.Web;
using ReportHub.Integration.Tests.Support;
using ReportHub.Pipeline.Access;
using ReportHub.Warehouse.Access;

namespace ReportHub.Integration.Tests.Pages;

/// <summary>The audit log on the admin page names every action in Vietnamese, even one this release does not know.</summary>
public sealed class AuditActionLabelTests
{
    private static readonly string[] Known = [.. typeof(AuditActions)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)];

    public static TheoryData<string> Actions => [.. Known];

    [Theory]
    [MemberData(nameof(Actions))]
    public void EveryAuditActionHasAVietnameseLabel(string action)
    {
        var label = Display.AuditAction(action);

        Assert.NotEqual(action, label);
        Assert.True(IsVietnamese(label), $"{action}: “{label}”");
        Assert.DoesNotContain(".", label, StringComparison.Ordinal);
    }

    [Fact]
    public void NoTwoActionsShareALabel()
    {
        var labels = Known.Select(Display.AuditAction).ToList();

        Assert.Equal(labels.Count, labels.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("round.archive", "Thao tác khác với đợt báo cáo")]
    [InlineData("submission.purge", "Thao tác khác với báo cáo")]
    [InlineData("user.rename", "Thao tác khác với tài khoản")]
    [InlineData("key.rotate", "Thao tác khác với mã truy cập API")]
    [InlineData("template.retire", "Thao tác khác với biểu mẫu")]
    [InlineData("session.expire", "Thao tác khác với phiên đăng nhập")]
    [InlineData("backup", "Thao tác khác")]
    [InlineData("export.download", "Thao tác khác")]
    [InlineData(".", "Thao tác khác")]
    public void UnknownActionIsNamedByWhatItActsOn(string action, string expected) =>
        Assert.Equal(expected, Display.AuditAction(action));

    [Fact]
    public void NoActionIsBlank()
    {
        Assert.Equal("", Display.AuditAction(null));
        Assert.Equal("", Display.AuditAction(""));
    }

    [Fact]
    public async Task AuditPageShowsKnownAndUnknownActionsInVietnamese()
    {
        using var app = ReportHubApp.ReferenceOnly(quiet: true);
        var audit = app.Services.GetRequiredService<AuditLog>();
        await audit.WriteAsync("user:quantri", AuditActions.RoundUnitAdded, "2021-10", "51.STP", CancellationToken.None);
        await audit.WriteAsync("user:quantri", "round.archive", "2021-10", null, CancellationToken.None);
        using var admin = await PageSession.SignedInAsync(app, "quantri", Roles.Admin, null);

        var (status, html) = await admin.GetAsync("/admin/audit");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(">Bổ sung đơn vị vào đợt</td>", html, StringComparison.Ordinal);
        Assert.Contains(">Thao tác khác với đợt báo cáo</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">round.archive</td>", html, StringComparison.Ordinal);
    }

    private static bool IsVietnamese(string label) =>
        label.Length > 0 && label.IsNormalized(NormalizationForm.FormC) && label.Any(c => c > '\u007F' && char.IsLetter(c));
}
