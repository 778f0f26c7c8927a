using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MediaMonitor.IntegrationTests.Webhooks;

namespace MediaMonitor.IntegrationTests.Audit;

/// <summary>One correlation id from the request that took an article in to the last attempt of every webhook it caused,
/// and causation ids that link each step to the one before.</summary>
public sealed class CorrelationTrail(AppFixture app) : ApiTest(app)
{
    [Fact]
    public async Task the_request_leads_to_every_attempt_and_each_step_names_the_one_before()
    {
        await using var receiver = await TestReceiver.StartAsync(0, new TestReceiver.Answer(500), new TestReceiver.Answer(503), new TestReceiver.Answer(204));
        await CreateWatchlist("Attacks", ("rocket attack", "en"));
        await Json(await PostJson("/api/subscriptions", new { url = receiver.Url }), HttpStatusCode.Created);
        var client = Client(AppFixture.IngestKey);
        client.DefaultRequestHeaders.Add("X-Correlation-Id", "case-0815");

        var ingested = await Json(await client.PostAsJsonAsync("/api/articles", new { body = "A rocket attack hit the town.", lang = "en" }), HttpStatusCode.Created);
        for (var i = 0; i < 3; i++) await receiver.NextAsync(TimeSpan.FromSeconds(30));
        var alert = ingested["alerts"]![0]!["alertId"]!.GetValue<Guid>();
        JsonArray chain = [];
        // The third answer reaches the receiver a moment before its attempt commits.
        await Eventually(async () =>
        {
            chain = (await Json(await Get($"/api/alerts/{alert}/explain"), HttpStatusCode.OK))["chain"]!.AsArray();
            return chain.Count(e => e!["type"]!.GetValue<string>() == "delivery_attempted") == 3;
        }, "the third attempt to be recorded");

        Assert.Equal(["article_ingested", "article_matched", "alert_raised", "delivery_scheduled", "delivery_attempted", "delivery_attempted", "delivery_attempted"],
            chain.Select(e => e!["type"]!.GetValue<string>()));
        Assert.All(chain, e => Assert.Equal("case-0815", e!["correlationId"]!.GetValue<string>()));
        for (var i = 1; i < chain.Count; i++)
            Assert.Equal(chain[i - 1]!["id"]!.GetValue<Guid>().ToString(), chain[i]!["causationId"]!.GetValue<string>());
    }
}
