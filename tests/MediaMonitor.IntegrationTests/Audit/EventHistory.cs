using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JasperFx.Events;
using Wolverine;
using Wolverine.Marten;
using Wolverine.Tracking;

namespace MediaMonitor.IntegrationTests.Audit;

public sealed class EventHistory(AppFixture app) : ApiTest(app)
{
    private async Task<HttpResponseMessage> PostWithCorrelation(string url, object body, string correlation, string key = AppFixture.AdminKey)
    {
        var client = Client(key);
        client.DefaultRequestHeaders.Add("X-Correlation-Id", correlation);
        return await client.PostAsJsonAsync(url, body);
    }

    [Fact]
    public async Task a_watchlists_history_shows_each_event_with_its_correlation_id_and_actor()
    {
        var created = await PostWithCorrelation("/api/watchlists", new { name = "Attacks", terms = new[] { new { phrase = "rocket attack" } } }, "case-4711");
        Assert.Equal("case-4711", created.Headers.GetValues("X-Correlation-Id").Single());
        var id = (await Json(created, HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        await PostJson($"/api/watchlists/{id}/pause", new { });

        var history = (await Json(await Get($"/api/watchlists/{id}/history", AppFixture.ReadKey), HttpStatusCode.OK)).AsArray();

        Assert.Equal(["watchlist_created", "watchlist_paused"], history.Select(e => e!["type"]!.GetValue<string>()));
        Assert.Equal([1L, 2L], history.Select(e => e!["version"]!.GetValue<long>()));
        Assert.True(history[0]!["sequence"]!.GetValue<long>() < history[1]!["sequence"]!.GetValue<long>());
        Assert.Equal("case-4711", history[0]!["correlationId"]!.GetValue<string>());
        Assert.NotEqual("case-4711", history[1]!["correlationId"]!.GetValue<string>());
        Assert.All(history, e => Assert.Equal("admin", e!["actor"]!.GetValue<string>()));
        Assert.Equal("Attacks", history[0]!["data"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task an_articles_history_names_the_key_that_ingested_it_and_the_request()
    {
        await CreateWatchlist("Attacks", ("rocket attack", "en"));
        var response = await Client(AppFixture.IngestKey).PostAsJsonAsync("/api/articles", new { body = "A rocket attack hit the town." });
        var correlation = response.Headers.GetValues("X-Correlation-Id").Single();
        var article = await Json(response, HttpStatusCode.Created);
        var alertId = article["alerts"]![0]!["alertId"]!.GetValue<Guid>();

        var history = (await Json(await Get($"/api/articles/{article["id"]}/history", AppFixture.ReadKey), HttpStatusCode.OK)).AsArray();
        var alertHistory = (await Json(await Get($"/api/alerts/{alertId}/history", AppFixture.ReadKey), HttpStatusCode.OK)).AsArray();

        Assert.Equal(["article_ingested", "article_matched"], history.Select(e => e!["type"]!.GetValue<string>()));
        Assert.All(history.Concat(alertHistory), e =>
        {
            Assert.Equal("ingester", e!["actor"]!.GetValue<string>());
            Assert.Equal(correlation, e["correlationId"]!.GetValue<string>());
        });
        Assert.Equal("alert_raised", Assert.Single(alertHistory)!["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("has spaces in it")]
    [InlineData("<script>")]
    public async Task an_unusable_correlation_id_is_replaced_with_a_new_one(string given)
    {
        var response = await PostWithCorrelation("/api/watchlists", new { name = "Attacks", terms = new[] { new { phrase = "rocket attack" } } }, given);
        var used = response.Headers.GetValues("X-Correlation-Id").Single();
        Assert.NotEqual(given, used);
        Assert.Matches("^[0-9a-f]{32}$", used);
    }

    [Fact]
    public async Task background_work_a_request_caused_is_recorded_under_its_caller_and_correlation()
    {
        await CreateWatchlist("Attacks", ("rocket attack", "en"));
        var subscribed = await Json(await PostJson("/api/subscriptions", new { url = "http://127.0.0.1:9/hook" }), HttpStatusCode.Created);
        var subscription = subscribed["subscription"]!["id"]!.GetValue<Guid>();
        // The deliveries are scheduled in the request's own transaction; the attempt is a message it sent, handled in
        // the background, on its behalf (Wolverine relays the caller on the message).
        var correlation = "";
        await App.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).WaitForCondition(new AttemptsRun(subscription))
            .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ =>
            {
                var response = await Client(AppFixture.IngestKey).PostAsJsonAsync("/api/articles", new { body = "A rocket attack hit the town." });
                correlation = response.Headers.GetValues("X-Correlation-Id").Single();
            }));

        var events = await AllEvents();
        var scheduled = Stamp(events.FirstOrDefault(x => x.Data is MediaMonitor.Webhooks.DeliveryScheduled));
        var attempted = Stamp(events.FirstOrDefault(x => x.Data is MediaMonitor.Webhooks.DeliveryAttempted));
        Assert.NotNull(scheduled);
        Assert.NotNull(attempted);
        Assert.Equal(correlation, scheduled["CorrelationId"]!.GetValue<string>());
        Assert.Equal("ingester", scheduled["actor"]!.GetValue<string>());
        Assert.Equal(correlation, attempted["CorrelationId"]!.GetValue<string>());
        Assert.Equal("ingester", attempted["actor"]!.GetValue<string>());
        Assert.NotNull(attempted["CausationId"]);
        var history = (await Json(await Get($"/api/subscriptions/{subscription}/history"), HttpStatusCode.OK)).AsArray();
        Assert.Equal("subscription_created", Assert.Single(history)!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task work_no_caller_asked_for_is_recorded_as_the_system()
    {
        var watchlist = await CreateWatchlist("Attacks", ("rocket attack", "en"));
        await Json(await PostJson("/api/subscriptions", new { url = "http://127.0.0.1:9/hook" }), HttpStatusCode.Created);
        var alertId = Guid.CreateVersion7();
        // The daemon is paused while the alert is appended, then made to catch up within the tracked session, which
        // follows the dispatch its subscription publishes.
        var tracked = await App.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).PauseThenCatchUpOnMartenDaemonActivity()
            .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ =>
            {
                // An alert in the log with no request behind it: the daemon's alert dispatch finds it and schedules its delivery.
                await using var session = App.Store.LightweightSession();
                session.Events.StartStream<MediaMonitor.Alerts.AlertView>(alertId, new MediaMonitor.Alerts.AlertRaised(alertId, Guid.CreateVersion7(),
                    watchlist, 1, "Attacks", "Attack", "en", null, null, null, [], DateTimeOffset.UtcNow));
                await session.SaveChangesAsync();
            }));

        Assert.Single(tracked.Executed.MessagesOf<IEvent<MediaMonitor.Alerts.AlertRaised>>());
        var scheduled = (await AllEvents()).FirstOrDefault(x => x.Data is MediaMonitor.Webhooks.DeliveryScheduled);
        Assert.NotNull(scheduled);
        Assert.Null(scheduled.UserName);
        Assert.Equal("system", MediaMonitor.Audit.EventRecord.ActorOf(scheduled));
    }

    private static JsonNode? Stamp(IEvent? e) => e is null
        ? null
        : JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(new { e.CorrelationId, e.CausationId, actor = MediaMonitor.Audit.EventRecord.ActorOf(e) }));

    [Fact]
    public async Task a_stream_of_another_kind_is_not_shown_through_the_wrong_endpoint()
    {
        var subscribed = await Json(await PostJson("/api/subscriptions", new { url = "http://127.0.0.1:9/secret-token" }), HttpStatusCode.Created);
        var subscription = subscribed["subscription"]!["id"]!.GetValue<Guid>();

        await Json(await Get($"/api/articles/{subscription}/history", AppFixture.ReadKey), HttpStatusCode.NotFound);
        await Json(await Get($"/api/alerts/{subscription}/history", AppFixture.ReadKey), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await Get($"/api/subscriptions/{subscription}/history", AppFixture.ReadKey)).StatusCode);
    }

    [Fact]
    public async Task the_history_of_an_unknown_stream_is_not_found()
    {
        await Json(await Get($"/api/articles/{Guid.NewGuid()}/history"), HttpStatusCode.NotFound);
        await Json(await Get($"/api/watchlists/{Guid.NewGuid()}/history"), HttpStatusCode.NotFound);
        await Json(await Get($"/api/alerts/{Guid.NewGuid()}/history"), HttpStatusCode.NotFound);
        await Json(await Get($"/api/subscriptions/{Guid.NewGuid()}/history"), HttpStatusCode.NotFound);
    }
}
