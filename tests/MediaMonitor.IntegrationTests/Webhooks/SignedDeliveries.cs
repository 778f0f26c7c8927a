using System.Net;
using System.Text.Json.Nodes;

namespace MediaMonitor.IntegrationTests.Webhooks;

public sealed class SignedDeliveries(AppFixture app) : WebhookTest(app)
{
    [Fact]
    public async Task when_an_alert_is_raised_the_subscriber_receives_it_signed_with_its_secret()
    {
        var receiver = await Receiver();
        var watchlist = await CreateWatchlist("Attacks", ("rocket attack", "en"));
        var (subscription, secret) = await Subscribe(receiver.Url);

        var alert = Assert.Single(await RaiseAlert())!;
        var received = await receiver.NextAsync();

        Assert.True(WebhookVerifier.Verify(secret, received), $"signature {received.Header("webhook-signature")} does not verify");
        Assert.False(WebhookVerifier.Verify("whsec_" + Convert.ToBase64String(new byte[32]), received));
        Assert.StartsWith("application/json", received.Header("content-type"));
        var payload = JsonNode.Parse(received.Text)!;
        Assert.Equal("alert.raised", payload["type"]!.GetValue<string>());
        Assert.Equal(1, payload["version"]!.GetValue<int>());
        var data = payload["data"]!;
        Assert.Equal(alert["alertId"]!.GetValue<Guid>(), data["alertId"]!.GetValue<Guid>());
        Assert.Equal(watchlist, data["watchlistId"]!.GetValue<Guid>());
        Assert.Equal("Attacks", data["watchlistName"]!.GetValue<string>());
        Assert.Equal(1, data["watchlistVersion"]!.GetValue<int>());
        Assert.Equal("Attack", data["title"]!.GetValue<string>());
        var hit = Assert.Single(data["hits"]!.AsArray())!;
        Assert.Equal("body", hit["field"]!.GetValue<string>());
        Assert.Equal("rocket attack", hit["text"]!.GetValue<string>());
        Assert.Equal(2, hit["start"]!.GetValue<int>());
        Assert.Equal(13, hit["length"]!.GetValue<int>());
        Assert.Contains("rocket attack", data["snippet"]!.GetValue<string>());

        var delivery = await Delivery(subscription, d => d["status"]!.GetValue<string>() == "Delivered", "the delivery to be recorded");
        Assert.Equal(delivery["id"]!.GetValue<string>(), received.Header("webhook-id"));
        var attempt = Assert.Single(delivery["attempts"]!.AsArray())!;
        Assert.Equal(200, attempt["statusCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task the_secret_is_shown_once_and_never_read_back()
    {
        var (id, secret) = await Subscribe("http://127.0.0.1:9/hook");
        Assert.StartsWith("whsec_", secret);
        Assert.True(Convert.FromBase64String(secret["whsec_".Length..]).Length >= 24);

        var one = await Get($"/api/subscriptions/{id}");
        var list = await Get("/api/subscriptions");
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.DoesNotContain(secret["whsec_".Length..], await one.Content.ReadAsStringAsync());
        Assert.DoesNotContain(secret["whsec_".Length..], await list.Content.ReadAsStringAsync());
        Assert.DoesNotContain(await AllEvents(), e => System.Text.Json.JsonSerializer.Serialize(e.Data).Contains(secret["whsec_".Length..]));
    }
}
