using System.Net;
using System.Text.Json.Nodes;

namespace MediaMonitor.IntegrationTests.Ingestion;

public sealed class IngestingAnArticle(AppFixture app) : ApiTest(app)
{
    private const string Body = "Officials said a rocket attack hit the base overnight. Nobody was hurt.";

    [Fact]
    public async Task when_an_article_mentions_a_watched_term_an_alert_is_raised_with_offsets_into_the_text()
    {
        var watchlist = await CreateWatchlist("Rocket attacks", ("rocket attack", "en"));

        var created = await Ingest(new { title = "Base attacked", body = Body, source = "Wire", url = "https://news.example/a1" });

        var articleId = created["id"]!.GetValue<Guid>();
        Assert.Equal("created", created["status"]!.GetValue<string>());
        var raised = Assert.Single(created["alerts"]!.AsArray());
        Assert.Equal(watchlist, raised!["watchlistId"]!.GetValue<Guid>());
        Assert.Equal(1, raised["watchlistVersion"]!.GetValue<int>());

        var alert = await Json(await Get($"/api/alerts/{raised["alertId"]}"), HttpStatusCode.OK);
        Assert.Equal(articleId, alert["articleId"]!.GetValue<Guid>());
        var hit = Assert.Single(alert["hits"]!.AsArray())!;
        Assert.Equal("body", hit["field"]!.GetValue<string>());
        var (start, length) = (hit["start"]!.GetValue<int>(), hit["length"]!.GetValue<int>());
        Assert.Equal("rocket attack", Body.Substring(start, length));
        Assert.Contains("rocket attack", hit["snippet"]!.GetValue<string>());

        var feed = await Json(await Get("/api/alerts"), HttpStatusCode.OK);
        Assert.Equal(raised["alertId"]!.GetValue<Guid>(), Assert.Single(feed["items"]!.AsArray())!["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task when_an_article_is_read_back_it_shows_its_matches_and_highlights()
    {
        await CreateWatchlist("Rocket attacks", ("rocket attack", "en"));
        var created = await Ingest(new { body = Body });

        var article = await Json(await Get($"/api/articles/{created["id"]}"), HttpStatusCode.OK);

        Assert.Equal(Body, article["body"]!.GetValue<string>());
        Assert.Equal("en", article["lang"]!.GetValue<string>());
        var match = Assert.Single(article["matches"]!.AsArray())!;
        Assert.Equal("Rocket attacks", match["watchlistName"]!.GetValue<string>());
        Assert.Equal("Officials said a <mark>rocket attack</mark> hit the base overnight. Nobody was hurt.",
            article["highlighted"]!["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task when_no_watchlist_matches_the_article_is_stored_without_alerts()
    {
        await CreateWatchlist("Elections", ("election", "en"));

        var created = await Ingest(new { body = Body });

        Assert.Empty(created["alerts"]!.AsArray());
        var events = await AllEvents();
        Assert.Equal(2, events.Count); // WatchlistCreated, ArticleIngested
        var feed = await Json(await Get("/api/alerts"), HttpStatusCode.OK);
        Assert.Empty(feed["items"]!.AsArray());
    }

    [Fact]
    public async Task when_the_language_is_not_given_it_is_detected_from_the_script()
    {
        var arabic = await Ingest(new { body = "قال رئيس الوزراء العراقي إن بلاده لم تعد بحاجة إلى قوات قتالية أمريكية." });
        var english = await Ingest(new { body = "The prime minister said the country no longer needs combat troops." });

        var a = await Json(await Get($"/api/articles/{arabic["id"]}"), HttpStatusCode.OK);
        var e = await Json(await Get($"/api/articles/{english["id"]}"), HttpStatusCode.OK);
        Assert.Equal("ar", a["lang"]!.GetValue<string>());
        Assert.Equal("en", e["lang"]!.GetValue<string>());
    }

    [Fact]
    public async Task when_an_article_is_created_its_location_and_metadata_are_kept()
    {
        var response = await PostJson("/api/articles", new
        {
            title = "  Title  ", body = Body, lang = "EN", source = "Wire", url = "https://news.example/a2",
            publishedAt = "2021-07-25T10:00:00+03:00",
        }, AppFixture.IngestKey);
        var created = await Json(response, HttpStatusCode.Created);

        Assert.Equal($"/api/articles/{created["id"]}", response.Headers.Location!.OriginalString);
        var article = await Json(await Get(response.Headers.Location.OriginalString), HttpStatusCode.OK);
        Assert.Equal("Title", article["title"]!.GetValue<string>());
        Assert.Equal("en", article["lang"]!.GetValue<string>());
        Assert.Equal("Wire", article["source"]!.GetValue<string>());
        Assert.Equal(new DateTimeOffset(2021, 7, 25, 7, 0, 0, TimeSpan.Zero), article["publishedAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task when_an_unknown_article_is_asked_for_the_answer_is_404()
    {
        var response = await Get($"/api/articles/{Guid.NewGuid()}");

        var problem = await Json(response, HttpStatusCode.NotFound);
        Assert.Equal(404, problem["status"]!.GetValue<int>());
    }
}
