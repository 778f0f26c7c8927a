using System.Net;
using System.Text.Json.Nodes;

namespace MediaMonitor.IntegrationTests.Webhooks;

public sealed class SubscriptionFilters(AppFixture app) : WebhookTest(app)
{
    [Fact]
    public async Task a_subscription_to_one_watchlist_gets_only_that_watchlists_alerts()
    {
        var receiver = await Receiver();
        var attacks = await CreateWatchlist("Attacks", ("rocket attack", "en"));
        await CreateWatchlist("Elections", ("election", "en"));
        await Subscribe(receiver.Url, attacks);

        await RaiseAlert("The election was held after a rocket attack.");
        var received = await receiver.NextAsync();

        Assert.Equal(attacks, JsonNode.Parse(received.Text)!["data"]!["watchlistId"]!.GetValue<Guid>());
        await RaiseAlert("The election was held on time.");
        await receiver.NothingMoreAsync(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task after_the_filter_changes_later_alerts_follow_the_new_filter()
    {
        var receiver = await Receiver();
        var attacks = await CreateWatchlist("Attacks", ("rocket attack", "en"));
        var elections = await CreateWatchlist("Elections", ("election", "en"));
        var (subscription, _) = await Subscribe(receiver.Url, attacks);

        var changed = await Json(await PutJson($"/api/subscriptions/{subscription}/filters", new { watchlistIds = new[] { elections } }), HttpStatusCode.OK);
        Assert.Equal(elections, Assert.Single(changed["watchlistIds"]!.AsArray())!.GetValue<Guid>());
        Assert.Equal(2, changed["version"]!.GetValue<int>());

        await RaiseAlert("A rocket attack hit the town.");
        await RaiseAlert("The election was held on time.");
        var received = await receiver.NextAsync();
        Assert.Equal(elections, JsonNode.Parse(received.Text)!["data"]!["watchlistId"]!.GetValue<Guid>());
        await receiver.NothingMoreAsync(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task a_filter_naming_an_unknown_watchlist_is_refused()
    {
        var unknown = Guid.NewGuid();
        var response = await PostJson("/api/subscriptions", new { url = "https://hooks.example/x", watchlistIds = new[] { unknown } });
        var problem = await Json(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains(unknown.ToString(), problem["errors"]!["watchlistIds"]![0]!.GetValue<string>());
        Assert.Empty(await AllEvents());
    }

    [Fact]
    public async Task a_subscription_made_after_an_alert_does_not_get_it_unless_replayed()
    {
        var receiver = await Receiver();
        await CreateWatchlist("Attacks", ("rocket attack", "en"));
        await RaiseAlert();
        var (subscription, _) = await Subscribe(receiver.Url);

        await receiver.NothingMoreAsync(TimeSpan.FromSeconds(2));
        var page = await Json(await Get($"/api/subscriptions/{subscription}/deliveries"), HttpStatusCode.OK);
        Assert.Empty(page["items"]!.AsArray());
    }
}
