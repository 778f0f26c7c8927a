using System.Net;
using System.Net.Http.Json;
using MediaMonitor.Webhooks;

namespace MediaMonitor.IntegrationTests.Webhooks;

/// <summary>Replays of one subscription at once: one wins, the others hear 409 (they once heard 500), and each alert goes once.</summary>
public sealed class ConcurrentReplays(AppFixture app) : WebhookTest(app)
{
    [Fact]
    public async Task concurrent_replays_of_alerts_raised_before_the_subscription_send_each_alert_once()
    {
        var receiver = await Receiver();
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
}
