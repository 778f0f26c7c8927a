using System.Text;
using MediaMonitor.Feeds;

namespace MediaMonitor.Api.Tests.Feeds;

public sealed class OpmlTests
{
    private static IReadOnlyList<OpmlOutline> Parse(string text) => Opml.Parse(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void when_outlines_are_nested_each_feed_has_the_titles_of_its_containers_as_category()
    {
        var outlines = Parse("""
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0">
              <head><title>Iraq sources</title></head>
              <body>
                <outline type="rss" text="Top level" xmlUrl="https://top.example.com/rss"/>
                <outline text="العراق">
                  <outline text="بغداد" type="rss" xmlUrl="https://baghdad.example.iq/rss" language="ar"/>
                  <outline title="Security">
                    <outline title="Anbar wire" xmlUrl="https://anbar.example.com/feed"/>
                  </outline>
                </outline>
                <outline text="Empty container"/>
              </body>
            </opml>
            """);

        Assert.Equal(
        [
            new OpmlOutline("https://top.example.com/rss", "Top level", null, null),
            new OpmlOutline("https://baghdad.example.iq/rss", "بغداد", "ar", "العراق"),
            new OpmlOutline("https://anbar.example.com/feed", "Anbar wire", null, "العراق/Security"),
        ], outlines);
    }

    [Fact]
    public void when_the_document_is_not_opml_the_error_says_so()
    {
        var error = Assert.Throws<FeedFormatException>(() => Parse("<rss version=\"2.0\"><channel/></rss>"));

        Assert.Equal("The document is not an OPML file: its root element is <rss>, not <opml>.", error.Message);
    }

    [Fact]
    public void when_the_opml_is_malformed_the_error_gives_line_and_position()
    {
        var error = Assert.Throws<FeedFormatException>(() => Parse("<opml>\n<body><outline></body>"));

        Assert.StartsWith("The OPML file is not well-formed XML at line 2, position", error.Message);
    }

    [Fact]
    public void when_an_opml_file_uses_an_external_entity_it_is_not_resolved()
    {
        var error = Assert.Throws<FeedFormatException>(() => Parse(
            "<!DOCTYPE opml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><opml><body><outline text=\"&xxe;\" xmlUrl=\"https://x.example/\"/></body></opml>"));

        Assert.Contains("xxe", error.Message);
    }

    [Fact]
    public void when_outlines_are_written_they_read_back_the_same_grouped_by_category()
    {
        OpmlOutline[] outlines =
        [
            new("https://top.example.com/rss", "Top & level", null, null),
            new("https://baghdad.example.iq/rss", "بغداد", "ar", "العراق"),
            new("https://anbar.example.com/feed", "Anbar wire", "en", "العراق/Security"),
            new("https://basra.example.iq/rss", "البصرة", "ar", "العراق"),
        ];

        var written = Opml.Write("Iraq sources", outlines, new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.FromHours(3)));

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", written);
        Assert.Contains("<opml version=\"2.0\">", written);
        Assert.Contains("<dateCreated>Fri, 01 Mar 2024 09:00:00 GMT</dateCreated>", written);
        Assert.Contains("<outline type=\"rss\" text=\"بغداد\" title=\"بغداد\" xmlUrl=\"https://baghdad.example.iq/rss\" language=\"ar\" />", written);
        var read = Opml.Parse(Encoding.UTF8.GetBytes(written));
        Assert.Equal([outlines[0], outlines[1], outlines[3], outlines[2]], read);
    }
}
