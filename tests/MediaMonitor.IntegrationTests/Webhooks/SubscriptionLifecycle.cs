using System.Net;

namespace MediaMonitor.IntegrationTests.Webhooks;

public sealed class SubscriptionLifecycle(AppFixture app) : WebhookTest(app)
{
    [Fact]
    public async Task a_paused_subscription_gets_nothing_until_resumed()
    {
        var receiver = await Receiver();
        await CreateWatchlist("Attacks", ("rocket attack", "en"));
        var (subscription, _) = await Subscribe(receiver.Url);

        var paused = await Json(await PostJson($"/api/subscriptions/{subscription}/pause", new { }), HttpStatusCode.OK);
        Assert.Equal("Paused", paused["state"]!.GetValue<string>());
        await RaiseAlert("A rocket attack hit the town.");
        await receiver.NothingMoreAsync(TimeSpan.FromSeconds(2));

        var resumed = await Json(await PostJson($"/api/subscriptions/{subscription}/resume", new { }), HttpStatusCode.OK);
        Assert.Equal("Active", resumed["state"]!.GetValue<string>());
        await RaiseAlert("Another rocket attack hit the port.");
        var received = await receiver.NextAsync();
        Assert.Contains("Another rocket attack", received.Text);
    }

    [Fact]
    public async Task a_deleted_subscription_gets_nothing_and_cannot_be_changed()
    {
        var receiver = await Receiver();
        await CreateWatchlist("Attacks", ("rocket attack", "en"));
        var (subscription, _) = await Subscribe(receiver.Url);

        var deleted = await Client().DeleteAsync($"/api/subscriptions/{subscription}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await RaiseAlert();
        await receiver.NothingMoreAsync(TimeSpan.FromSeconds(2));

        Assert.Equal("Deleted", (await Subscription(subscription))["state"]!.GetValue<string>());
        Assert.Empty((await Json(await Get("/api/subscriptions"), HttpStatusCode.OK)).AsArray());
        Assert.Single((await Json(await Get("/api/subscriptions?state=Deleted"), HttpStatusCode.OK)).AsArray());
        await Json(await PostJson($"/api/subscriptions/{subscription}/resume", new { }), HttpStatusCode.Conflict);
        await Json(await PostJson($"/api/subscriptions/{subscription}/rotate-secret", new { }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task subscriptions_need_the_admin_scope()
    {
        var read = await PostJson("/api/subscriptions", new { url = "https://hooks.example/x" }, AppFixture.ReadKey);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        var list = await Get("/api/subscriptions", AppFixture.IngestKey);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        var anonymous = await Get("/api/subscriptions", null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task an_unknown_subscription_or_delivery_is_not_found()
    {
        await Json(await Get($"/api/subscriptions/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await Json(await Get($"/api/subscriptions/{Guid.NewGuid()}/deliveries"), HttpStatusCode.NotFound);
        await Json(await Get($"/api/deliveries/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await Json(await PostJson($"/api/subscriptions/{Guid.NewGuid()}/pause", new { }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task unknown_fields_and_bad_query_values_are_refused()
    {
        await Json(await PostJson("/api/subscriptions", new { url = "https://hooks.example/x", secret = "mine" }), HttpStatusCode.BadRequest);
        var (subscription, _) = await Subscribe("http://127.0.0.1:9/hook");
        await Json(await Get($"/api/subscriptions/{subscription}/deliveries?status=Lost"), HttpStatusCode.BadRequest);
        await Json(await Get($"/api/subscriptions/{subscription}/deliveries?limit=0"), HttpStatusCode.BadRequest);
        await Json(await Get("/api/subscriptions?state=7"), HttpStatusCode.BadRequest);
    }
}
