using System.Net;

namespace MediaMonitor.IntegrationTests.Webhooks;

public sealed class RetriedDeliveries(AppFixture app) : WebhookTest(app)
{
    private static TestReceiver.Answer Status(int code, params (string, string)[] headers) =>
        new(code, headers.ToDictionary(h => h.Item1, h => h.Item2));

    [Fact]
    public async Task when_the_endpoint_fails_twice_it_gets_the_alert_once_it_recovers_with_the_same_webhook_id()
    {
        var receiver = await Receiver(Status(500), new TestReceiver.Answer(503, Body: "down for maintenance"));
        await CreateWatchlist("Attacks", ("rocket attack", "en"));
        var (subscription, secret) = await Subscribe(receiver.Url);

        await RaiseAlert();
        var first = await receiver.NextAsync();
        var second = await receiver.NextAsync();
        var third = await receiver.NextAsync();

        Assert.Equal(first.Header("webhook-id"), second.Header("webhook-id"));
        Assert.Equal(first.Header("webhook-id"), third.Header("webhook-id"));
        Assert.Equal(first.Text, third.Text);
        Assert.True(WebhookVerifier.Verify(secret, third));
        var delivery = await Delivery(subscription, d => d["status"]!.GetValue<string>() == "Delivered", "the delivery to succeed");
        var attempts = delivery["attempts"]!.AsArray();
        Assert.Equal([500, 503, 200], attempts.Select(a => a!["statusCode"]!.GetValue<int>()));
        Assert.Equal(["WillRetry", "WillRetry", "Delivered"], attempts.Select(a => a!["outcome"]!.GetValue<string>()));
        Assert.Equal("down for maintenance", attempts[1]!["responseExcerpt"]!.GetValue<string>());
        await receiver.NothingMoreAsync(TimeSpan.FromSeconds(1.5));
    }

    [Fact]
    public async Task when_the_endpoint_answers_410_the_subscription_is_disabled_at_once()
    {
        var receiver = await Receiver(Status(410));
        await CreateWatchlist("Attacks", ("rocket attack", "en"));
        var (subscription, _) = await Subscribe(receiver.Url);

        await RaiseAlert();
        await receiver.NextAsync();

        await Delivery(subscription, d => d["status"]!.GetValue<string>() == "Failed", "the delivery to fail");
        await Eventually(async () => (await Subscription(subscription))["state"]!.GetValue<string>() == "Disabled", "the subscription to be disabled");
        Assert.Contains("410", (await Subscription(subscription))["disabledReason"]!.GetValue<string>());

        await RaiseAlert("Another rocket attack hit the port.");
        await receiver.NothingMoreAsync(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task when_the_endpoint_answers_429_with_retry_after_the_next_attempt_waits_that_long()
    {
        // The test schedule retries after 0.2 s; Retry-After asks for 2 s.
        var receiver = await Receiver(Status(429, ("Retry-After", "2")));
        await CreateWatchlist("Attacks", ("rocket attack", "en"));
        await Subscribe(receiver.Url);

        await RaiseAlert();
        var limited = await receiver.NextAsync();
        var retried = await receiver.NextAsync();

        Assert.True(retried.At - limited.At >= TimeSpan.FromSeconds(1.9), $"retried after {(retried.At - limited.At).TotalSeconds:0.00} s");
        Assert.Equal(limited.Header("webhook-id"), retried.Header("webhook-id"));
    }

    [Fact]
    public async Task when_deliveries_keep_failing_longer_than_the_disable_period_the_subscription_is_disabled_with_the_reason()
    {
        using var _ = Setting("DisableAfter", "00:00:01", restoreTo: "5.00:00:00");
        using var __ = Setting("RetrySchedule", "00:00:01,00:00:01,00:00:01,00:00:01,00:00:01,00:00:01", restoreTo: AppFixture.RetrySchedule);
        var receiver = await Receiver(Enumerable.Repeat(Status(500), 10).ToArray());
        await CreateWatchlist("Attacks", ("rocket attack", "en"));
        var (subscription, _) = await Subscribe(receiver.Url);

        await RaiseAlert();

        await Eventually(async () => (await Subscription(subscription))["state"]!.GetValue<string>() == "Disabled", "the subscription to be disabled");
        Assert.StartsWith("Every delivery has failed since", (await Subscription(subscription))["disabledReason"]!.GetValue<string>());
    }

    [Fact]
    public async Task when_every_attempt_fails_the_delivery_is_failed_and_stays_visible()
    {
        var receiver = await Receiver(Status(500), Status(500), Status(500), Status(500));
        await CreateWatchlist("Attacks", ("rocket attack", "en"));
        var (subscription, _) = await Subscribe(receiver.Url);

        await RaiseAlert();

        var delivery = await Delivery(subscription, d => d["status"]!.GetValue<string>() == "Failed", "the delivery to fail");
        Assert.Equal(4, delivery["attempts"]!.AsArray().Count);   // the first and the three retries of the test schedule
        Assert.Equal("Failed", delivery["attempts"]![3]!["outcome"]!.GetValue<string>());
        var failed = await Json(await Get($"/api/subscriptions/{subscription}/deliveries?status=Failed"), HttpStatusCode.OK);
        Assert.Single(failed["items"]!.AsArray());
        var delivered = await Json(await Get($"/api/subscriptions/{subscription}/deliveries?status=Delivered"), HttpStatusCode.OK);
        Assert.Empty(delivered["items"]!.AsArray());
        await Eventually(async () => (await Subscription(subscription))["health"]!["failedAttempts"]!.GetValue<int>() == 4,
            "the subscription's health to count the failures");
    }

    [Fact]
    public async Task when_a_2xx_answer_is_cut_short_the_delivery_still_counts_as_delivered_once()
    {
        var receiver = await Receiver(new TestReceiver.Answer(200, new Dictionary<string, string> { ["Content-Length"] = "100" }, Body: "short"));
        await CreateWatchlist("Attacks", ("rocket attack", "en"));
        var (subscription, _) = await Subscribe(receiver.Url);

        await RaiseAlert();
        await receiver.NextAsync();

        var delivery = await Delivery(subscription, d => d["status"]!.GetValue<string>() == "Delivered", "the delivery");
        Assert.Single(delivery["attempts"]!.AsArray());
        await receiver.NothingMoreAsync(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task a_subscription_resumed_after_being_disabled_starts_a_clean_record()
    {
        // Disabled after 3 s of failures; one failure just after resuming must not count the failures before.
        using (Setting("DisableAfter", "00:00:03", restoreTo: "5.00:00:00"))
        using (Setting("RetrySchedule", "00:00:01,00:00:01,00:00:01,00:00:01,00:00:01,00:00:01", restoreTo: AppFixture.RetrySchedule))
        {
            var receiver = await Receiver(Enumerable.Repeat(Status(500), 10).ToArray());
            await CreateWatchlist("Attacks", ("rocket attack", "en"));
            var (subscription, _) = await Subscribe(receiver.Url);
            await RaiseAlert();
            await Eventually(async () => (await Subscription(subscription))["state"]!.GetValue<string>() == "Disabled", "the subscription to be disabled");
            await Delivery(subscription, d => d["status"]!.GetValue<string>() != "Pending", "the first delivery to be settled");

            await Json(await PostJson($"/api/subscriptions/{subscription}/resume", new { }), HttpStatusCode.OK);
            await Eventually(async () => (await Subscription(subscription))["health"]!["failingSince"] is null, "the health record to restart");
            var alert = Assert.Single(await RaiseAlert("Another rocket attack hit the port."))!["alertId"]!.GetValue<Guid>();

            await Delivery(subscription, d => d["alertId"]!.GetValue<Guid>() == alert && d["attempts"]!.AsArray().Count > 0, "a failed attempt after resuming");
            Assert.Equal("Active", (await Subscription(subscription))["state"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task a_subscription_deleted_while_an_attempt_is_under_way_stays_deleted_whatever_the_answer()
    {
        var receiver = await Receiver(new TestReceiver.Answer(410, Delay: TimeSpan.FromSeconds(1)));
        await CreateWatchlist("Attacks", ("rocket attack", "en"));
        var (subscription, _) = await Subscribe(receiver.Url);

        await RaiseAlert();
        await receiver.InHandAsync();   // the attempt is waiting for its answer
        Assert.Equal(HttpStatusCode.NoContent, (await Client().DeleteAsync($"/api/subscriptions/{subscription}")).StatusCode);
        await receiver.NextAsync();

        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal("Deleted", (await Subscription(subscription))["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task when_the_endpoint_does_not_answer_in_time_the_attempt_is_a_timeout()
    {
        var receiver = await Receiver(new TestReceiver.Answer(200, Delay: TimeSpan.FromSeconds(3)));
        await CreateWatchlist("Attacks", ("rocket attack", "en"));
        var (subscription, _) = await Subscribe(receiver.Url);

        await RaiseAlert();

        var delivery = await Delivery(subscription, d => d["attempts"]!.AsArray().Count >= 2, "a retry after the timeout");
        var first = delivery["attempts"]![0]!;
        Assert.Null(first["statusCode"]);
        Assert.Contains("No answer within 2 s", first["error"]!.GetValue<string>());
    }
}
