using System.Net;
using System.Text.Json.Nodes;
using MediaMonitor.Alerts;
using MediaMonitor.Webhooks;
using Marten;
using Wolverine.Marten;
using Wolverine.Tracking;

namespace MediaMonitor.IntegrationTests.Webhooks;

/// <summary>A subscription delivering the first alert per story passes by the alerts that repeat a story: tested at the
/// dispatch, with alerts appended as intake will append them once stories are kept.</summary>
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

    private static AlertRaised Raised(Guid alertId, Guid watchlist, Guid story, bool repeatInStory, DateTimeOffset at) =>
        new(alertId, Guid.CreateVersion7(), watchlist, 1, "Attacks", "Attack", "en", "wire", null, null, [], at,
            StoryId: story, RepeatInStory: repeatInStory);
}
