using System.Net;
using MediaMonitor.IntegrationTests.Webhooks;
using Wolverine;
using Wolverine.Tracking;

namespace MediaMonitor.IntegrationTests.Audit;

public sealed class ExplainingAlerts(AppFixture app) : ApiTest(app)
{
    [Fact]
    public async Task an_alert_is_explained_by_the_watchlist_as_it_was_and_the_chain_from_ingestion_to_delivery()
    {
        await using var receiver = await TestReceiver.StartAsync();
        var watchlist = await CreateWatchlist("Attacks", ("rocket attack", "en"));
        var subscribed = await Json(await PostJson("/api/subscriptions", new { url = receiver.Url }), HttpStatusCode.Created);
        var subscription = subscribed["subscription"]!["id"]!.GetValue<Guid>();
        var alert = Guid.Empty;
        await App.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).WaitForCondition(new AttemptsRun(subscription))
            .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ =>
                alert = (await Ingest(new { title = "Attack", body = "A rocket attack hit the town." }))["alerts"]![0]!["alertId"]!.GetValue<Guid>()));
        await receiver.NextAsync();
        await Json(await PutJson($"/api/watchlists/{watchlist}/terms", new { terms = new[] { new { phrase = "drone strike" } } }), HttpStatusCode.OK);

        var explanation = await Json(await Get($"/api/alerts/{alert}/explain"), HttpStatusCode.OK);
        var types = explanation["chain"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()).ToArray();
        var forReader = await Json(await Get($"/api/alerts/{alert}/explain", AppFixture.ReadKey), HttpStatusCode.OK);
        Assert.Empty(forReader["deliveries"]!.AsArray());
        Assert.DoesNotContain(forReader["chain"]!.AsArray(), e => e!["type"]!.GetValue<string>().StartsWith("delivery_"));

        Assert.Equal(["article_ingested", "article_matched", "alert_raised", "delivery_scheduled", "delivery_attempted"], types);
        Assert.Equal(1, explanation["watchlist"]!["version"]!.GetValue<int>());
        Assert.Equal("rocket attack", explanation["watchlist"]!["terms"]![0]!["phrase"]!.GetValue<string>());
        Assert.Equal("A rocket attack hit the town.", explanation["article"]!["body"]!.GetValue<string>());
        Assert.Equal("rocket attack", explanation["hits"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("Delivered", explanation["deliveries"]![0]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task explaining_an_unknown_alert_is_not_found() =>
        await Json(await Get($"/api/alerts/{Guid.NewGuid()}/explain"), HttpStatusCode.NotFound);
}
