using System.Net;
using System.Text;

namespace MediaMonitor.IntegrationTests.Feeds;

public sealed class PollingFeeds(AppFixture app) : FeedTest(app)
{
    [Fact]
    public async Task an_added_arabic_feed_is_polled_at_once_and_its_items_become_articles_that_raise_alerts()
    {
        var watchlist = await CreateWatchlist("Withdrawal", ("انسحاب القوات", "ar"));
        Site.Serve("/rss", TestFeeds.Rss(TestFeeds.ArabicItems));

        var added = await AddFeed("/rss");
        var id = added["id"]!.GetValue<Guid>();

        var articles = await Articles();
        Assert.Equal(2, articles.Count);
        var withdrawal = Assert.Single(articles, a => a.Url == "https://news.example/ar-1");
        Assert.Equal("ar", withdrawal.Lang);
        Assert.Equal("Test site", withdrawal.Source);
        Assert.Equal(new DateTimeOffset(2021, 4, 6, 9, 30, 0, TimeSpan.Zero), withdrawal.PublishedAt);
        Assert.Contains("انسحاب القوات", withdrawal.Body);
        Assert.DoesNotContain("track()", withdrawal.Body);
        var alert = Assert.Single(await Alerts());
        Assert.Equal((watchlist, withdrawal.Id), (alert.WatchlistId, alert.ArticleId));

        var feed = await Feed(id);
        Assert.Equal((2, 2, 0), (feed["itemsSeen"]!.GetValue<int>(), feed["articlesCreated"]!.GetValue<int>(), feed["consecutiveFailures"]!.GetValue<int>()));
        Assert.Equal("NewItems", feed["lastPoll"]!["outcome"]!.GetValue<string>());
        var nextPoll = feed["nextPollAt"]!.GetValue<DateTimeOffset>();
        Assert.InRange(nextPoll - feed["lastPoll"]!["at"]!.GetValue<DateTimeOffset>(), TimeSpan.FromSeconds(Interval - 1), TimeSpan.FromSeconds(Interval + 1));
        Assert.Equal(["feed_added", "feed_polled"], await History(id));
        var request = Assert.Single(Site.Requests);
        Assert.StartsWith("MediaMonitor-Feeds/", request.UserAgent);
        Assert.Contains("br", request.AcceptEncoding);
    }

    [Fact]
    public async Task a_second_poll_answered_304_appends_nothing_and_is_counted_as_not_modified()
    {
        Site.Serve("/rss", TestFeeds.Rss(TestFeeds.ArabicItems));
        var id = (await AddFeed("/rss"))["id"]!.GetValue<Guid>();
        var before = await AllEvents();
        var notModified = await NotModifiedPolls();

        await PollNow(id);

        Assert.Equal(notModified + 1, await NotModifiedPolls());

        var second = Site.Requests[^1];
        Assert.NotNull(second.IfNoneMatch);
        var after = await AllEvents();
        // The poll asked for is the only event: the 304 itself appended nothing.
        Assert.Equal("FeedPollRequested", Assert.Single(after.Skip(before.Count)).EventType.Name);
        Assert.Equal("NotModified", (await Feed(id))["lastPoll"]!["outcome"]!.GetValue<string>());
        Assert.Equal(2, (await Articles()).Count);
    }

    [Fact]
    public async Task a_new_version_with_one_new_item_appends_one_article_and_skips_the_items_seen()
    {
        Site.Serve("/rss", TestFeeds.Rss(TestFeeds.ArabicItems));
        var id = (await AddFeed("/rss"))["id"]!.GetValue<Guid>();

        Site.Serve("/rss", TestFeeds.Rss([TestFeeds.NewArabicItem, .. TestFeeds.ArabicItems]));
        await PollNow(id);

        var articles = await Articles();
        Assert.Equal(3, articles.Count);
        Assert.Equal("https://news.example/ar-3", articles[^1].Url);
        var feed = await Feed(id);
        Assert.Equal((3, 3), (feed["itemsSeen"]!.GetValue<int>(), feed["articlesCreated"]!.GetValue<int>()));
        var polled = (await Json(await Get($"/api/feeds/{id}/history"), HttpStatusCode.OK)).AsArray()[^1]!["data"]!;
        Assert.Equal((3, 1, 0), (polled["items"]!.GetValue<int>(), polled["articlesCreated"]!.GetValue<int>(), polled["duplicates"]!.GetValue<int>()));
    }

    [Fact]
    public async Task atom_and_json_feeds_become_english_articles()
    {
        Site.Serve("/atom", TestFeeds.Atom, "application/atom+xml");
        Site.Serve("/json", TestFeeds.JsonFeed, "application/feed+json");

        await AddFeed("/atom");
        await AddFeed("/json");

        var articles = await Articles();
        Assert.Equal(["https://wire.example/rocket-attack", "https://wire.example/json-1"], articles.Select(a => a.Url));
        Assert.All(articles, a => Assert.Equal("en", a.Lang));
        Assert.Equal("Three rockets struck near Baghdad airport on Tuesday, officials said.", articles[0].Body);
        Assert.Equal("Troop withdrawal talks resume", articles[1].Title);
    }

    [Fact]
    public async Task a_feed_in_windows_1256_is_read_in_its_declared_encoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var xml = TestFeeds.Rss(TestFeeds.NewArabicItem).Replace("encoding=\"UTF-8\"", "encoding=\"windows-1256\"");
        Site.Serve("/cp1256", Encoding.GetEncoding(1256).GetBytes(xml), "application/rss+xml");

        await AddFeed("/cp1256");

        Assert.Equal("سقوط صواريخ قرب مطار بغداد", Assert.Single(await Articles()).Title);
    }

    private async Task<double> NotModifiedPolls()
    {
        var page = await (await Client(key: null).GetAsync("/metrics")).Content.ReadAsStringAsync();
        var line = page.Split('\n').FirstOrDefault(l => l.StartsWith("mediamonitor_feed_polls_total{", StringComparison.Ordinal) && l.Contains("outcome=\"not_modified\""));
        return line is null ? 0 : double.Parse(line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }
}
