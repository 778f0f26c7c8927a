using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace MediaMonitor.IntegrationTests.Ingestion;

/// <summary>
/// One article mentioning a watched phrase twenty thousand times once held the service for minutes: every hit, with a
/// snippet, went into its events and views. A match keeps the first hits of each term and counts the rest.
/// </summary>
public sealed class HitAmplification(AppFixture app) : ApiTest(app)
{
    private static string Repeated(string phrase, int times, string tag) => tag + " " + string.Concat(Enumerable.Repeat(phrase, times));

    [Fact]
    public async Task an_article_repeating_a_watched_phrase_keeps_the_first_hits_of_each_term_and_counts_the_rest()
    {
        var watchlists = new List<Guid>();
        for (var i = 0; i < 3; i++) watchlists.Add(await CreateWatchlist($"Rockets {i}", ("rocket attack", "en"), ("attack", "en")));

        var ingested = await Ingest(new { title = "Attacks", body = Repeated("rocket attack ", 20_000, "wire") });

        Assert.Equal(3, ingested["alerts"]!.AsArray().Count);
        var article = await Json(await Get($"/api/articles/{ingested["id"]}"), HttpStatusCode.OK);
        foreach (var match in article["matches"]!.AsArray())
        {
            var hits = match!["hits"]!.AsArray();
            Assert.Equal(20, hits.Count(h => h!["term"]!.GetValue<string>() == "rocket attack"));
            Assert.True(hits.Count <= 100);
            Assert.True(match["hitsOmitted"]!.GetValue<int>() >= 19_980, match["hitsOmitted"]!.ToJsonString());
        }
        var alert = await Json(await Get($"/api/alerts/{ingested["alerts"]![0]!["alertId"]}"), HttpStatusCode.OK);
        Assert.Equal(20, alert["hits"]!.AsArray().Count(h => h!["term"]!.GetValue<string>() == "rocket attack"));
        Assert.True(alert["hitsOmitted"]!.GetValue<int>() >= 19_980);
        Assert.All(alert["hits"]!.AsArray(), h => Assert.True(h!["snippet"]!.GetValue<string>().Length < 200));
    }

    [Fact]
    public async Task a_batch_of_articles_that_each_repeat_a_watched_phrase_is_answered_item_by_item()
    {
        await CreateWatchlist("Rockets", ("rocket attack", "en"));
        var lines = Enumerable.Range(0, 6).Select(i => new JsonObject { ["body"] = Repeated("rocket attack ", 20_000, $"copy{i}") }.ToJsonString());

        var response = await PostRaw("/api/articles/batch", Encoding.UTF8.GetBytes(string.Join('\n', lines)), "application/x-ndjson", AppFixture.IngestKey);

        var result = await Json(response, HttpStatusCode.OK);
        Assert.Equal(6, result["created"]!.GetValue<int>());
    }
}
