using System.Net;
using System.Text.Json.Nodes;
using MediaMonitor.Ingestion;
using MediaMonitor.Stories;
using Microsoft.Extensions.DependencyInjection;

namespace MediaMonitor.IntegrationTests.Stories;

/// <summary>Each node holds the story index in memory (StoryWindow); the table is what nodes share and what a restart reads.</summary>
public sealed class SharingTheStoryIndex(AppFixture app) : ApiTest(app)
{
    private static readonly DateTimeOffset Published = DateTimeOffset.UtcNow.AddHours(-6);

    private Task<JsonNode> IngestCopy(string title, string body, string source, DateTimeOffset publishedAt) =>
        Ingest(new { title, body, source, lang = "en", publishedAt });

    private static Guid StoryOf(JsonNode ingested) => ingested["storyId"]!.GetValue<Guid>();

    /// <summary>Another node: the same service on the same database, with its own memory of the index.</summary>
    private ArticleIngestor OtherNode() =>
        ActivatorUtilities.CreateInstance<ArticleIngestor>(App.Host.Services, new StoryWindow(TimeProvider.System));

    [Fact]
    public async Task a_copy_joins_an_original_that_another_node_took_in_after_this_one_last_looked()
    {
        // This node has looked at the index (and holds the days around now) before the other node writes.
        await IngestCopy("Drones strike coalition base in Erbil", WireCopies.ErbilDrones, "Reuters", Published);
        var (candidate, _) = ArticleIntake.Check(new IngestArticle("Rockets hit near Baghdad airport", WireCopies.AirportRockets, "en", "Reuters", null, Published));
        var original = Assert.IsType<IngestOutcome.Created>(Assert.Single(await OtherNode().IngestAsync([candidate!], requester: null, CancellationToken.None)));

        var copy = await IngestCopy("Baghdad airport targeted again", WireCopies.AirportRocketsReprinted, "Gulf Daily", Published.AddHours(1));

        Assert.Equal(original.StoryId, StoryOf(copy));
    }

    [Fact]
    public async Task after_a_restart_a_copy_of_an_article_dated_years_ago_joins_its_story_and_its_alert_is_a_repeat()
    {
        var rockets = await CreateWatchlist("Rockets", ("rockets", "en"));
        var longAgo = new DateTimeOffset(2019, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var original = await IngestCopy("Rockets hit near Baghdad airport", WireCopies.AirportRockets, "Reuters", longAgo);
        App.Host.Services.GetRequiredService<StoryWindow>().Forget();

        var copy = await IngestCopy("Baghdad airport targeted again", WireCopies.AirportRocketsReprinted, "Gulf Daily", longAgo.AddDays(1));

        Assert.Equal(StoryOf(original), StoryOf(copy));
        var repeat = await Json(await Get($"/api/alerts/{copy["alerts"]![0]!["alertId"]}"), HttpStatusCode.OK);
        Assert.Equal(rockets, repeat["watchlistId"]!.GetValue<Guid>());
        Assert.True(repeat["repeatInStory"]!.GetValue<bool>());
    }

    [Fact]
    public async Task after_a_restart_a_copy_of_a_recent_article_joins_its_story()
    {
        var original = await IngestCopy("Rockets hit near Baghdad airport", WireCopies.AirportRockets, "Reuters", Published);
        App.Host.Services.GetRequiredService<StoryWindow>().Forget();

        var copy = await IngestCopy("Baghdad airport targeted again", WireCopies.AirportRocketsReprinted, "Gulf Daily", Published.AddHours(3));

        Assert.Equal(StoryOf(original), StoryOf(copy));
    }
}
