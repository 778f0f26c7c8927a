using System.Net;
using System.Text.Json.Nodes;

namespace MediaMonitor.IntegrationTests.Audit;

public sealed class EventLogExport(AppFixture app) : ApiTest(app)
{
    private async Task<List<JsonNode>> Lines(string query)
    {
        var response = await Get("/api/events" + query);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType!.MediaType);
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
    }

    [Fact]
    public async Task the_log_streams_as_ndjson_in_sequence_order_with_every_filter()
    {
        var watchlist = await CreateWatchlist("Attacks", ("rocket attack", "en"));
        var article = (await Ingest(new { body = "A rocket attack hit the town." }))["id"]!.GetValue<Guid>();
        await Ingest(new { body = "Nothing happened today." });

        var all = await Lines("");
        Assert.Equal(["watchlist_created", "article_ingested", "article_matched", "alert_raised", "article_ingested"],
            all.Select(l => l["type"]!.GetValue<string>()));
        Assert.Equal(all.Select(l => l["sequence"]!.GetValue<long>()).Order(), all.Select(l => l["sequence"]!.GetValue<long>()));

        var ingested = await Lines("?type=article_ingested");
        Assert.Equal(2, ingested.Count);
        Assert.Equal(2, (await Lines("?type=article_ingested,alert_raised&type=watchlist_created")).Count - 2);
        Assert.Equal(["article_ingested", "article_matched"], (await Lines($"?streamId={article}")).Select(l => l["type"]!.GetValue<string>()));
        var second = all[1]["sequence"]!.GetValue<long>();
        Assert.Equal(all.Skip(1).Take(2).Select(l => l["sequence"]!.GetValue<long>()),
            (await Lines($"?fromSequence={second}&toSequence={second + 1}")).Select(l => l["sequence"]!.GetValue<long>()));
        Assert.Equal(watchlist, (await Lines($"?streamId={watchlist}")).Single()["streamId"]!.GetValue<Guid>());
        var future = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(5).ToString("O"));
        Assert.Empty(await Lines($"?from={future}"));
    }

    [Fact]
    public async Task reversed_ranges_and_other_keys_are_refused()
    {
        await Json(await Get("/api/events?fromSequence=10&toSequence=2"), HttpStatusCode.BadRequest);
        await Json(await Get("/api/events?fromSequence=abc"), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Forbidden, (await Get("/api/events", AppFixture.ReadKey)).StatusCode);
    }
}
