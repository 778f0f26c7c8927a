using System.Net;
using System.Text.Json.Nodes;
using Marten;
using Marten.Events;

namespace MediaMonitor.IntegrationTests.Stories;

public sealed class GroupingStories(AppFixture app) : ApiTest(app)
{
    private static readonly DateTimeOffset Published = DateTimeOffset.UtcNow.AddHours(-6);

    private Task<JsonNode> IngestCopy(string title, string body, string source, string lang, DateTimeOffset publishedAt) =>
        Ingest(new { title, body, source, lang, publishedAt });

    private static Guid StoryOf(JsonNode ingested) => ingested["storyId"]!.GetValue<Guid>();

    [Fact]
    public async Task a_reprinted_wire_story_joins_the_story_of_the_original_and_its_alerts_say_so()
    {
        var rockets = await CreateWatchlist("Rockets", ("rockets", "en"));
        var original = await IngestCopy("Rockets hit near Baghdad airport", WireCopies.AirportRockets, "Reuters", "en", Published);
        var copy = await IngestCopy("Baghdad airport targeted for third time this month", WireCopies.AirportRocketsReprinted, "Gulf Daily", "en", Published.AddHours(2));

        var story = StoryOf(original);
        Assert.Equal(story, StoryOf(copy));
        var article = await Json(await Get($"/api/articles/{copy["id"]}"), HttpStatusCode.OK);
        Assert.Equal(story, article["storyId"]!.GetValue<Guid>());
        var first = await Json(await Get($"/api/alerts/{original["alerts"]![0]!["alertId"]}"), HttpStatusCode.OK);
        var repeat = await Json(await Get($"/api/alerts/{copy["alerts"]![0]!["alertId"]}"), HttpStatusCode.OK);
        Assert.Equal(story, first["storyId"]!.GetValue<Guid>());
        Assert.False(first["repeatInStory"]!.GetValue<bool>());
        Assert.Equal(story, repeat["storyId"]!.GetValue<Guid>());
        Assert.True(repeat["repeatInStory"]!.GetValue<bool>());

        await App.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var shown = await Json(await Get($"/api/stories/{story}"), HttpStatusCode.OK);
        Assert.Equal(2, shown["size"]!.GetValue<int>());
        Assert.Equal(original["id"]!.GetValue<Guid>(), shown["firstArticleId"]!.GetValue<Guid>());
        var articles = shown["articles"]!.AsArray();
        Assert.Equal(["Rockets hit near Baghdad airport", "Baghdad airport targeted for third time this month"], articles.Select(a => a!["title"]!.GetValue<string>()));
        Assert.True(articles[0]!["first"]!.GetValue<bool>());
        Assert.Equal(original["id"]!.GetValue<Guid>(), articles[1]!["nearestArticleId"]!.GetValue<Guid>());
        Assert.InRange(articles[1]!["similarity"]!.GetValue<double>(), 0.5, 1.0);
        Assert.Equal(["Gulf Daily", "Reuters"], shown["sources"]!.AsArray().Select(s => s!["source"]!.GetValue<string>()).Order());
        Assert.Equal([rockets], shown["watchlistIds"]!.AsArray().Select(w => w!.GetValue<Guid>()));

        var feed = await Json(await Get($"/api/stories?watchlistId={rockets}&minSize=2"), HttpStatusCode.OK);
        var item = Assert.Single(feed["items"]!.AsArray());
        Assert.Equal(story, item!["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task a_trimmed_arabic_copy_with_careless_spelling_joins_the_story_and_a_later_published_original_comes_first()
    {
        // The copy arrives first, but the agency's original was published earlier.
        var copy = await IngestCopy("تسليم قاعدة التاجي للقوات العراقية", WireCopies.WithdrawalTrimmed, "المدى", "ar", Published.AddHours(1));
        var original = await IngestCopy("انسحاب القوات الأمريكية من قاعدة التاجي", WireCopies.Withdrawal, "رويترز", "ar", Published);

        Assert.Equal(StoryOf(copy), StoryOf(original));
        await App.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var shown = await Json(await Get($"/api/stories/{StoryOf(copy)}"), HttpStatusCode.OK);
        Assert.Equal(original["id"]!.GetValue<Guid>(), shown["firstArticleId"]!.GetValue<Guid>());
        Assert.Equal(copy["id"]!.GetValue<Guid>(), shown["startedBy"]!.GetValue<Guid>());
        Assert.Equal("ar", shown["lang"]!.GetValue<string>());
    }

    [Fact]
    public async Task two_attacks_reported_in_the_same_agency_words_stay_two_stories()
    {
        var baghdad = await IngestCopy("Rockets hit near Baghdad airport", WireCopies.AirportRockets, "Reuters", "en", Published);
        var erbil = await IngestCopy("Drones strike coalition base in Erbil", WireCopies.ErbilDrones, "Reuters", "en", Published.AddHours(1));

        Assert.NotEqual(StoryOf(baghdad), StoryOf(erbil));
        await App.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        Assert.Empty((await Json(await Get("/api/stories?minSize=2"), HttpStatusCode.OK))["items"]!.AsArray());
        Assert.Equal(2, (await Json(await Get("/api/stories"), HttpStatusCode.OK))["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task copies_published_further_apart_than_the_window_start_separate_stories()
    {
        var original = await IngestCopy("Rockets hit near Baghdad airport", WireCopies.AirportRockets, "Reuters", "en", Published.AddDays(-4));
        var copy = await IngestCopy("Baghdad airport targeted again", WireCopies.AirportRocketsReprinted, "Gulf Daily", "en", Published);

        Assert.NotEqual(StoryOf(original), StoryOf(copy));
    }

    [Fact]
    public async Task an_exact_copy_is_still_a_duplicate_and_joins_nothing()
    {
        var original = await IngestCopy("Rockets hit near Baghdad airport", WireCopies.AirportRockets, "Reuters", "en", Published);
        var again = await Ingest(new { title = "Rockets hit near Baghdad airport", body = WireCopies.AirportRockets, lang = "en" }, HttpStatusCode.OK);

        Assert.Equal("duplicate", again["status"]!.GetValue<string>());
        Assert.Equal(original["id"]!.GetValue<Guid>(), again["id"]!.GetValue<Guid>());
        Assert.Null(again["storyId"]);
        await App.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var shown = await Json(await Get($"/api/stories/{StoryOf(original)}"), HttpStatusCode.OK);
        Assert.Equal(1, shown["size"]!.GetValue<int>());
    }

    [Fact]
    public async Task copies_in_one_batch_join_one_story()
    {
        var batch = await Json(await PostJson("/api/articles/batch", new object[]
            {
                new { title = "Rockets hit near Baghdad airport", body = WireCopies.AirportRockets, lang = "en", source = "Reuters", publishedAt = Published },
                new { title = "Drones strike coalition base in Erbil", body = WireCopies.ErbilDrones, lang = "en", source = "Reuters", publishedAt = Published },
                new { title = "Baghdad airport targeted again", body = WireCopies.AirportRocketsReprinted, lang = "en", source = "Gulf Daily", publishedAt = Published },
            }, AppFixture.IngestKey), HttpStatusCode.OK);

        var stories = batch["items"]!.AsArray().Select(i => i!["storyId"]!.GetValue<Guid>()).ToList();
        Assert.Equal(stories[0], stories[2]);
        Assert.NotEqual(stories[0], stories[1]);
    }

    [Fact]
    public async Task an_article_dated_at_the_start_of_the_calendar_joins_a_story_of_its_own()
    {
        var ancient = await IngestCopy("Rockets hit near Baghdad airport", WireCopies.AirportRockets, "Reuters", "en", DateTimeOffset.MinValue);

        Assert.NotEqual(Guid.Empty, StoryOf(ancient));
    }

    [Fact]
    public async Task an_unknown_story_is_404_and_bad_feed_parameters_are_400()
    {
        await Json(await Get($"/api/stories/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await Json(await Get("/api/stories?minSize=0"), HttpStatusCode.BadRequest);
        await Json(await Get("/api/stories?limit=0"), HttpStatusCode.BadRequest);
        await Json(await Get("/api/stories?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z"), HttpStatusCode.BadRequest);
    }
}
