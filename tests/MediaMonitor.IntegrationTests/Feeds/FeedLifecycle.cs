using System.Net;
using MediaMonitor.Feeds;
using Wolverine;
using Wolverine.Tracking;

namespace MediaMonitor.IntegrationTests.Feeds;

public sealed class FeedLifecycle(AppFixture app) : FeedTest(app)
{
    [Fact]
    public async Task a_paused_feed_is_not_polled_and_resuming_polls_it_at_once()
    {
        Site.Serve("/rss", TestFeeds.Rss(TestFeeds.ArabicItems));
        var id = (await AddFeed("/rss"))["id"]!.GetValue<Guid>();
        var paused = await Json(await PostJson($"/api/feeds/{id}/pause", new { }), HttpStatusCode.OK);
        Assert.Equal("Paused", paused["state"]!.GetValue<string>());
        Assert.Null(paused["nextPollAt"]);

        // The poll scheduled before the pause falls due: it finds the feed paused and fetches nothing.
        await using var session = App.Store.QuerySession();
        var generation = (await session.LoadAsync<Feed>(id))!.Generation;
        await App.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).ExecuteAndWaitAsync((Func<IMessageContext, Task>)(bus => bus.PublishAsync(new PollFeed(id, generation)).AsTask()));
        Assert.Single(Site.Requests);
        await Json(await PostJson($"/api/feeds/{id}/poll", new { }), HttpStatusCode.Conflict);

        Site.Serve("/rss", TestFeeds.Rss([TestFeeds.NewArabicItem, .. TestFeeds.ArabicItems]));
        await Tracked(async () => await Json(await PostJson($"/api/feeds/{id}/resume", new { }), HttpStatusCode.OK));
        Assert.Equal(2, Site.Requests.Count);
        Assert.Equal(3, (await Articles()).Count);
    }

    [Fact]
    public async Task a_poll_of_an_older_schedule_is_dropped()
    {
        Site.Serve("/rss", TestFeeds.Rss(TestFeeds.ArabicItems));
        var id = (await AddFeed("/rss"))["id"]!.GetValue<Guid>();
        await PollNow(id);
        var requests = Site.Requests.Count;

        await App.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).ExecuteAndWaitAsync((Func<IMessageContext, Task>)(bus => bus.PublishAsync(new PollFeed(id, 1)).AsTask()));

        Assert.Equal(requests, Site.Requests.Count);
    }

    [Fact]
    public async Task a_deleted_feed_is_kept_for_the_record_and_its_url_may_be_added_again()
    {
        Site.Serve("/rss", TestFeeds.Rss(TestFeeds.ArabicItems));
        var id = (await AddFeed("/rss"))["id"]!.GetValue<Guid>();
        await Json(await PostJson("/api/feeds", new { url = Site.Url("/rss") }), HttpStatusCode.Conflict);

        Assert.Equal(HttpStatusCode.NoContent, (await Client().DeleteAsync($"/api/feeds/{id}")).StatusCode);

        Assert.Equal("Deleted", (await Feed(id))["state"]!.GetValue<string>());
        Assert.Empty((await Json(await Get("/api/feeds"), HttpStatusCode.OK)).AsArray());
        await Json(await PostJson($"/api/feeds/{id}/resume", new { }), HttpStatusCode.Conflict);
        await AddFeed("/rss");
        Assert.Equal(2, (await Articles()).Count);
    }

    [Fact]
    public async Task two_adds_of_one_url_at_once_make_one_feed()
    {
        Site.Serve("/rss", TestFeeds.Rss(TestFeeds.ArabicItems));
        var answers = Array.Empty<HttpResponseMessage>();
        await Tracked(async () => answers = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => PostJson("/api/feeds", new { url = Site.Url("/rss"), intervalSeconds = Interval }))));

        Assert.Equal(HttpStatusCode.Created, Assert.Single(answers, a => a.StatusCode != HttpStatusCode.Conflict).StatusCode);
        Assert.Single((await Json(await Get("/api/feeds"), HttpStatusCode.OK)).AsArray());
    }

    [Theory]
    [InlineData("ftp://news.example/rss", null, "url")]
    [InlineData("not a url", null, "url")]
    [InlineData("http://127.0.0.1:9/rss", 100_000, "intervalSeconds")]
    public async Task a_feed_with_bad_settings_is_refused_with_the_field(string url, int? intervalSeconds, string field)
    {
        var problem = await Json(await PostJson("/api/feeds", new { url, intervalSeconds }), HttpStatusCode.UnprocessableEntity);
        Assert.NotNull(problem["errors"]![field]);
        Assert.Empty(await AllEvents());
    }

    [Fact]
    public async Task a_feed_needs_the_admin_scope_and_an_unknown_one_is_not_found()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await PostJson("/api/feeds", new { url = "https://news.example/rss" }, AppFixture.IngestKey)).StatusCode);
        await Json(await Get($"/api/feeds/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await Json(await PostJson($"/api/feeds/{Guid.NewGuid()}/pause", new { }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task feeds_follow_the_one_outbound_policy_and_the_webhook_settings_still_count()
    {
        using (Setting("MediaMonitor:Webhooks", "AllowPrivateNetworks", "false", restoreTo: "true"))
        {
            var problem = await Json(await PostJson("/api/feeds", new { url = Site.Url("/rss") }), HttpStatusCode.UnprocessableEntity);
            Assert.Contains("loopback", problem["errors"]!["url"]![0]!.GetValue<string>());

            using (Setting("MediaMonitor:Outbound", "AllowPrivateNetworks", "true", restoreTo: "false"))
            {
                Site.Serve("/rss", TestFeeds.Rss(TestFeeds.ArabicItems));
                await AddFeed("/rss");
                Assert.Equal(2, (await Articles()).Count);
            }
        }
    }
}
