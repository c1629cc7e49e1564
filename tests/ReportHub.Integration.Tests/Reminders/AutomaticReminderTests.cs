using Microsoft.Extensions.DependencyInjection;
using ReportHub.Core.Domain;
using ReportHub.Pipeline.Reminders;
using ReportHub.Testing.App;
using ReportHub.Testing.Mail;

namespace ReportHub.Integration.Tests.Reminders;

/// <summary>The hosted scheduler's reminders: each unit gets each kind once, however many API processes look.</summary>
public sealed class AutomaticReminderTests
{
    [Theory]
    [InlineData("2024-03-11", null)]
    [InlineData("2024-03-12", ReminderKinds.Before)]
    [InlineData("2024-03-15", ReminderKinds.Before)]
    [InlineData("2024-03-16", ReminderKinds.After)]
    [InlineData("2024-03-18", ReminderKinds.After)]
    [InlineData("2024-03-19", null)]
    public void ReminderIsDueFromDaysBeforeTheDeadlineAndInTheDaysAfterIt(string today, string? expected)
    {
        var round = new Round { Code = "r", Title = "t", Template = "x", Deadline = new DateOnly(2024, 3, 15) };

        Assert.Equal(expected, ReminderScheduler.DueKind(round, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), daysBefore: 3));
        Assert.Null(ReminderScheduler.DueKind(round with { Closed = true }, new DateOnly(2024, 3, 16), 3));
    }

    [Fact]
    public async Task TwoProcessesLookingTwiceSendEachUnitEachReminderOnce()
    {
        var smtp = await SmtpServer.GetAsync();
        // The day before the deadline, 10:00 in Quảng Ngãi.
        var clock = new TestClock(new DateTimeOffset(2024, 3, 14, 3, 0, 0, TimeSpan.Zero));
        using var first = ReportHubApp.ReferenceOnly(settings: smtp.Settings(), clock: clock, quiet: true);
        await ReminderRound.CreateAsync(first);
        var snv = SmtpServer.NewAddress("snv");
        var stp = SmtpServer.NewAddress("stp");
        await ReminderRound.SetContactAsync(first, "51.SNV", snv);
        await ReminderRound.SetContactAsync(first, "51.STP", stp);
        using var second = new ReportHubApp(connectionString: first.ConnectionString, settings: smtp.Settings(), clock: clock, quiet: true);
        var schedulers = new[] { first, second }.Select(a => ActivatorUtilities.CreateInstance<ReminderScheduler>(a.Services)).ToList();

        await Task.WhenAll(schedulers.Select(s => s.RunOnceAsync(CancellationToken.None)));
        await Task.WhenAll(schedulers.Select(s => s.RunOnceAsync(CancellationToken.None)));
        clock.Now = clock.Now.AddDays(2);
        await Task.WhenAll(schedulers.Select(s => s.RunOnceAsync(CancellationToken.None)));
        await Task.WhenAll(schedulers.Select(s => s.RunOnceAsync(CancellationToken.None)));

        await Task.Delay(500);
        foreach (var address in new[] { snv, stp })
        {
            var messages = smtp.MessagesTo(address);
            Assert.Equal(2, messages.Count);
            Assert.Single(messages, m => (m.TextBody ?? "").Contains("còn 1 ngày", StringComparison.Ordinal));
            Assert.Single(messages, m => (m.TextBody ?? "").Contains("đã quá hạn nộp", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task AFailedAutomaticReminderIsTriedAgainAtTheNextLook()
    {
        var smtp = await SmtpServer.GetAsync();
        var clock = new TestClock(new DateTimeOffset(2024, 3, 14, 3, 0, 0, TimeSpan.Zero));
        var down = smtp.Settings().Select(s => s.Key == "Mail:Port" ? new KeyValuePair<string, string>(s.Key, "1") : s)
            .Append(new("Mail:MaxRetries", "0"));
        using var broken = ReportHubApp.ReferenceOnly(settings: down, clock: clock, quiet: true);
        await ReminderRound.CreateAsync(broken);
        var snv = SmtpServer.NewAddress("snv");
        await ReminderRound.SetContactAsync(broken, "51.SNV", snv);
        using var mended = new ReportHubApp(connectionString: broken.ConnectionString, settings: smtp.Settings(), clock: clock, quiet: true);

        await ActivatorUtilities.CreateInstance<ReminderScheduler>(broken.Services).RunOnceAsync(CancellationToken.None);
        Assert.Empty(smtp.MessagesTo(snv));
        await ActivatorUtilities.CreateInstance<ReminderScheduler>(mended.Services).RunOnceAsync(CancellationToken.None);

        Assert.Single(await smtp.WaitForAsync(snv, 1));
    }

    [Fact]
    public async Task WithAutomaticRemindersOnTheHostedSchedulerSendsByItself()
    {
        var smtp = await SmtpServer.GetAsync();
        var clock = new TestClock(new DateTimeOffset(2024, 3, 14, 3, 0, 0, TimeSpan.Zero));
        var settings = smtp.Settings().Append(new("Reminders:Automatic", "true")).Append(new("Reminders:CheckMinutes", "0.05"));
        using var app = ReportHubApp.ReferenceOnly(settings: settings, clock: clock, quiet: true);
        await ReminderRound.CreateAsync(app);
        var snv = SmtpServer.NewAddress("snv");
        await ReminderRound.SetContactAsync(app, "51.SNV", snv);

        var messages = await smtp.WaitForAsync(snv, 1, TimeSpan.FromSeconds(30));

        Assert.Single(messages);
        Assert.Contains("còn 1 ngày", messages[0].TextBody, StringComparison.Ordinal);
        Assert.Single(app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<ReminderScheduler>());
    }

    [Fact]
    public void AutomaticRemindersAreOffUnlessAskedFor()
    {
        using var app = ReportHubApp.ReferenceOnly(quiet: true);

        Assert.Empty(app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<ReminderScheduler>());
    }
}
