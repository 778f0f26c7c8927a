using System.Net;

namespace MediaMonitor.IntegrationTests.Feeds;

public sealed class FailingFeeds(AppFixture app) : FeedTest(app)
{
    [Fact]
    public async Task failures_back_off_and_a_good_poll_recovers()
    {
        Site.Fail("/rss", 500);
        var id = (await AddFeed("/rss"))["id"]!.GetValue<Guid>();

        var first = await Feed(id);
        Assert.Equal(1, first["consecutiveFailures"]!.GetValue<int>());
        Assert.Equal("The server answered 500.", first["lastFailure"]!.GetValue<string>());
        Assert.Equal("Failed", first["lastPoll"]!["outcome"]!.GetValue<string>());
        Assert.Equal(TimeSpan.FromSeconds(Interval), Wait(first));

        await PollNow(id);
        var second = await Feed(id);
        Assert.Equal(2, second["consecutiveFailures"]!.GetValue<int>());
        Assert.Equal(TimeSpan.FromSeconds(2 * Interval), Wait(second));

        Site.Serve("/rss", TestFeeds.Rss(TestFeeds.ArabicItems));
        await PollNow(id);
        var recovered = await Feed(id);
        Assert.Equal(0, recovered["consecutiveFailures"]!.GetValue<int>());
        Assert.Null(recovered["lastFailure"]);
        Assert.Equal(TimeSpan.FromSeconds(Interval), Wait(recovered));
        Assert.Equal(2, (await Articles()).Count);
        Assert.Equal(["feed_added", "feed_failed", "feed_poll_requested", "feed_failed", "feed_poll_requested", "feed_polled"], await History(id));
    }

    [Fact]
    public async Task retry_after_on_a_503_is_honoured()
    {
        Site.Fail("/rss", 503, new Dictionary<string, string> { ["Retry-After"] = "7200" });
        var feed = await Feed((await AddFeed("/rss"))["id"]!.GetValue<Guid>());
        Assert.Equal(TimeSpan.FromSeconds(7200), Wait(feed));
    }

    [Theory]
    [InlineData("<html><head><title>Home</title></head><body><p>Welcome</p></body></html>", "text/html; charset=utf-8", "HTML")]
    [InlineData("<rss version=\"2.0\"><channel><title>Cut", "application/rss+xml", "line")]
    [InlineData("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [", "application/feed+json", "JSON")]
    [InlineData("{\"version\": \"https://jsonfeed.org/version/1.1\", \"version\": \"again\", \"items\": []}", "application/feed+json", "version")]
    public async Task a_document_that_is_no_feed_fails_the_poll_with_the_reason_and_keeps_the_schedule(string body, string contentType, string said)
    {
        Site.Serve("/feed", body, contentType);
        var feed = await Feed((await AddFeed("/feed"))["id"]!.GetValue<Guid>());

        Assert.Contains(said, feed["lastFailure"]!.GetValue<string>());
        Assert.Equal("Active", feed["state"]!.GetValue<string>());
        Assert.NotNull(feed["nextPollAt"]);
        Assert.Empty(await Articles());
    }

    [Fact]
    public async Task an_xml_external_entity_is_never_read()
    {
        Site.Serve("/xxe", """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <rss version="2.0"><channel><title>x</title><item><title>Leak &secret;</title><link>https://x.example/1</link>
            <description>Rocket attack near the base.</description></item></channel></rss>
            """);
        var feed = await Feed((await AddFeed("/xxe"))["id"]!.GetValue<Guid>());

        // The entity is not defined as far as the reader is concerned: the item is not taken, and the reason names it.
        Assert.Contains("secret", feed["lastFailure"]!.GetValue<string>());
        Assert.Empty(await Articles());
    }

    [Fact]
    public async Task a_feed_larger_than_the_limit_fails_without_being_read_whole()
    {
        Site.Serve("/big", new byte[6 * 1024 * 1024], "application/rss+xml");
        var feed = await Feed((await AddFeed("/big"))["id"]!.GetValue<Guid>());
        Assert.Contains("larger than 5 MiB", feed["lastFailure"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_feed_gone_for_good_is_paused_with_the_reason()
    {
        Site.Fail("/rss", 410);
        var feed = await Feed((await AddFeed("/rss"))["id"]!.GetValue<Guid>());

        Assert.Equal("Paused", feed["state"]!.GetValue<string>());
        Assert.Contains("410", feed["pausedReason"]!.GetValue<string>());
        Assert.Null(feed["nextPollAt"]);
    }

    [Fact]
    public async Task a_feed_that_moved_for_good_is_polled_at_its_new_address()
    {
        Site.Fail("/old", 301, new Dictionary<string, string> { ["Location"] = "/new" });
        Site.Serve("/new", TestFeeds.Rss(TestFeeds.ArabicItems));
        var id = (await AddFeed("/old"))["id"]!.GetValue<Guid>();

        var feed = await Feed(id);
        Assert.Equal(Site.Url("/new"), feed["url"]!.GetValue<string>());
        Assert.Equal(2, (await Articles()).Count);

        await PollNow(id);
        Assert.Equal("/new", Site.Requests[^1].Path);
        Assert.Single(Site.RequestsFor("/old"));
    }

    [Fact]
    public async Task the_complete_items_of_a_feed_cut_short_are_taken_and_the_break_is_reported()
    {
        var whole = TestFeeds.Rss(TestFeeds.ArabicItems);
        var cut = whole[..(whole.LastIndexOf("</item>", StringComparison.Ordinal) - 20)];
        Site.Serve("/rss", cut);
        var id = (await AddFeed("/rss"))["id"]!.GetValue<Guid>();

        Assert.Equal("https://news.example/ar-1", Assert.Single(await Articles()).Url);
        var polled = (await Json(await Get($"/api/feeds/{id}/history"), HttpStatusCode.OK)).AsArray()[^1]!;
        Assert.Equal("feed_polled", polled["type"]!.GetValue<string>());
        Assert.NotEmpty(polled["data"]!["problems"]!.AsArray());
    }

    [Fact]
    public async Task a_feed_failing_longer_than_the_pause_setting_is_paused_with_the_reason()
    {
        using var _ = Setting("MediaMonitor:Feeds", "PauseAfter", "00:00:00.001", restoreTo: "7.00:00:00");
        Site.Fail("/rss", 502);
        var id = (await AddFeed("/rss"))["id"]!.GetValue<Guid>();
        Assert.Equal("Active", (await Feed(id))["state"]!.GetValue<string>());

        await PollNow(id);

        var feed = await Feed(id);
        Assert.Equal("Paused", feed["state"]!.GetValue<string>());
        Assert.Contains("The server answered 502.", feed["pausedReason"]!.GetValue<string>());
        Assert.Null(feed["nextPollAt"]);
    }

    [Fact]
    public async Task a_body_that_does_not_decompress_fails_the_poll_and_keeps_the_schedule()
    {
        Site.Serve("/rss", [0x1f, 0x8b, 0x08, 0x00, 0x42, 0x42, 0x42, 0x42, 0x42, 0x42], "application/rss+xml",
            new Dictionary<string, string> { ["Content-Encoding"] = "gzip" });
        var feed = await Feed((await AddFeed("/rss"))["id"]!.GetValue<Guid>());

        Assert.Equal(1, feed["consecutiveFailures"]!.GetValue<int>());
        Assert.NotNull(feed["nextPollAt"]);
    }

    [Fact]
    public async Task a_permanent_redirect_to_an_address_that_fails_moves_nothing()
    {
        Site.Fail("/old", 301, new Dictionary<string, string> { ["Location"] = "/missing" });
        var feed = await Feed((await AddFeed("/old"))["id"]!.GetValue<Guid>());

        Assert.Equal(Site.Url("/old"), feed["url"]!.GetValue<string>());
        Assert.Equal("The server answered 404.", feed["lastFailure"]!.GetValue<string>());
    }

    private static TimeSpan Wait(System.Text.Json.Nodes.JsonNode feed) =>
        feed["nextPollAt"]!.GetValue<DateTimeOffset>() - feed["lastPoll"]!["at"]!.GetValue<DateTimeOffset>();
}
