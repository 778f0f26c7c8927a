using System.Net;
using System.Text.Json.Nodes;

namespace MediaMonitor.IntegrationTests.Alerts;

/// <summary>GET /api/alerts/{id}: the watchlist as it was, the hits as offsets into the article sent, and the article's summary.</summary>
public sealed class AlertDetail(AppFixture app) : ApiTest(app)
{
    [Fact]
    public async Task an_alert_shows_its_watchlist_version_hits_and_article_summary()
    {
        var watchlist = await CreateWatchlist("Security", ("rocket attack", "en"));
        const string title = "Overnight developments";
        const string body = "Local officials said that a rocket attack struck the old market late on Sunday, and that crews worked through the night.";
        var publishedAt = new DateTimeOffset(2025, 3, 2, 6, 30, 0, TimeSpan.Zero);
        var ingested = await Ingest(new { title, body, lang = "en", source = "Reuters", url = "https://news.example/overnight", publishedAt });
        var articleId = ingested["id"]!.GetValue<Guid>();
        var alertId = Assert.Single(ingested["alerts"]!.AsArray())!["alertId"]!.GetValue<Guid>();

        var alert = await Json(await Get($"/api/alerts/{alertId}"), HttpStatusCode.OK);

        Assert.Equal(alertId, alert["id"]!.GetValue<Guid>());
        Assert.Equal("Open", alert["state"]!.GetValue<string>());
        Assert.Equal(watchlist, alert["watchlistId"]!.GetValue<Guid>());
        Assert.Equal("Security", alert["watchlistName"]!.GetValue<string>());
        Assert.Equal(1, alert["watchlistVersion"]!.GetValue<int>());

        var hit = Assert.Single(alert["hits"]!.AsArray())!;
        var start = hit["start"]!.GetValue<int>();
        var length = hit["length"]!.GetValue<int>();
        Assert.Equal("rocket attack", hit["term"]!.GetValue<string>());
        Assert.Equal("body", hit["field"]!.GetValue<string>());
        Assert.Equal(body.IndexOf("rocket attack", StringComparison.Ordinal), start);
        Assert.Equal(13, length);
        Assert.Equal(body.Substring(start, length), hit["text"]!.GetValue<string>());
        var snippet = hit["snippet"]!.GetValue<string>();
        Assert.Contains("rocket attack", snippet);
        Assert.Contains(snippet.Trim('…', '.', ' '), body);

        // What the alert says of its article, flat, as in the feed.
        Assert.Equal(articleId, alert["articleId"]!.GetValue<Guid>());
        Assert.Equal(title, alert["articleTitle"]!.GetValue<string>());
        Assert.Equal("en", alert["lang"]!.GetValue<string>());
        Assert.Equal("Reuters", alert["source"]!.GetValue<string>());
        Assert.Equal("https://news.example/overnight", alert["url"]!.GetValue<string>());
        Assert.Equal(publishedAt, alert["publishedAt"]!.GetValue<DateTimeOffset>());
        Assert.False(alert["backfill"]!.GetValue<bool>());
    }

    [Fact]
    public async Task hits_cite_the_original_text_as_written_in_the_article()
    {
        await CreateWatchlist("Security", ("rocket attack", "en"));
        // Non-ASCII characters before the hit: offsets count UTF-16 code units of the text sent, as string indices do.
        const string body = "Café owners in Zürich — shaken — described the Rocket Attack as “unprecedented” for the region.";
        var ingested = await Ingest(new { title = "Witnesses", body, lang = "en" });
        var alertId = Assert.Single(ingested["alerts"]!.AsArray())!["alertId"]!.GetValue<Guid>();

        var hit = Assert.Single((await Json(await Get($"/api/alerts/{alertId}"), HttpStatusCode.OK))["hits"]!.AsArray())!;

        var start = hit["start"]!.GetValue<int>();
        var length = hit["length"]!.GetValue<int>();
        Assert.Equal(body.IndexOf("Rocket Attack", StringComparison.Ordinal), start);
        Assert.Equal("Rocket Attack", body.Substring(start, length));
        Assert.Equal("Rocket Attack", hit["text"]!.GetValue<string>());
        Assert.Equal("rocket attack", hit["term"]!.GetValue<string>());
    }

    [Fact]
    public async Task every_occurrence_is_a_hit_in_text_order_each_slicing_to_its_text()
    {
        await CreateWatchlist("Security", ("rocket attack", "en"));
        const string body = "The first rocket attack came at noon. Hours later a second rocket attack hit the same street, and a third rocket attack was reported at dusk.";
        var ingested = await Ingest(new { title = "Three strikes", body, lang = "en" });
        var alertId = Assert.Single(ingested["alerts"]!.AsArray())!["alertId"]!.GetValue<Guid>();

        var hits = (await Json(await Get($"/api/alerts/{alertId}"), HttpStatusCode.OK))["hits"]!.AsArray();

        var expectedStarts = new List<int>();
        for (var at = body.IndexOf("rocket attack", StringComparison.Ordinal); at >= 0; at = body.IndexOf("rocket attack", at + 1, StringComparison.Ordinal))
            expectedStarts.Add(at);
        Assert.Equal(expectedStarts, hits.Select(h => h!["start"]!.GetValue<int>()));
        Assert.All(hits, h => Assert.Equal(
            h!["text"]!.GetValue<string>(), body.Substring(h["start"]!.GetValue<int>(), h["length"]!.GetValue<int>())));
    }

    [Fact]
    public async Task a_hit_in_the_title_cites_the_title()
    {
        await CreateWatchlist("Security", ("rocket attack", "en"));
        const string title = "Rocket attack on the harbour";
        const string body = "Dock workers were evacuated on Tuesday morning while the fire brigade secured the piers.";
        var ingested = await Ingest(new { title, body, lang = "en" });
        var alertId = Assert.Single(ingested["alerts"]!.AsArray())!["alertId"]!.GetValue<Guid>();

        var hit = Assert.Single((await Json(await Get($"/api/alerts/{alertId}"), HttpStatusCode.OK))["hits"]!.AsArray())!;

        Assert.Equal("title", hit["field"]!.GetValue<string>());
        Assert.Equal(0, hit["start"]!.GetValue<int>());
        Assert.Equal(title.Substring(hit["start"]!.GetValue<int>(), hit["length"]!.GetValue<int>()), hit["text"]!.GetValue<string>());
        Assert.Equal("Rocket attack", hit["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task the_detail_agrees_with_the_feed_item()
    {
        var watchlist = await CreateWatchlist("Security", ("rocket attack", "en"));
        var ingested = await Ingest(new { title = "Dispatch", body = "Residents said a rocket attack hit the northern district before dawn.", lang = "en", source = "AFP" });
        var alertId = Assert.Single(ingested["alerts"]!.AsArray())!["alertId"]!.GetValue<Guid>();

        var item = Assert.Single((await Json(await Get("/api/alerts"), HttpStatusCode.OK))["items"]!.AsArray())!;
        var detail = await Json(await Get($"/api/alerts/{alertId}"), HttpStatusCode.OK);

        Assert.Equal(alertId, item["id"]!.GetValue<Guid>());
        Assert.Equal(ingested["id"]!.GetValue<Guid>(), item["articleId"]!.GetValue<Guid>());
        Assert.Equal(watchlist, item["watchlistId"]!.GetValue<Guid>());
        Assert.Equal(detail["raisedAt"]!.GetValue<DateTimeOffset>(), item["raisedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(detail["watchlistVersion"]!.GetValue<int>(), item["watchlistVersion"]!.GetValue<int>());
        Assert.Equal(
            detail["hits"]!.AsArray().Select(Hit),
            item["hits"]!.AsArray().Select(Hit));
    }

    [Fact]
    public async Task the_feed_and_the_detail_spell_the_state_and_the_hit_field_alike()
    {
        await CreateWatchlist("Security", ("rocket attack", "en"));
        var ingested = await Ingest(new { title = "Dispatch", body = "Residents said a rocket attack hit the northern district before dawn.", lang = "en" });
        var alertId = Assert.Single(ingested["alerts"]!.AsArray())!["alertId"]!.GetValue<Guid>();

        var item = Assert.Single((await Json(await Get("/api/alerts"), HttpStatusCode.OK))["items"]!.AsArray())!;
        var detail = await Json(await Get($"/api/alerts/{alertId}"), HttpStatusCode.OK);

        // A hit's field is spelled as in webhook payloads and the README, states by their C# names; a client must not see
        // "body" in one place and "Body" in another.
        Assert.Equal(("Open", "body"), (detail["state"]!.GetValue<string>(), detail["hits"]![0]!["field"]!.GetValue<string>()));
        Assert.Equal(("Open", "body"), (item["state"]!.GetValue<string>(), item["hits"]![0]!["field"]!.GetValue<string>()));
        Assert.Equal(detail.ToJsonString(), item.ToJsonString());
    }

    [Fact]
    public async Task an_unknown_alert_is_answered_404()
    {
        var unknown = Guid.NewGuid();

        var response = await Get($"/api/alerts/{unknown}");

        var problem = await Json(response, HttpStatusCode.NotFound);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, problem["status"]!.GetValue<int>());
        Assert.Contains(unknown.ToString(), problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task an_article_id_is_not_an_alert_id()
    {
        await CreateWatchlist("Security", ("rocket attack", "en"));
        var ingested = await Ingest(new { title = "Dispatch", body = "Residents said a rocket attack hit the northern district before dawn.", lang = "en" });

        var response = await Get($"/api/alerts/{ingested["id"]!.GetValue<Guid>()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static (string, string, int, int, string, string) Hit(JsonNode? h) => (
        h!["term"]!.GetValue<string>(), h["field"]!.GetValue<string>(), h["start"]!.GetValue<int>(),
        h["length"]!.GetValue<int>(), h["text"]!.GetValue<string>(), h["snippet"]!.GetValue<string>());
}
