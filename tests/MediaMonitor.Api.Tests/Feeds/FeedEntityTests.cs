using System.Text;
using MediaMonitor.Feeds;

namespace MediaMonitor.Api.Tests.Feeds;

public sealed class FeedEntityTests
{
    private const string Netscape091 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
        <rss version="0.91"><channel><title>Le Monde&nbsp;international</title><link>https://monde.example/</link><language>en</language>
        <item><title>Caf&eacute; talks on troop withdrawal</title><link>https://monde.example/1</link>
          <description>Officials met in a caf&eacute;&nbsp;&mdash; again.</description></item>
        <item><title>Second item</title><link>https://monde.example/2</link><description>Rocket attack near the base.</description></item>
        </channel></rss>
        """;

    [Fact]
    public void when_an_rss_0_91_feed_uses_html_entities_its_dtd_would_define_every_item_is_read_with_them_decoded()
    {
        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes(Netscape091), "application/rss+xml");

        Assert.Empty(feed.Problems);
        Assert.Equal(2, feed.Entries.Count);
        Assert.Equal("Café talks on troop withdrawal", feed.Entries[0].Title);
        // The text is plain text: a no-break space is a space in it.
        Assert.Equal("Officials met in a café — again.", feed.Entries[0].Text);
    }

    [Fact]
    public void when_a_windows_1256_feed_uses_html_entities_the_arabic_text_around_them_is_intact()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var xml = "<?xml version=\"1.0\" encoding=\"windows-1256\"?><rss version=\"2.0\"><channel><title>أخبار</title>" +
                  "<item><title>انسحاب&nbsp;القوات</title><link>https://news.example/1</link><description>قال المتحدث&hellip;</description></item></channel></rss>";

        var feed = FeedParser.Parse(Encoding.GetEncoding(1256).GetBytes(xml), "application/rss+xml");

        Assert.Equal("انسحاب القوات", feed.Entries.Single().Title);
        Assert.Equal("قال المتحدث…", feed.Entries.Single().Text);
    }

    [Fact]
    public void an_entity_html_does_not_know_is_still_refused()
    {
        var xml = "<rss version=\"2.0\"><channel><title>x</title><item><title>&secret;</title><link>https://x.example/1</link></item></channel></rss>";
        var error = Assert.Throws<FeedFormatException>(() => FeedParser.Parse(Encoding.UTF8.GetBytes(xml), "application/rss+xml"));
        Assert.Contains("secret", error.Message);
    }
}
