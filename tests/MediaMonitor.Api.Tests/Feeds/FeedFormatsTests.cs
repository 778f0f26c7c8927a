using System.Security.Cryptography;
using System.Text;
using MediaMonitor.Feeds;
using MediaMonitor.Ingestion;

namespace MediaMonitor.Api.Tests.Feeds;

public sealed class FeedFormatsTests
{
    private const string Withdrawal = "أعلنت الحكومة العراقية اليوم أن انسحاب القوات الأمريكية من العراق سيكتمل قبل نهاية العام.";
    private const string Rockets = "سقطت ثلاثة صواريخ كاتيوشا قرب قاعدة عين الأسد الجوية في محافظة الأنبار دون وقوع إصابات.";

    private static FeedDocument Parse(string text, string? contentType = null) =>
        FeedParser.Parse(Encoding.UTF8.GetBytes(text), contentType);

    private static string Hash(string identity) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)).AsSpan(0, 16));

    private const string ArabicRss = $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel>
            <title>أخبار بغداد</title>
            <link>https://news.example.iq/</link>
            <language>ar-IQ</language>
            <item>
              <title>انسحاب القوات الأمريكية من العراق</title>
              <link>/politics/withdrawal-2011?utm_source=rss</link>
              <guid isPermaLink="false">baghdad-news-48213</guid>
              <pubDate>Sun, 18 Dec 2011 07:45:00 +0300</pubDate>
              <dc:creator>علي حسن</dc:creator>
              <description>ملخص قصير</description>
              <content:encoded><![CDATA[<p>{Withdrawal}</p><p>وقال المتحدث &amp; الوزير إن <b>الجنود</b> غادروا.</p>]]></content:encoded>
              <source url="https://wire.example.com/rss">وكالة الأنباء العراقية</source>
            </item>
            <item>
              <title>هجوم صاروخي على قاعدة عين الأسد</title>
              <link>https://news.example.iq/security/rockets</link>
              <pubDate>Mon, 06 Jan 2020 22:10:00 GMT</pubDate>
              <description>&lt;p&gt;{Rockets}&lt;/p&gt;</description>
            </item>
          </channel>
        </rss>
        """;

    [Fact]
    public void when_an_arabic_rss_2_feed_is_read_content_encoded_is_the_text_and_dc_creator_the_author()
    {
        var feed = Parse(ArabicRss);

        Assert.Equal("rss", feed.Format);
        Assert.Equal("أخبار بغداد", feed.Title);
        Assert.Equal("https://news.example.iq/", feed.Link);
        Assert.Equal("ar", feed.Lang);
        Assert.Equal(0, feed.Skipped);
        Assert.Empty(feed.Problems);
        var first = feed.Entries[0];
        Assert.Equal("انسحاب القوات الأمريكية من العراق", first.Title);
        Assert.Equal($"{Withdrawal}\n\nوقال المتحدث & الوزير إن الجنود غادروا.", first.Text);
        Assert.Equal("علي حسن", first.Author);
        Assert.Equal("وكالة الأنباء العراقية", first.Source);
        Assert.Equal("ar", first.Lang);
        Assert.Equal(new DateTimeOffset(2011, 12, 18, 4, 45, 0, TimeSpan.Zero), first.PublishedAt);
        Assert.Equal(TimeSpan.Zero, first.PublishedAt!.Value.Offset);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n\r\n")]
    [InlineData("\n<!-- generated in 12 ms -->\n")]
    public void when_a_feed_ends_with_a_newline_or_a_comment_after_its_root_it_is_read_whole(string tail)
    {
        var feed = Parse(ArabicRss + tail);

        Assert.Empty(feed.Problems);
        Assert.Equal("انسحاب القوات الأمريكية من العراق", feed.Entries[0].Title);
    }

    [Fact]
    public void when_an_rss_item_has_a_relative_link_it_is_resolved_against_the_feed_link()
    {
        var first = Parse(ArabicRss).Entries[0];

        Assert.Equal("https://news.example.iq/politics/withdrawal-2011?utm_source=rss", first.Url);
    }

    [Fact]
    public void when_an_item_has_a_guid_its_key_is_the_hashed_guid_else_the_hashed_canonical_link()
    {
        var feed = Parse(ArabicRss);

        Assert.Equal(Hash("baghdad-news-48213"), feed.Entries[0].Key);
        Assert.Equal(Hash(ArticleIntake.UrlKey("https://news.example.iq/security/rockets")!), feed.Entries[1].Key);
        Assert.Matches("^[0-9a-f]{32}$", feed.Entries[1].Key);
    }

    [Fact]
    public void when_an_rss_item_has_only_an_escaped_html_description_it_becomes_the_text()
    {
        var second = Parse(ArabicRss).Entries[1];

        Assert.Equal(Rockets, second.Text);
        Assert.Equal(new DateTimeOffset(2020, 1, 6, 22, 10, 0, TimeSpan.Zero), second.PublishedAt);
        Assert.Null(second.Author);
        Assert.Null(second.Source);
    }

    [Fact]
    public void when_an_atom_feed_has_xhtml_and_html_content_both_become_text_with_paragraphs()
    {
        var feed = Parse("""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-US">
              <title type="text">Gulf Security Wire</title>
              <link href="https://wire.example.com/"/>
              <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
              <updated>2020-01-08T03:00:00Z</updated>
              <entry>
                <title>Rockets hit near Al Asad air base</title>
                <link rel="alternate" type="text/html" href="https://wire.example.com/2020/01/rockets"/>
                <id>tag:wire.example.com,2020:rockets-1</id>
                <published>2020-01-08T01:30:00+03:00</published>
                <updated>2020-01-08T02:00:00Z</updated>
                <author><name>Jane Doe</name><email>jane@example.com</email></author>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Several rockets struck near the base.</p><p>No casualties were reported &amp; damage is being assessed.</p></div></content>
              </entry>
              <entry xml:lang="ar">
                <title>انسحاب القوات</title>
                <link href="https://wire.example.com/ar/withdrawal"/>
                <id>tag:wire.example.com,2011:withdrawal</id>
                <updated>2011-12-18T10:00:00Z</updated>
                <summary type="html">&lt;p&gt;غادر آخر الجنود الأمريكيين العراق.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</summary>
              </entry>
            </feed>
            """);

        Assert.Equal("atom", feed.Format);
        Assert.Equal("Gulf Security Wire", feed.Title);
        Assert.Equal("en", feed.Lang);
        Assert.Equal(2, feed.Entries.Count);
        var rockets = feed.Entries[0];
        Assert.Equal("Several rockets struck near the base.\n\nNo casualties were reported & damage is being assessed.", rockets.Text);
        Assert.Equal("https://wire.example.com/2020/01/rockets", rockets.Url);
        Assert.Equal("Jane Doe", rockets.Author);
        Assert.Equal(new DateTimeOffset(2020, 1, 7, 22, 30, 0, TimeSpan.Zero), rockets.PublishedAt);
        Assert.Equal("en", rockets.Lang);
        Assert.Equal(Hash("tag:wire.example.com,2020:rockets-1"), rockets.Key);
        var withdrawal = feed.Entries[1];
        Assert.Equal("غادر آخر الجنود الأمريكيين العراق.", withdrawal.Text);
        Assert.Equal(new DateTimeOffset(2011, 12, 18, 10, 0, 0, TimeSpan.Zero), withdrawal.PublishedAt);
        Assert.Equal("ar", withdrawal.Lang);
    }

    [Fact]
    public void when_a_json_feed_1_1_is_read_content_html_is_the_text_and_item_language_wins()
    {
        var feed = Parse($$"""
            {
              "version": "https://jsonfeed.org/version/1.1",
              "title": "Iraq Monitor",
              "home_page_url": "https://monitor.example.org/",
              "language": "en",
              "authors": [{ "name": "Desk" }],
              "items": [
                {
                  "id": "2011-12-18-withdrawal",
                  "url": "https://monitor.example.org/ar/2011/withdrawal",
                  "title": "انسحاب القوات الأمريكية من العراق",
                  "content_html": "<p>{{Withdrawal}}</p>",
                  "date_published": "2011-12-18T07:45:00+03:00",
                  "language": "ar-IQ",
                  "authors": [{ "name": "سارة كريم" }]
                },
                {
                  "id": 42,
                  "url": "https://monitor.example.org/en/rockets",
                  "title": "Rocket attack",
                  "content_text": "Two rockets landed inside the Green Zone on Sunday night.",
                  "date_published": "not a date"
                }
              ]
            }
            """);

        Assert.Equal("json", feed.Format);
        Assert.Equal("Iraq Monitor", feed.Title);
        Assert.Equal("https://monitor.example.org/", feed.Link);
        Assert.Equal("en", feed.Lang);
        Assert.Equal(2, feed.Entries.Count);
        var arabic = feed.Entries[0];
        Assert.Equal(Withdrawal, arabic.Text);
        Assert.Equal("ar", arabic.Lang);
        Assert.Equal("سارة كريم", arabic.Author);
        Assert.Equal(new DateTimeOffset(2011, 12, 18, 4, 45, 0, TimeSpan.Zero), arabic.PublishedAt);
        var english = feed.Entries[1];
        Assert.Equal("Two rockets landed inside the Green Zone on Sunday night.", english.Text);
        Assert.Equal(Hash("42"), english.Key);
        Assert.Null(english.PublishedAt);
        Assert.Equal("Desk", english.Author);
        Assert.Equal("en", english.Lang);
    }

    [Fact]
    public void when_an_rss_1_0_rdf_feed_is_read_dc_date_and_dc_creator_fill_the_entry()
    {
        var feed = Parse($"""
            <?xml version="1.0"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://rdf.example.net/">
                <title>أخبار الأنبار</title>
                <link>https://rdf.example.net/</link>
                <dc:language>ar</dc:language>
                <items><rdf:Seq><rdf:li rdf:resource="https://rdf.example.net/rockets"/></rdf:Seq></items>
              </channel>
              <item rdf:about="https://rdf.example.net/rockets">
                <title>صواريخ على عين الأسد</title>
                <link>https://rdf.example.net/rockets</link>
                <description>{Rockets}</description>
                <dc:date>2020-01-08T01:30:00+03:00</dc:date>
                <dc:creator>مراسل الأنبار</dc:creator>
              </item>
            </rdf:RDF>
            """);

        Assert.Equal("rdf", feed.Format);
        Assert.Equal("ar", feed.Lang);
        var entry = Assert.Single(feed.Entries);
        Assert.Equal(Rockets, entry.Text);
        Assert.Equal("مراسل الأنبار", entry.Author);
        Assert.Equal(new DateTimeOffset(2020, 1, 7, 22, 30, 0, TimeSpan.Zero), entry.PublishedAt);
        Assert.Equal("https://rdf.example.net/rockets", entry.Url);
        Assert.Equal("ar", entry.Lang);
    }

    [Theory]
    [InlineData("0.91")]
    [InlineData("0.92")]
    public void when_an_old_rss_0_9x_feed_is_read_its_items_come_out(string version)
    {
        var feed = Parse($"""
            <rss version="{version}">
              <channel>
                <title>Old Wire</title>
                <link>http://old.example.com/</link>
                <language>en-us</language>
                <item>
                  <title>Troops begin withdrawal</title>
                  <link>http://old.example.com/withdrawal.html</link>
                  <description>The first convoy crossed into Kuwait at dawn.</description>
                </item>
              </channel>
            </rss>
            """);

        Assert.Equal("rss", feed.Format);
        Assert.Equal("en", feed.Lang);
        var entry = Assert.Single(feed.Entries);
        Assert.Equal("The first convoy crossed into Kuwait at dawn.", entry.Text);
        Assert.Equal("http://old.example.com/withdrawal.html", entry.Url);
        Assert.Equal(Hash("http://old.example.com/withdrawal.html"), entry.Key);
    }

    [Fact]
    public void when_an_rss_2_feed_declares_the_media_namespace_its_items_still_have_text_and_author()
    {
        var feed = Parse("""
            <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel>
                <title>Video desk</title>
                <link>https://video.example.com/</link>
                <item>
                  <title>Convoy leaves Baghdad</title>
                  <link>https://video.example.com/convoy</link>
                  <description>Footage of the last convoy.</description>
                  <dc:creator>Video Desk</dc:creator>
                  <dc:date>2011-12-18T05:00:00Z</dc:date>
                  <media:content url="https://video.example.com/convoy.mp4" medium="video"/>
                </item>
              </channel>
            </rss>
            """);

        var entry = Assert.Single(feed.Entries);
        Assert.Equal("Footage of the last convoy.", entry.Text);
        Assert.Equal("Video Desk", entry.Author);
        Assert.Equal(new DateTimeOffset(2011, 12, 18, 5, 0, 0, TimeSpan.Zero), entry.PublishedAt);
        Assert.Null(entry.Lang);
    }
}
