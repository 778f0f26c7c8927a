using System.Net;
using System.Text.Json.Nodes;

namespace MediaMonitor.IntegrationTests.Alerts;

/// <summary>Cursor paging of the alert feed: nextCursor of one page is the cursor of the next.</summary>
public sealed class AlertFeedPaging(AppFixture app) : ApiTest(app)
{
    [Fact]
    public async Task with_limit_2_five_alerts_come_in_pages_of_2_2_and_1_in_feed_order_each_once()
    {
        await CreateWatchlist("Security", ("rocket attack", "en"));
        var raised = new List<Guid>();
        for (var n = 1; n <= 5; n++) raised.Add(await RaiseOne(n));
        var newestFirst = Enumerable.Reverse(raised).ToList();

        var pages = await AllPages("limit=2");

        Assert.Equal(new[] { 2, 2, 1 }, pages.Select(p => p.Ids.Count));
        Assert.NotNull(pages[0].NextCursor);
        Assert.NotNull(pages[1].NextCursor);
        Assert.Null(pages[2].NextCursor);
        Assert.Equal(newestFirst, pages.SelectMany(p => p.Ids));
    }

    [Fact]
    public async Task the_cursor_of_a_page_leads_with_the_raised_time_of_its_last_alert_which_bounds_the_next_page()
    {
        await CreateWatchlist("Security", ("rocket attack", "en"));
        for (var n = 1; n <= 3; n++) await RaiseOne(n);

        var page = await Json(await Get("/api/alerts?limit=2"), HttpStatusCode.OK);

        var last = page["items"]!.AsArray()[^1]!["raisedAt"]!.GetValue<DateTimeOffset>();
        var leading = MediaMonitor.Infrastructure.CursorBound.LeadingTime(page["nextCursor"]!.GetValue<string>());
        // PostgreSQL keeps instants to the microsecond: the cursor holds the raised time rounded to one.
        Assert.NotNull(leading);
        Assert.InRange((leading.Value - last).Duration(), TimeSpan.Zero, TimeSpan.FromTicks(5));
    }

    [Fact]
    public async Task without_a_limit_one_page_holds_all_and_has_no_next_cursor()
    {
        await CreateWatchlist("Security", ("rocket attack", "en"));
        var raised = new List<Guid>();
        for (var n = 1; n <= 5; n++) raised.Add(await RaiseOne(n));

        var pages = await AllPages("");

        var page = Assert.Single(pages);
        Assert.Equal(Enumerable.Reverse(raised), page.Ids);
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task paging_keeps_the_filter_on_every_page()
    {
        var rockets = await CreateWatchlist("Rockets", ("rocket attack", "en"));
        await CreateWatchlist("Bridges", ("bridge collapse", "en"));
        var wanted = new List<Guid>();
        for (var n = 1; n <= 5; n++)
        {
            wanted.Add(await RaiseOne(n));
            await Ingest(new
            {
                title = $"Bridge report {n}", body = $"Engineers inspected crossing {n} after a bridge collapse in the valley.", lang = "en",
            });
        }

        var pages = await AllPages($"watchlistId={rockets}&limit=2");

        Assert.Equal(new[] { 2, 2, 1 }, pages.Select(p => p.Ids.Count));
        Assert.Equal(Enumerable.Reverse(wanted), pages.SelectMany(p => p.Ids));
    }

    [Fact]
    public async Task an_alert_raised_after_the_first_page_does_not_shift_the_later_pages()
    {
        await CreateWatchlist("Security", ("rocket attack", "en"));
        var raised = new List<Guid>();
        for (var n = 1; n <= 4; n++) raised.Add(await RaiseOne(n));

        var first = await Page("limit=2");
        var newer = await RaiseOne(5);
        var second = await Page($"limit=2&cursor={Uri.EscapeDataString(first.NextCursor!)}");

        Assert.Equal(new[] { raised[3], raised[2] }, first.Ids);
        Assert.Equal(new[] { raised[1], raised[0] }, second.Ids);
        Assert.DoesNotContain(newer, second.Ids);
    }

    private sealed record FeedPage(List<Guid> Ids, string? NextCursor);

    private async Task<List<FeedPage>> AllPages(string query)
    {
        var pages = new List<FeedPage>();
        string? cursor = null;
        do
        {
            var q = cursor is null ? query : $"{query}&cursor={Uri.EscapeDataString(cursor)}";
            var page = await Page(q);
            pages.Add(page);
            cursor = page.NextCursor;
            Assert.True(pages.Count <= 10, "The feed does not end.");
        } while (cursor is not null);
        return pages;
    }

    private async Task<FeedPage> Page(string query)
    {
        var json = await Json(await Get($"/api/alerts?{query}"), HttpStatusCode.OK);
        return new FeedPage(
            json["items"]!.AsArray().Select(x => x!["id"]!.GetValue<Guid>()).ToList(),
            json["nextCursor"]?.GetValue<string>());
    }

    private async Task<Guid> RaiseOne(int n)
    {
        var ingested = await Ingest(new
        {
            title = $"Dispatch {n}", body = $"Report {n} of the week: residents said a rocket attack hit district {n}.", lang = "en", source = "Wire",
        });
        return Assert.Single(ingested["alerts"]!.AsArray())!["alertId"]!.GetValue<Guid>();
    }
}
