using System.Net;
using System.Xml.Linq;

namespace MediaMonitor.IntegrationTests.Feeds;

public sealed class ReadingLists(AppFixture app) : FeedTest(app)
{
    [Fact]
    public async Task an_opml_import_adds_each_feed_answers_per_outline_and_exports_them_again()
    {
        Site.Serve("/a", TestFeeds.Rss(TestFeeds.ArabicItems));
        Site.Serve("/b", TestFeeds.Atom, "application/atom+xml");
        var opml = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0"><head><title>My feeds</title></head><body>
              <outline text="Iraq"><outline type="rss" text="Iraq news" xmlUrl="{Site.Url("/a")}" language="ar-IQ"/></outline>
              <outline type="rss" text="Wire" xmlUrl="{Site.Url("/b")}"/>
              <outline type="rss" text="Again" xmlUrl="{Site.Url("/a")}"/>
              <outline type="rss" text="Bad" xmlUrl="gopher://old.example/"/>
            </body></opml>
            """;

        System.Text.Json.Nodes.JsonNode? answer = null;
        await Tracked(async () => answer = await Json(await PostRaw("/api/feeds/opml", opml, "text/x-opml"), HttpStatusCode.OK));

        Assert.Equal(["added", "added", "exists", "invalid"], answer!.AsArray().Select(r => r!["status"]!.GetValue<string>()));
        Assert.Equal(answer[0]!["feedId"]!.GetValue<Guid>(), answer[2]!["feedId"]!.GetValue<Guid>());
        Assert.Equal(3, (await Articles()).Count);
        var feeds = (await Json(await Get("/api/feeds"), HttpStatusCode.OK)).AsArray();
        Assert.Equal(("Iraq news", "ar", "Iraq"), (feeds[0]!["name"]!.GetValue<string>(), feeds[0]!["lang"]!.GetValue<string>(), feeds[0]!["category"]!.GetValue<string>()));

        var exported = XDocument.Parse(await (await Get("/api/feeds/opml")).Content.ReadAsStringAsync());
        Assert.Equal([Site.Url("/a"), Site.Url("/b")], exported.Descendants("outline").Select(o => (string?)o.Attribute("xmlUrl")).OfType<string>().Order());
        var iraq = exported.Descendants("outline").Single(o => (string?)o.Attribute("xmlUrl") == Site.Url("/a"));
        Assert.Equal("Iraq", (string?)iraq.Parent!.Attribute("text"));
    }

    [Fact]
    public async Task a_document_that_is_not_opml_is_refused_and_adds_nothing()
    {
        var problem = await Json(await PostRaw("/api/feeds/opml", "<html><body>no</body></html>", "application/xml"), HttpStatusCode.UnprocessableEntity);
        Assert.NotNull(problem["errors"]!["opml"]);
        await Json(await PostRaw("/api/feeds/opml", "{}", "application/json"), HttpStatusCode.UnsupportedMediaType);
        Assert.Empty(await AllEvents());
    }
}
