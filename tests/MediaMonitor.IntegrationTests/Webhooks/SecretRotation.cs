using System.Net;

namespace MediaMonitor.IntegrationTests.Webhooks;

public sealed class SecretRotation(AppFixture app) : WebhookTest(app)
{
    [Fact]
    public async Task after_a_rotation_messages_carry_both_signatures_and_either_secret_verifies()
    {
        var receiver = await Receiver();
        await CreateWatchlist("Attacks", ("rocket attack", "en"));
        var (subscription, oldSecret) = await Subscribe(receiver.Url);

        var rotated = await Json(await PostJson($"/api/subscriptions/{subscription}/rotate-secret", new { }), HttpStatusCode.OK);
        var newSecret = rotated["secret"]!.GetValue<string>();
        Assert.NotEqual(oldSecret, newSecret);
        var expires = rotated["subscription"]!["previousSecretExpiresAt"]!.GetValue<DateTimeOffset>();
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromHours(23.9), TimeSpan.FromHours(24));

        await RaiseAlert();
        var received = await receiver.NextAsync();

        Assert.Equal(2, received.Header("webhook-signature").Split(' ').Length);
        Assert.True(WebhookVerifier.Verify(newSecret, received));
        Assert.True(WebhookVerifier.Verify(oldSecret, received));
        var events = await AllEvents();
        Assert.Contains(events, e => e.Data is MediaMonitor.Webhooks.SubscriptionSecretRotated);
        Assert.DoesNotContain(events, e => System.Text.Json.JsonSerializer.Serialize(e.Data).Contains(newSecret["whsec_".Length..]));
    }

    [Fact]
    public async Task rotating_the_secret_of_an_unknown_subscription_is_not_found()
    {
        var response = await PostJson($"/api/subscriptions/{Guid.NewGuid()}/rotate-secret", new { });
        await Json(response, HttpStatusCode.NotFound);
    }
}
