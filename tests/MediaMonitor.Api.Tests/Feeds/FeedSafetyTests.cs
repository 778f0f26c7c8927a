using System.Diagnostics;
using System.Text;
using MediaMonitor.Feeds;

namespace MediaMonitor.Api.Tests.Feeds;

public sealed class FeedSafetyTests
{
    private static FeedDocument Parse(string text, string? contentType = null) =>
        FeedParser.Parse(Encoding.UTF8.GetBytes(text), contentType);

    [Fact]
    public void when_a_feed_uses_an_external_entity_the_file_is_never_read()
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "TOP-SECRET-CONTENT");
        try
        {
            var document = $"""
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>
                <rss version="2.0"><channel><title>t</title>
                <item><title>Safe item</title><link>https://a.example/1</link></item>
                <item><title>&xxe;</title><link>https://a.example/2</link></item>
                </channel></rss>
                """;

            var feed = Parse(document);

            var entry = Assert.Single(feed.Entries);
            Assert.Equal("Safe item", entry.Title);
            Assert.DoesNotContain(feed.Entries, e => e.Text.Contains("TOP-SECRET") || (e.Title ?? "").Contains("TOP-SECRET"));
            Assert.Contains(feed.Problems, p => p.Contains("xxe"));
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void when_a_billion_laughs_document_comes_it_fails_fast_without_expanding()
    {
        var entities = new StringBuilder("<!ENTITY lol \"lol\">");
        for (var i = 1; i <= 9; i++)
        {
            entities.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : i - 1)};", 10))}\">");
        }
        var document = $"<?xml version=\"1.0\"?><!DOCTYPE rss [{entities}]><rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>";
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<FeedFormatException>(() => Parse(document));

        Assert.True(clock.Elapsed < Limits.Hang, $"took {clock.Elapsed}");
        Assert.Contains("lol9", error.Message);
        Assert.StartsWith("The feed is not well-formed XML at line 1", error.Message);
    }

    [Fact]
    public void when_the_body_is_empty_or_blank_the_error_says_so()
    {
        Assert.Equal("The feed is empty: the address returned no content.",
            Assert.Throws<FeedFormatException>(() => FeedParser.Parse([], "application/rss+xml")).Message);
        Assert.Equal("The feed is empty: the address returned no content.",
            Assert.Throws<FeedFormatException>(() => Parse(" \r\n\t")).Message);
    }

    [Fact]
    public void when_an_html_page_comes_instead_of_a_feed_the_error_says_it_is_an_html_page()
    {
        var page = "<!DOCTYPE html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>";

        var error = Assert.Throws<FeedFormatException>(() => Parse(page, "text/html; charset=utf-8"));

        Assert.Equal("The address is an HTML page, not a feed: check that it is the feed's own address.", error.Message);
    }

    [Fact]
    public void when_a_text_html_answer_is_broken_markup_the_error_still_says_html_page()
    {
        var error = Assert.Throws<FeedFormatException>(() => Parse("<div><p>Login required</div>", "text/html"));

        Assert.Equal(FeedParser.HtmlPage, error.Message);
    }

    [Fact]
    public void when_a_feed_is_served_as_text_html_it_is_still_read()
    {
        var feed = Parse("<rss version=\"2.0\"><channel><title>t</title><item><title>Hello</title></item></channel></rss>", "text/html");

        Assert.Equal("Hello", Assert.Single(feed.Entries).Text);
    }

    [Fact]
    public void when_the_xml_is_malformed_before_any_item_the_error_gives_line_and_position()
    {
        var error = Assert.Throws<FeedFormatException>(() => Parse("<rss version=\"2.0\">\n<channel>\n<title>A & B</title>"));

        Assert.Equal("The feed is not well-formed XML at line 3, position 11 (An error occurred while parsing EntityName).", error.Message);
    }

    [Fact]
    public void when_the_json_is_malformed_the_error_gives_line_and_byte()
    {
        var error = Assert.Throws<FeedFormatException>(() => Parse("{\n  \"version\": \"https://jsonfeed.org/version/1.1\",\n  \"items\": [,]\n}"));

        Assert.Equal("The feed is not valid JSON at line 3, byte 13.", error.Message);
    }

    [Fact]
    public void when_json_is_not_a_json_feed_the_error_says_so()
    {
        var error = Assert.Throws<FeedFormatException>(() => Parse("""{"name":"not a feed","items":[]}"""));

        Assert.Equal("The document is JSON but not a JSON Feed (it has no jsonfeed.org \"version\").", error.Message);
    }

    [Fact]
    public void when_the_xml_root_is_not_a_feed_the_error_names_the_root()
    {
        var error = Assert.Throws<FeedFormatException>(() => Parse("<?xml version=\"1.0\"?><sitemap><url>x</url></sitemap>"));

        Assert.Equal("The document is XML with the root element <sitemap>, not an RSS, RDF or Atom feed.", error.Message);
    }
}
