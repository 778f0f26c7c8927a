using System.Net;
using System.Text.Json.Nodes;

namespace MediaMonitor.IntegrationTests.Timelines;

public sealed class WatchlistSummary(AppFixture app) : TimelineTest(app)
{
    private static Dictionary<string, long> ByKey(JsonNode summary, string list, string key) =>
        summary[list]!.AsArray().ToDictionary(x => x![key]?.GetValue<string>() ?? "(none)", x => x!["articles"]!.GetValue<long>());

    private static Dictionary<string, long> Forms(JsonNode summary, string term) =>
        summary["terms"]!.AsArray().Single(t => t!["term"]!.GetValue<string>() == term)!["forms"]!.AsArray()
            .ToDictionary(f => f!["text"]!.GetValue<string>(), f => f!["articles"]!.GetValue<long>());

    [Fact]
    public async Task the_summary_counts_sources_languages_co_occurring_watchlists_and_the_forms_that_matched()
    {
        var withdrawal = await CreateWatchlist("Withdrawal", ("انسحاب القوات", "ar"), ("troop withdrawal", "en"));
        var airBase = await CreateWatchlist("Ain al-Asad", ("عين الأسد", "ar"));
        await IngestAt("أعلنت الحكومة العراقية انسحاب القوات من القاعدة.", "2026-02-01T08:59:00Z", "ar", "INA");   // before the range
        var first = await IngestAt("قالت الحكومة وانسحاب القوات من قاعدة عين الأسد بدأ اليوم.", "2026-02-01T10:00:00Z", "ar", "INA");
        await IngestAt("The troop withdrawal began on Monday.", "2026-02-02T12:00:00Z", "en", "Wire");
        await IngestAt("بدأ انسحاب قوات التحالف من قاعدة عين الأسد غربي البلاد.", "2026-02-03T23:30:00Z", "ar", "Shafaq");
        await IngestAt("قصفت طائرات مسيرة محيط قاعدة عين الأسد.", "2026-02-02T09:00:00Z", "ar", "INA");

        var summary = await Projected($"/api/watchlists/{withdrawal}/summary?from=2026-02-01T09:30:00Z&to=2026-02-04T00:00:00Z");

        Assert.Equal(("2026-02-01T09:00:00+00:00", "2026-02-04T00:00:00+00:00"), (summary["from"]!.GetValue<string>(), summary["to"]!.GetValue<string>()));
        Assert.Equal((3, 3), (summary["articles"]!.GetValue<long>(), summary["alerts"]!.GetValue<long>()));
        Assert.Equal(new Dictionary<string, long> { ["INA"] = 1, ["Wire"] = 1, ["Shafaq"] = 1 }, ByKey(summary, "bySource", "source"));
        Assert.Equal(new Dictionary<string, long> { ["ar"] = 2, ["en"] = 1 }, ByKey(summary, "byLang", "lang"));
        var together = Assert.Single(summary["coOccurring"]!.AsArray())!;
        Assert.Equal((airBase, "Ain al-Asad", 2L), (together["watchlistId"]!.GetValue<Guid>(), together["name"]!.GetValue<string>(), together["articles"]!.GetValue<long>()));
        Assert.Equal(new Dictionary<string, long> { ["وانسحاب القوات"] = 1, ["انسحاب قوات"] = 1 }, Forms(summary, "انسحاب القوات"));
        Assert.Equal(new Dictionary<string, long> { ["troop withdrawal"] = 1 }, Forms(summary, "troop withdrawal"));
        var other = await Projected($"/api/watchlists/{airBase}/summary?from=2026-02-01T00:00:00Z&to=2026-02-04T00:00:00Z");
        Assert.Equal(withdrawal, Assert.Single(other["coOccurring"]!.AsArray())!["watchlistId"]!.GetValue<Guid>());

        // A takedown masks the article's words everywhere: its forms go, its counts stay.
        Assert.Equal(HttpStatusCode.NoContent, (await Client().DeleteAsync($"/api/articles/{first}")).StatusCode);
        var after = await Projected($"/api/watchlists/{withdrawal}/summary?from=2026-02-01T09:30:00Z&to=2026-02-04T00:00:00Z");
        Assert.Equal(3, after["articles"]!.GetValue<long>());
        Assert.Equal(new Dictionary<string, long> { ["انسحاب قوات"] = 1 }, Forms(after, "انسحاب القوات"));
    }

    [Fact]
    public async Task a_summary_within_one_day_reads_hours_only()
    {
        var rockets = await CreateWatchlist("Rockets", ("rocket attack", "en"));
        await IngestAt("A rocket attack hit the airport.", "2026-02-01T10:15:00Z", "en", "Wire");
        await IngestAt("A rocket attack hit the port.", "2026-02-01T12:00:00Z", "en", "Wire");

        var summary = await Projected($"/api/watchlists/{rockets}/summary?from=2026-02-01T10:00:00Z&to=2026-02-01T11:30:00Z");

        Assert.Equal(1, summary["articles"]!.GetValue<long>());
        Assert.Equal("2026-02-01T12:00:00+00:00", summary["to"]!.GetValue<string>());
    }
}
