using System.Net;
using System.Text.Json.Nodes;
using MediaMonitor.Watchlists;

namespace MediaMonitor.IntegrationTests.Watchlists;

/// <summary>Changing terms and name, and the pause / resume / archive transitions, with their no-ops.</summary>
public sealed class ChangingWatchlists(AppFixture app) : ApiTest(app)
{
    [Fact]
    public async Task changing_terms_answers_the_watchlist_at_version_2_with_the_new_terms_and_appends_one_event()
    {
        var id = await CreateWatchlist("Infrastructure", ("rocket attack", "en"));
        var created = await Json(await Get($"/api/watchlists/{id}"), HttpStatusCode.OK);

        var changed = await Json(await PutJson($"/api/watchlists/{id}/terms", new
        {
            terms = new[] { new { phrase = "bridge collapse", lang = "en" }, new { phrase = "power outage", lang = "en" } },
        }), HttpStatusCode.OK);

        Assert.Equal(id, changed["id"]!.GetValue<Guid>());
        Assert.Equal(2, changed["version"]!.GetValue<int>());
        Assert.Equal("Active", changed["state"]!.GetValue<string>());
        Assert.Equal(new (string, string?)[] { ("bridge collapse", "en"), ("power outage", "en") }, CreatingWatchlists.Terms(changed));
        Assert.Equal(created["createdAt"]!.GetValue<DateTimeOffset>(), changed["createdAt"]!.GetValue<DateTimeOffset>());
        Assert.True(changed["updatedAt"]!.GetValue<DateTimeOffset>() > created["updatedAt"]!.GetValue<DateTimeOffset>());

        var fetched = await Json(await Get($"/api/watchlists/{id}"), HttpStatusCode.OK);
        Assert.Equal(2, fetched["version"]!.GetValue<int>());
        Assert.Equal(CreatingWatchlists.Terms(changed), CreatingWatchlists.Terms(fetched));

        var events = await AllEvents();
        Assert.Equal(2, events.Count);
        Assert.Equal(id, events[1].StreamId);
        Assert.Equal(2, events[1].Version);
        var data = Assert.IsType<WatchlistTermsChanged>(events[1].Data);
        Assert.Equal(new[] { "bridge collapse", "power outage" }, data.Terms.Select(t => t.Phrase));
    }

    [Fact]
    public async Task putting_the_same_terms_again_is_a_no_op_that_keeps_the_version_and_appends_nothing()
    {
        var id = await CreateWatchlist("Infrastructure", ("rocket attack", "en"), ("bridge collapse", null));
        var before = (await AllEvents()).Count;

        // The same terms, written as a client might: other spacing and case of the language.
        var response = await PutJson($"/api/watchlists/{id}/terms", new
        {
            terms = new[] { new { phrase = " rocket attack ", lang = (string?)"EN" }, new { phrase = "bridge collapse", lang = (string?)null } },
        });

        var same = await Json(response, HttpStatusCode.OK);
        Assert.Equal(1, same["version"]!.GetValue<int>());
        Assert.Equal(before, (await AllEvents()).Count);
        Assert.Equal(1, (await Json(await Get($"/api/watchlists/{id}"), HttpStatusCode.OK))["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task renaming_answers_the_new_name_at_the_next_version_and_the_list_orders_by_it()
    {
        var first = await CreateWatchlist("Alpha", ("rocket attack", "en"));
        var second = await CreateWatchlist("Bravo", ("bridge collapse", "en"));

        var renamed = await Json(await PutJson($"/api/watchlists/{first}/name", new { name = "  Charlie " }), HttpStatusCode.OK);

        Assert.Equal("Charlie", renamed["name"]!.GetValue<string>());
        Assert.Equal(2, renamed["version"]!.GetValue<int>());
        var list = (await Json(await Get("/api/watchlists"), HttpStatusCode.OK)).AsArray();
        Assert.Equal(new[] { second, first }, list.Select(x => x!["id"]!.GetValue<Guid>()));
        Assert.Equal(new[] { "Bravo", "Charlie" }, list.Select(x => x!["name"]!.GetValue<string>()));
        var last = (await AllEvents())[^1];
        Assert.Equal("Charlie", Assert.IsType<WatchlistRenamed>(last.Data).Name);
    }

    [Fact]
    public async Task renaming_to_the_same_name_is_a_no_op()
    {
        var id = await CreateWatchlist("Alpha", ("rocket attack", "en"));
        var before = (await AllEvents()).Count;

        var same = await Json(await PutJson($"/api/watchlists/{id}/name", new { name = "Alpha " }), HttpStatusCode.OK);

        Assert.Equal("Alpha", same["name"]!.GetValue<string>());
        Assert.Equal(1, same["version"]!.GetValue<int>());
        Assert.Equal(before, (await AllEvents()).Count);
    }

    [Fact]
    public async Task pausing_then_resuming_moves_through_paused_and_active_one_version_each()
    {
        var id = await CreateWatchlist("Alpha", ("rocket attack", "en"));

        var paused = await Json(await Post($"/api/watchlists/{id}/pause"), HttpStatusCode.OK);
        Assert.Equal("Paused", paused["state"]!.GetValue<string>());
        Assert.Equal(2, paused["version"]!.GetValue<int>());

        var resumed = await Json(await Post($"/api/watchlists/{id}/resume"), HttpStatusCode.OK);
        Assert.Equal("Active", resumed["state"]!.GetValue<string>());
        Assert.Equal(3, resumed["version"]!.GetValue<int>());

        var fetched = await Json(await Get($"/api/watchlists/{id}"), HttpStatusCode.OK);
        Assert.Equal("Active", fetched["state"]!.GetValue<string>());
        Assert.Equal(3, fetched["version"]!.GetValue<int>());
        var events = await AllEvents();
        Assert.Equal(3, events.Count);
        Assert.IsType<WatchlistPaused>(events[1].Data);
        Assert.IsType<WatchlistResumed>(events[2].Data);
    }

    [Fact]
    public async Task pausing_a_paused_watchlist_is_a_no_op()
    {
        var id = await CreateWatchlist("Alpha", ("rocket attack", "en"));
        await Json(await Post($"/api/watchlists/{id}/pause"), HttpStatusCode.OK);
        var before = (await AllEvents()).Count;

        var again = await Json(await Post($"/api/watchlists/{id}/pause"), HttpStatusCode.OK);

        Assert.Equal("Paused", again["state"]!.GetValue<string>());
        Assert.Equal(2, again["version"]!.GetValue<int>());
        Assert.Equal(before, (await AllEvents()).Count);
    }

    [Fact]
    public async Task resuming_an_active_watchlist_is_a_no_op()
    {
        var id = await CreateWatchlist("Alpha", ("rocket attack", "en"));

        var again = await Json(await Post($"/api/watchlists/{id}/resume"), HttpStatusCode.OK);

        Assert.Equal("Active", again["state"]!.GetValue<string>());
        Assert.Equal(1, again["version"]!.GetValue<int>());
        Assert.Single(await AllEvents());
    }

    [Fact]
    public async Task archiving_an_active_watchlist_makes_it_archived_at_the_next_version()
    {
        var id = await CreateWatchlist("Alpha", ("rocket attack", "en"));

        var archived = await Json(await Post($"/api/watchlists/{id}/archive"), HttpStatusCode.OK);

        Assert.Equal("Archived", archived["state"]!.GetValue<string>());
        Assert.Equal(2, archived["version"]!.GetValue<int>());
        var fetched = await Json(await Get($"/api/watchlists/{id}"), HttpStatusCode.OK);
        Assert.Equal("Archived", fetched["state"]!.GetValue<string>());
        Assert.IsType<WatchlistArchived>((await AllEvents())[^1].Data);
    }

    [Fact]
    public async Task archiving_a_paused_watchlist_is_allowed()
    {
        var id = await CreateWatchlist("Alpha", ("rocket attack", "en"));
        await Json(await Post($"/api/watchlists/{id}/pause"), HttpStatusCode.OK);

        var archived = await Json(await Post($"/api/watchlists/{id}/archive"), HttpStatusCode.OK);

        Assert.Equal("Archived", archived["state"]!.GetValue<string>());
        Assert.Equal(3, archived["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task archiving_an_archived_watchlist_is_a_no_op()
    {
        var id = await CreateWatchlist("Alpha", ("rocket attack", "en"));
        await Json(await Post($"/api/watchlists/{id}/archive"), HttpStatusCode.OK);
        var before = (await AllEvents()).Count;

        var again = await Json(await Post($"/api/watchlists/{id}/archive"), HttpStatusCode.OK);

        Assert.Equal("Archived", again["state"]!.GetValue<string>());
        Assert.Equal(2, again["version"]!.GetValue<int>());
        Assert.Equal(before, (await AllEvents()).Count);
    }

    [Fact]
    public async Task every_change_counts_one_version_in_order()
    {
        var id = await CreateWatchlist("Alpha", ("rocket attack", "en"));

        await Json(await PutJson($"/api/watchlists/{id}/terms", new { terms = new[] { new { phrase = "bridge collapse", lang = "en" } } }), HttpStatusCode.OK);
        await Json(await PutJson($"/api/watchlists/{id}/name", new { name = "Bravo" }), HttpStatusCode.OK);
        await Json(await Post($"/api/watchlists/{id}/pause"), HttpStatusCode.OK);
        await Json(await Post($"/api/watchlists/{id}/resume"), HttpStatusCode.OK);
        var last = await Json(await PutJson($"/api/watchlists/{id}/terms", new { terms = new[] { new { phrase = "power outage", lang = "en" } } }), HttpStatusCode.OK);

        Assert.Equal(6, last["version"]!.GetValue<int>());
        Assert.Equal("Bravo", last["name"]!.GetValue<string>());
        var events = await AllEvents();
        Assert.Equal(new long[] { 1, 2, 3, 4, 5, 6 }, events.Select(e => e.Version));
    }

    [Fact]
    public async Task concurrent_term_changes_are_each_applied_or_refused_with_409_never_lost()
    {
        var id = await CreateWatchlist("Alpha", ("rocket attack", "en"));
        var phrases = new[] { "bridge collapse", "power outage", "harbour strike", "dock closure", "grain shortage", "flash flood" };

        var responses = await Task.WhenAll(phrases.Select(p =>
            PutJson($"/api/watchlists/{id}/terms", new { terms = new[] { new { phrase = p, lang = "en" } } })));

        var applied = new List<JsonNode>();
        foreach (var r in responses.Where(r => r.StatusCode == HttpStatusCode.OK)) applied.Add(await Json(r, HttpStatusCode.OK));
        Assert.NotEmpty(applied);
        // Nothing lost: every change answered 200 is in the stream, one version each, and the last one is current.
        var versions = applied.Select(a => a["version"]!.GetValue<int>()).Order().ToList();
        Assert.Equal(Enumerable.Range(2, applied.Count), versions);
        Assert.Equal(1 + applied.Count, (await AllEvents()).Count);
        var last = applied.MaxBy(a => a["version"]!.GetValue<int>())!;
        var fetched = await Json(await Get($"/api/watchlists/{id}"), HttpStatusCode.OK);
        Assert.Equal(1 + applied.Count, fetched["version"]!.GetValue<int>());
        Assert.Equal(CreatingWatchlists.Terms(last), CreatingWatchlists.Terms(fetched));
        // And every change not applied was refused as a conflict the client can retry.
        Assert.Equal(
            Enumerable.Repeat(HttpStatusCode.Conflict, responses.Length - applied.Count),
            responses.Where(r => r.StatusCode != HttpStatusCode.OK).Select(r => r.StatusCode));
        foreach (var refused in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }
    }

    private Task<HttpResponseMessage> Post(string url) => Client().PostAsync(url, null);
}
