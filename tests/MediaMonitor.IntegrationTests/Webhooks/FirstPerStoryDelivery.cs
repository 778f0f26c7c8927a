using System.Net;
using System.Text.Json.Nodes;
using MediaMonitor.Alerts;
using MediaMonitor.Webhooks;
using Marten;
using Wolverine.Marten;
using Wolverine.Tracking;

namespace MediaMonitor.IntegrationTests.Webhooks;

/// <summary>A subscription delivering the first alert per story passes by the alerts that repeat a story: at the dispatch,
/// with alerts appended as intake appends them, and end to end, with a wire story and its reprint taken in.</summary>
public sealed class FirstPerStoryDelivery(AppFixture app) : WebhookTest(app)
{
    [Fact]
    public async Task a_first_per_story_subscription_gets_the_first_alert_of_a_story_and_not_its_repeats_and_every_gets_both()
    {
        var firstOnly = await Receiver();
        var every = await Receiver();
        var watchlist = await CreateWatchlist("Attacks", ("rocket attack", "en"));
        var first = await Json(await PostJson("/api/subscriptions", new { url = firstOnly.Url, delivery = "first-per-story" }), HttpStatusCode.Created);
        var firstId = first["subscription"]!["id"]!.GetValue<Guid>();
        var (everyId, _) = await Subscribe(every.Url);
        var story = Guid.CreateVersion7();
        var original = Guid.CreateVersion7();
        var repeat = Guid.CreateVersion7();

        var tracked = await App.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).PauseThenCatchUpOnMartenDaemonActivity()
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ =>
            {
                await using var session = App.Store.LightweightSession();
                var now = DateTimeOffset.UtcNow;
                session.Events.StartStream<AlertView>(original, Raised(original, watchlist, story, repeatInStory: false, now));
                session.Events.StartStream<AlertView>(repeat, Raised(repeat, watchlist, story, repeatInStory: true, now.AddSeconds(1)));
                await session.SaveChangesAsync();
            }));

        var sent = tracked.Sent.MessagesOf<DeliverWebhook>().ToList();
        Assert.Equal([original], sent.Where(m => m.SubscriptionId == firstId).Select(m => m.AlertId));
        Assert.Equal(new[] { original, repeat }.Order(), sent.Where(m => m.SubscriptionId == everyId).Select(m => m.AlertId).Order());
        Assert.Equal(original, JsonNode.Parse((await firstOnly.NextAsync()).Text)!["data"]!["alertId"]!.GetValue<Guid>());
        await firstOnly.NothingMoreAsync(TimeSpan.FromSeconds(1));
        await using var query = App.Store.QuerySession();
        Assert.Null(await query.LoadAsync<Delivery>(DispatchAlertHandler.DeliveryId(firstId, repeat)));
    }

    [Fact]
    public async Task a_reprinted_wire_story_notifies_a_first_per_story_subscriber_once_and_every_subscriber_twice()
    {
        var firstOnly = await Receiver();
        var every = await Receiver();
        await CreateWatchlist("Rockets", ("rockets", "en"));
        await Json(await PostJson("/api/subscriptions", new { url = firstOnly.Url, delivery = "first-per-story" }), HttpStatusCode.Created);
        await Subscribe(every.Url);

        JsonNode original = null!, reprint = null!;
        await App.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ =>
        {
            original = await Ingest(new { title = "Rockets hit near Baghdad airport", body = Stories.WireCopies.AirportRockets, lang = "en", source = "Reuters" });
            reprint = await Ingest(new { title = "Baghdad airport targeted again", body = Stories.WireCopies.AirportRocketsReprinted, lang = "en", source = "Gulf Daily" });
        }));

        var story = original["storyId"]!.GetValue<Guid>();
        Assert.Equal(story, reprint["storyId"]!.GetValue<Guid>());
        var only = JsonNode.Parse((await firstOnly.NextAsync()).Text)!["data"]!;
        Assert.Equal(original["alerts"]![0]!["alertId"]!.GetValue<Guid>(), only["alertId"]!.GetValue<Guid>());
        Assert.Equal(story, only["storyId"]!.GetValue<Guid>());
        Assert.False(only["repeatInStory"]!.GetValue<bool>());
        await firstOnly.NothingMoreAsync(TimeSpan.FromSeconds(1));
        var both = new[] { JsonNode.Parse((await every.NextAsync()).Text)!["data"]!, JsonNode.Parse((await every.NextAsync()).Text)!["data"]! };
        Assert.Equal([false, true], both.Select(d => d["repeatInStory"]!.GetValue<bool>()).Order());
        Assert.All(both, d => Assert.Equal(story, d["storyId"]!.GetValue<Guid>()));
    }

    private static AlertRaised Raised(Guid alertId, Guid watchlist, Guid story, bool repeatInStory, DateTimeOffset at) =>
        new(alertId, Guid.CreateVersion7(), watchlist, 1, "Attacks", "Attack", "en", "wire", null, null, [], at,
            StoryId: story, RepeatInStory: repeatInStory);
}
