using System.Net;
using System.Net.Http.Json;
using JasperFx.Events;
using MediaMonitor.Alerts;
using MediaMonitor.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace MediaMonitor.IntegrationTests.Webhooks;

/// <summary>Replays of one subscription at once: one wins, the others hear 409 (they once heard 500), and each alert goes once.</summary>
public sealed class ConcurrentReplays(AppFixture app) : WebhookTest(app)
{
    [Fact]
    public async Task concurrent_replays_of_alerts_raised_before_the_subscription_send_each_alert_once()
    {
        // The first webhook is answered after 1.5 s (the tests' timeout is 2 s): until then every delivery of the first
        // replay is pending, and a replay accepted after it (the requests need not overlap on a busy machine) leaves
        // pending deliveries alone.
        var receiver = await Receiver(new TestReceiver.Answer(200, Delay: TimeSpan.FromSeconds(1.5)));
        await CreateWatchlist("Attacks", ("rocket attack", "en"));
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        for (var i = 0; i < 3; i++) await RaiseAlert($"A rocket attack hit town {i}.");
        var (subscription, _) = await Subscribe(receiver.Url);
        var client = Client();

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            client.PostAsJsonAsync($"/api/subscriptions/{subscription}/replay", new { from = before })));

        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Accepted, HttpStatusCode.Conflict }));
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.Accepted);
        var sent = new[] { await receiver.NextAsync(), await receiver.NextAsync(), await receiver.NextAsync() };
        Assert.Equal(3, sent.Select(r => r.Header("webhook-id")).Distinct().Count());
        await receiver.NothingMoreAsync(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task a_replay_of_more_alerts_than_one_batch_sends_every_one_once()
    {
        var receiver = await Receiver();
        await CreateWatchlist("Attacks", ("rocket attack", "en"));
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var count = RunReplayHandler.BatchSize + 7;
        var batch = Enumerable.Range(0, count).Select(i => new { body = $"A rocket attack hit town number {i}." });
        await Json(await PostJson("/api/articles/batch", batch, AppFixture.IngestKey), HttpStatusCode.OK);
        var (subscription, _) = await Subscribe(receiver.Url);

        var replay = await Json(await PostJson($"/api/subscriptions/{subscription}/replay", new { from = before }), HttpStatusCode.Accepted);

        Assert.Equal(count, replay["alerts"]!.GetValue<int>());
        var ids = new HashSet<string>();
        for (var i = 0; i < count; i++) ids.Add((await receiver.NextAsync()).Header("webhook-id"));
        Assert.Equal(count, ids.Count);
        await receiver.NothingMoreAsync(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void a_replay_takes_its_turn_with_the_alerts_being_dispatched_so_the_two_never_race_over_a_delivery()
    {
        var bus = App.Host.Services.GetRequiredService<IMessageBus>();
        var now = DateTimeOffset.UtcNow;
        var alert = new Event<AlertRaised>(new AlertRaised(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 1, "Attacks", null, "en",
            null, null, null, [], now));

        var replayedOn = bus.PreviewSubscriptions(new RunReplay(Guid.NewGuid(), Guid.NewGuid(), now.AddDays(-1), now)).Single().Destination;
        var dispatchedOn = bus.PreviewSubscriptions(alert).Single().Destination;

        Assert.Equal(dispatchedOn, replayedOn);
    }
}
