using System.Net;
using System.Text.Json.Nodes;

namespace MediaMonitor.IntegrationTests.Watchlists;

/// <summary>An archived watchlist is final: every change is refused with 409 and appends nothing.</summary>
public sealed class ArchivedWatchlists(AppFixture app) : ApiTest(app)
{
    [Fact]
    public async Task changing_the_terms_of_an_archived_watchlist_is_refused_with_409_and_appends_nothing()
    {
        var id = await ArchivedWatchlist();
        var before = (await AllEvents()).Count;

        var response = await PutJson($"/api/watchlists/{id}/terms", new { terms = new[] { new { phrase = "bridge collapse", lang = "en" } } });

        var problem = await Problem(response, HttpStatusCode.Conflict);
        Assert.Contains(id.ToString(), problem["detail"]!.GetValue<string>());
        await AssertUnchanged(id, before);
    }

    [Fact]
    public async Task renaming_an_archived_watchlist_is_refused_with_409_and_appends_nothing()
    {
        var id = await ArchivedWatchlist();
        var before = (await AllEvents()).Count;

        var response = await PutJson($"/api/watchlists/{id}/name", new { name = "New name" });

        await Problem(response, HttpStatusCode.Conflict);
        await AssertUnchanged(id, before);
    }

    [Fact]
    public async Task pausing_an_archived_watchlist_is_refused_with_409_and_appends_nothing()
    {
        var id = await ArchivedWatchlist();
        var before = (await AllEvents()).Count;

        await Problem(await Client().PostAsync($"/api/watchlists/{id}/pause", null), HttpStatusCode.Conflict);

        await AssertUnchanged(id, before);
    }

    [Fact]
    public async Task resuming_an_archived_watchlist_is_refused_with_409_and_appends_nothing()
    {
        var id = await ArchivedWatchlist();
        var before = (await AllEvents()).Count;

        await Problem(await Client().PostAsync($"/api/watchlists/{id}/resume", null), HttpStatusCode.Conflict);

        await AssertUnchanged(id, before);
    }

    [Fact]
    public async Task invalid_terms_for_an_archived_watchlist_are_answered_409_not_422()
    {
        var id = await ArchivedWatchlist();
        var before = (await AllEvents()).Count;

        var response = await PutJson($"/api/watchlists/{id}/terms", new { terms = Array.Empty<object>() });

        await Problem(response, HttpStatusCode.Conflict);
        await AssertUnchanged(id, before);
    }

    private async Task<Guid> ArchivedWatchlist()
    {
        var id = await CreateWatchlist("Old campaign", ("rocket attack", "en"));
        var archived = await Json(await Client().PostAsync($"/api/watchlists/{id}/archive", null), HttpStatusCode.OK);
        Assert.Equal("Archived", archived["state"]!.GetValue<string>());
        return id;
    }

    private async Task AssertUnchanged(Guid id, int eventsBefore)
    {
        Assert.Equal(eventsBefore, (await AllEvents()).Count);
        var fetched = await Json(await Get($"/api/watchlists/{id}"), HttpStatusCode.OK);
        Assert.Equal("Archived", fetched["state"]!.GetValue<string>());
        Assert.Equal(2, fetched["version"]!.GetValue<int>());
        Assert.Equal("Old campaign", fetched["name"]!.GetValue<string>());
        Assert.Equal(new (string, string?)[] { ("rocket attack", "en") }, CreatingWatchlists.Terms(fetched));
    }

    private static async Task<JsonNode> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = await Json(response, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()));
        return problem;
    }
}
