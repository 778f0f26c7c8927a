using System.Net;
using System.Text.Json.Nodes;
using MediaMonitor.Watchlists;

namespace MediaMonitor.IntegrationTests.Watchlists;

/// <summary>Creating watchlists and listing them.</summary>
public sealed class CreatingWatchlists(AppFixture app) : ApiTest(app)
{
    [Fact]
    public async Task creating_a_watchlist_answers_201_with_a_location_that_gets_it_at_version_1_and_active()
    {
        var response = await PostJson("/api/watchlists", new
        {
            name = "Border security",
            terms = new[] { new { phrase = "rocket attack", lang = (string?)"en" }, new { phrase = "border crossing", lang = (string?)null } },
        });

        var created = await Json(response, HttpStatusCode.Created);
        var id = created["id"]!.GetValue<Guid>();
        Assert.NotEqual(Guid.Empty, id);
        Assert.Equal($"/api/watchlists/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Border security", created["name"]!.GetValue<string>());
        Assert.Equal(1, created["version"]!.GetValue<int>());
        Assert.Equal("Active", created["state"]!.GetValue<string>());
        Assert.Equal(0, created["matchCount"]!.GetValue<long>());
        Assert.Null(created["lastMatchAt"]);
        Assert.Equal(new (string, string?)[] { ("rocket attack", "en"), ("border crossing", null) }, Terms(created));

        var fetched = await Json(await Get(response.Headers.Location!.OriginalString), HttpStatusCode.OK);
        Assert.Equal(id, fetched["id"]!.GetValue<Guid>());
        Assert.Equal("Border security", fetched["name"]!.GetValue<string>());
        Assert.Equal(1, fetched["version"]!.GetValue<int>());
        Assert.Equal("Active", fetched["state"]!.GetValue<string>());
        Assert.Equal(Terms(created), Terms(fetched));
        Assert.Equal(created["createdAt"]!.GetValue<DateTimeOffset>(), fetched["createdAt"]!.GetValue<DateTimeOffset>());

        var events = await AllEvents();
        var only = Assert.Single(events);
        Assert.Equal(id, only.StreamId);
        var data = Assert.IsType<WatchlistCreated>(only.Data);
        Assert.Equal("Border security", data.Name);
        Assert.Equal(2, data.Terms.Count);
    }

    [Fact]
    public async Task creating_trims_the_name_and_phrases_lowercases_languages_and_keeps_a_repeated_term_once()
    {
        var created = await Json(await PostJson("/api/watchlists", new
        {
            name = "  Ports  ",
            terms = new[]
            {
                new { phrase = "  harbour strike ", lang = (string?)"EN" },
                new { phrase = "harbour strike", lang = (string?)"en" },
                new { phrase = "dock closure", lang = (string?)"  " },
            },
        }), HttpStatusCode.Created);

        Assert.Equal("Ports", created["name"]!.GetValue<string>());
        Assert.Equal(new (string, string?)[] { ("harbour strike", "en"), ("dock closure", null) }, Terms(created));
    }

    [Fact]
    public async Task the_list_shows_active_and_paused_watchlists_by_name_and_hides_archived_ones()
    {
        var zulu = await CreateWatchlist("Zulu", ("rocket attack", "en"));
        var alpha = await CreateWatchlist("Alpha", ("bridge collapse", "en"));
        var mike = await CreateWatchlist("Mike", ("harbour strike", "en"));
        var archived = await CreateWatchlist("Bravo", ("dock closure", "en"));
        await Json(await Client().PostAsync($"/api/watchlists/{mike}/pause", null), HttpStatusCode.OK);
        await Json(await Client().PostAsync($"/api/watchlists/{archived}/archive", null), HttpStatusCode.OK);

        var list = (await Json(await Get("/api/watchlists"), HttpStatusCode.OK)).AsArray();

        Assert.Equal(new[] { alpha, mike, zulu }, list.Select(x => x!["id"]!.GetValue<Guid>()));
        Assert.Equal(new[] { "Alpha", "Mike", "Zulu" }, list.Select(x => x!["name"]!.GetValue<string>()));
        Assert.Equal(new[] { "Active", "Paused", "Active" }, list.Select(x => x!["state"]!.GetValue<string>()));
    }

    [Fact]
    public async Task archived_watchlists_are_listed_with_state_archived_and_only_them()
    {
        await CreateWatchlist("Active one", ("rocket attack", "en"));
        var archived = await CreateWatchlist("Archived one", ("bridge collapse", "en"));
        await Json(await Client().PostAsync($"/api/watchlists/{archived}/archive", null), HttpStatusCode.OK);

        var list = (await Json(await Get("/api/watchlists?state=archived"), HttpStatusCode.OK)).AsArray();

        var only = Assert.Single(list);
        Assert.Equal(archived, only!["id"]!.GetValue<Guid>());
        Assert.Equal("Archived", only["state"]!.GetValue<string>());
        Assert.Equal(2, only["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task paused_watchlists_alone_are_listed_with_state_paused()
    {
        await CreateWatchlist("Active one", ("rocket attack", "en"));
        var paused = await CreateWatchlist("Paused one", ("bridge collapse", "en"));
        await Json(await Client().PostAsync($"/api/watchlists/{paused}/pause", null), HttpStatusCode.OK);

        var list = (await Json(await Get("/api/watchlists?state=paused"), HttpStatusCode.OK)).AsArray();

        Assert.Equal(new[] { paused }, list.Select(x => x!["id"]!.GetValue<Guid>()));
    }

    [Fact]
    public async Task an_empty_store_lists_no_watchlists()
    {
        var list = (await Json(await Get("/api/watchlists"), HttpStatusCode.OK)).AsArray();
        Assert.Empty(list);
    }

    [Fact]
    public async Task an_unknown_state_in_the_list_query_is_refused_with_400()
    {
        await CreateWatchlist("Active one", ("rocket attack", "en"));

        var response = await Get("/api/watchlists?state=deleted");

        var problem = await Json(response, HttpStatusCode.BadRequest);
        Assert.Equal(400, problem["status"]!.GetValue<int>());
    }

    internal static List<(string Phrase, string? Lang)> Terms(JsonNode watchlist) =>
        watchlist["terms"]!.AsArray()
            .Select(t => (t!["phrase"]!.GetValue<string>(), t["lang"]?.GetValue<string>()))
            .ToList();
}
