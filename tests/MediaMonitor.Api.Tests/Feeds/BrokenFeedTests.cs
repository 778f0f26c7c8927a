using System.Diagnostics;
using System.Text;
using MediaMonitor.Feeds;

namespace MediaMonitor.Api.Tests.Feeds;

public sealed class BrokenFeedTests
{
    private static FeedDocument Parse(string text) => FeedParser.Parse(Encoding.UTF8.GetBytes(text), "application/rss+xml");

    private static string Item(int n) =>
        $"<item><title>Rocket attack {n}</title><link>https://news.example.com/{n}</link><description>Report {n}.</description></item>";

    [Fact]
    public void when_items_lack_link_text_or_a_valid_date_each_is_taken_on_its_own()
    {
        var feed = Parse("""
            <rss version="2.0"><channel><title>Wire</title><link>https://news.example.com/</link>
              <item><title>Title only: troops leave Baghdad</title></item>
              <item><description>Text only, no title or link.</description><pubDate>yesterday-ish</pubDate></item>
              <item><link>https://news.example.com/empty</link><guid></guid></item>
              <item><title>Bad date</title><pubDate>Sun, 45 Foo 2011 99:99:99 XYZ</pubDate><link>javascript:alert(1)</link></item>
              <item><title>Good</title><pubDate>Sun, 18 Dec 2011 07:45:00 EST</pubDate><link>ftp://files.example.com/x</link></item>
            </channel></rss>
            """);

        Assert.Equal(["Title only: troops leave Baghdad", "Text only, no title or link.", "Bad date", "Good"], feed.Entries.Select(e => e.Text));
        Assert.Equal(1, feed.Skipped);
        Assert.All(feed.Entries, e => Assert.Null(e.Url));
        Assert.Null(feed.Entries[1].Title);
        Assert.Null(feed.Entries[1].PublishedAt);
        Assert.Null(feed.Entries[2].PublishedAt);
        Assert.Equal(new DateTimeOffset(2011, 12, 18, 12, 45, 0, TimeSpan.Zero), feed.Entries[3].PublishedAt);
    }

    [Fact]
    public void when_an_item_has_no_guid_nor_link_its_key_comes_from_title_and_text()
    {
        var feed = Parse("""
            <rss version="2.0"><channel><title>Wire</title>
              <item><title>Same</title><description>One</description></item>
              <item><title>Same</title><description>Two</description></item>
              <item><title>Same</title><description>One</description></item>
            </channel></rss>
            """);

        Assert.NotEqual(feed.Entries[0].Key, feed.Entries[1].Key);
        Assert.Equal(feed.Entries[0].Key, feed.Entries[2].Key);
    }

    [Fact]
    public void when_the_xml_is_truncated_after_complete_items_they_are_kept_and_the_break_reported()
    {
        var document = $"<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Wire</title>\n{Item(1)}\n{Item(2)}\n<item><title>Rocket att";

        var feed = Parse(document);

        Assert.Equal(["Report 1.", "Report 2."], feed.Entries.Select(e => e.Text));
        Assert.Equal(1, feed.Skipped);
        var problem = Assert.Single(feed.Problems);
        Assert.StartsWith("The feed breaks at line 5", problem);
    }

    [Fact]
    public void when_a_stray_ampersand_breaks_an_item_the_items_before_it_are_kept()
    {
        var document = $"<rss version=\"2.0\"><channel><title>Wire</title>\n{Item(1)}\n<item><title>Q & A</title></item>\n{Item(3)}</channel></rss>";

        var feed = Parse(document);

        Assert.Equal("Report 1.", Assert.Single(feed.Entries).Text);
        Assert.Equal("The feed breaks at line 3, position 17 (An error occurred while parsing EntityName); the items before the break were read.",
            Assert.Single(feed.Problems));
    }

    [Fact]
    public void when_an_atom_feed_breaks_with_a_bad_tag_the_entries_before_are_kept()
    {
        var feed = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
              <entry><id>a</id><title>First</title><summary>Troops withdrew.</summary></entry>
              <entry><id>b</id><title>Second</title><summary>Broken</summry></entry>
            </feed>
            """);

        Assert.Equal("atom", feed.Format);
        Assert.Equal("Troops withdrew.", Assert.Single(feed.Entries).Text);
        Assert.Single(feed.Problems);
    }

    [Fact]
    public void when_a_feed_lists_100000_items_the_first_thousand_are_read_quickly_and_the_rest_counted()
    {
        var document = new StringBuilder("<rss version=\"2.0\"><channel><title>Big</title>");
        for (var i = 0; i < 100_000; i++) document.Append(Item(i));
        document.Append("</channel></rss>");
        var clock = Stopwatch.StartNew();

        var feed = Parse(document.ToString());

        Assert.True(clock.Elapsed < Limits.Hang, $"took {clock.Elapsed}");
        Assert.Equal(FeedParser.MaxEntries, feed.Entries.Count);
        Assert.Equal("Report 999.", feed.Entries[^1].Text);
        Assert.Equal(99_000, feed.Skipped);
        Assert.Equal("The feed listed 100,000 items; only the first 1,000 were read.", Assert.Single(feed.Problems));
    }

    [Fact]
    public void when_a_json_feed_lists_more_items_than_the_limit_the_rest_are_counted()
    {
        var items = string.Join(",", Enumerable.Range(0, 1_500).Select(i => $"{{\"id\":\"{i}\",\"content_text\":\"Item {i}\"}}"));

        var feed = Parse($"{{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"Big\",\"items\":[{items}]}}");

        Assert.Equal(FeedParser.MaxEntries, feed.Entries.Count);
        Assert.Equal(500, feed.Skipped);
        Assert.Equal("The feed listed 1,500 items; only the first 1,000 were read.", Assert.Single(feed.Problems));
    }

    [Fact]
    public void when_json_feed_items_lack_an_id_or_any_text_they_are_skipped()
    {
        var feed = Parse("""
            {"version":"https://jsonfeed.org/version/1","items":[
              {"id":"1","content_text":"Kept"},
              {"content_text":"No id"},
              {"id":"3"}
            ]}
            """);

        Assert.Equal("Kept", Assert.Single(feed.Entries).Text);
        Assert.Equal(2, feed.Skipped);
    }
}
