namespace MediaMonitor.IntegrationTests.Feeds;

public sealed class FullTextFeeds(AppFixture app) : FeedTest(app)
{
    private const string Story =
        "Three rockets struck near Baghdad airport on Tuesday evening, security officials said. The attack caused no casualties. " +
        "It was the third such attack this month, and came days after talks on the withdrawal of foreign troops resumed in Washington.";

    [Fact]
    public async Task with_full_text_each_new_item_page_is_read_unless_robots_txt_forbids_it()
    {
        Site.Serve("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain");
        Site.Serve("/articles/1", $"""
            <html><head><title>Rockets near the airport</title><script>var ads = 1;</script></head><body>
            <nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <article><h1>Rockets near the airport</h1><p>{Story}</p><p>{Story}</p></article>
            <footer>Copyright News Example</footer></body></html>
            """, "text/html; charset=utf-8");
        Site.Serve("/private/2", $"<html><body><article><p>{Story}</p></article></body></html>", "text/html");
        Site.Serve("/rss", $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Wire</title><language>en</language>
            <item><title>Rockets near the airport</title><link>{Site.Url("/articles/1")}</link><description>Rockets struck.</description></item>
            <item><title>Members only</title><link>{Site.Url("/private/2")}</link><description>A summary only.</description></item>
            </channel></rss>
            """);

        await AddFeed("/rss", fullText: true);

        var articles = await Articles();
        var full = Assert.Single(articles, a => a.Title == "Rockets near the airport");
        Assert.Contains("third such attack this month", full.Body);
        Assert.DoesNotContain("var ads", full.Body);
        Assert.Equal("A summary only.", Assert.Single(articles, a => a.Title == "Members only").Body);
        Assert.Empty(Site.RequestsFor("/private/2"));
        Assert.Single(Site.RequestsFor("/robots.txt"));
    }

    [Fact]
    public async Task a_page_that_redirects_to_another_site_is_read_only_if_that_sites_robots_txt_allows_it()
    {
        await using var other = await FeedServer.StartAsync();
        other.Serve("/robots.txt", "User-agent: MediaMonitor-Feeds\nDisallow: /\n", "text/plain");
        other.Serve("/story", $"<html><body><article><p>{Story}</p><p>{Story}</p></article></body></html>", "text/html");
        Site.Fail("/go", 302, new Dictionary<string, string> { ["Location"] = other.Url("/story") });
        Site.Serve("/rss", $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Wire</title><language>en</language>
            <item><title>Elsewhere</title><link>{Site.Url("/go")}</link><description>The item's own words.</description></item>
            </channel></rss>
            """);

        await AddFeed("/rss", fullText: true);

        Assert.Equal("The item's own words.", Assert.Single(await Articles()).Body);
        Assert.Single(other.RequestsFor("/robots.txt"));
        Assert.Empty(other.RequestsFor("/story"));
    }
}
