using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace MediaMonitor.IntegrationTests.Webhooks;

/// <summary>Hosts of its own on a database of its own: the service is stopped and started again.</summary>
public sealed class DeliveryAcrossRestarts(AppFixture app) : WebhookTest(app)
{
    [Fact]
    public async Task when_the_service_stops_between_the_alert_and_its_delivery_it_delivers_after_starting_again()
    {
        await using var database = await App.Database.SiblingAsync();
        var port = TestReceiver.FreePort();
        var url = $"http://127.0.0.1:{port}/hook";
        Guid subscription;
        string webhookId;

        // The endpoint is down: the first attempt fails and a retry is scheduled, then the service stops.
        await using (var first = await AppFixture.StartHostAsync(database.ConnectionString))
        {
            var client = AppFixture.AdminClient(first);
            var watchlist = await client.PostAsJsonAsync("/api/watchlists", new { name = "Attacks", terms = new[] { new { phrase = "rocket attack" } } });
            Assert.Equal(HttpStatusCode.Created, watchlist.StatusCode);
            var created = await client.PostAsJsonAsync("/api/subscriptions", new { url });
            subscription = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["subscription"]!["id"]!.GetValue<Guid>();
            var ingested = await client.PostAsJsonAsync("/api/articles", new { body = "A rocket attack hit the town." });
            Assert.Equal(HttpStatusCode.Created, ingested.StatusCode);

            JsonNode? delivery = null;
            await Eventually(async () =>
            {
                var page = JsonNode.Parse(await client.GetStringAsync($"/api/subscriptions/{subscription}/deliveries"))!;
                delivery = page["items"]!.AsArray().FirstOrDefault();
                return delivery?["attempts"]!.AsArray().Count >= 1;
            }, "the first attempt");
            Assert.Equal("Pending", delivery!["status"]!.GetValue<string>());
            webhookId = delivery["id"]!.GetValue<string>();
            await first.StopAsync();
        }

        await using var receiver = await TestReceiver.StartAsync(port);
        await using var second = await AppFixture.StartHostAsync(database.ConnectionString);

        var received = await receiver.NextAsync(TimeSpan.FromSeconds(45));
        Assert.Equal(webhookId, received.Header("webhook-id"));
        await Eventually(async () =>
        {
            var delivery = JsonNode.Parse(await AppFixture.AdminClient(second).GetStringAsync($"/api/deliveries/{webhookId}"))!;
            return delivery["status"]!.GetValue<string>() == "Delivered";
        }, "the delivery to be recorded as delivered");
    }
}
