using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MediaMonitor.IntegrationTests.Infrastructure;

namespace MediaMonitor.IntegrationTests.Feeds;

/// <summary>Feeds whose schedule runs for real (a poll every 2 s), on hosts of their own on a database of their own.</summary>
public sealed class FeedsAcrossNodes(AppFixture app) : FeedTest(app)
{
    [Fact]
    public async Task a_host_started_again_resumes_the_schedule_it_left()
    {
        await using var database = await App.Database.SiblingAsync();
        Site.Serve("/rss", TestFeeds.Rss(TestFeeds.ArabicItems));
        await using (var first = await AppFixture.StartHostAsync(database.ConnectionString))
        {
            var client = AppFixture.AdminClient(first);
            var added = await client.PostAsJsonAsync("/api/feeds", new { url = Site.Url("/rss"), intervalSeconds = 2 });
            var id = (await Json(added, HttpStatusCode.Created))["id"]!.GetValue<Guid>();
            await Eventually(async () => (await FeedOf(client, id))["articlesCreated"]!.GetValue<int>() == 2, "the first poll");
            await first.StopAsync();
        }
        Site.Serve("/rss", TestFeeds.Rss([TestFeeds.NewArabicItem, .. TestFeeds.ArabicItems]));
        var stoppedAt = Site.Requests.Count;

        await using var second = await AppFixture.StartHostAsync(database.ConnectionString);
        var again = AppFixture.AdminClient(second);
        var feeds = JsonNode.Parse(await again.GetStringAsync("/api/feeds"))!.AsArray();
        var feedId = Assert.Single(feeds)!["id"]!.GetValue<Guid>();
        await Eventually(async () => (await FeedOf(again, feedId))["articlesCreated"]!.GetValue<int>() == 3, "a scheduled poll after the restart");
        Assert.True(Site.Requests.Count > stoppedAt);
    }

    [Fact]
    public async Task two_nodes_poll_each_feed_once_a_turn()
    {
        await using var database = await App.Database.SiblingAsync();
        Site.Serve("/rss", TestFeeds.Rss(TestFeeds.ArabicItems));
        Site.Serve("/atom", TestFeeds.Atom, "application/atom+xml");
        IReadOnlyList<(string Name, string Value)> settings = [("MediaMonitor__Feeds__MinIntervalSeconds", "1")];
        await using var first = await ServiceProcess.StartAsync("Testing", database.ConnectionString, AppFixture.AdminKey, settings);
        await using var second = await ServiceProcess.StartAsync("Testing", database.ConnectionString, AppFixture.AdminKey, settings);
        Assert.Equal(HttpStatusCode.Created, (await first.Client().PostAsJsonAsync("/api/feeds", new { url = Site.Url("/rss"), intervalSeconds = 2 })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await second.Client().PostAsJsonAsync("/api/feeds", new { url = Site.Url("/atom"), intervalSeconds = 2 })).StatusCode);

        await Eventually(() => Task.FromResult(Site.RequestsFor("/rss").Count >= 5 && Site.RequestsFor("/atom").Count >= 5), "five polls of each feed");

        // One chain per feed, each poll handled by one node: polls of a feed come an interval apart, never two at once.
        foreach (var path in new[] { "/rss", "/atom" })
        {
            var times = Site.RequestsFor(path).Select(r => r.At).ToList();
            var gaps = times.Zip(times.Skip(1), (a, b) => b - a).ToList();
            Assert.All(gaps, gap => Assert.True(gap > TimeSpan.FromSeconds(1), $"Two polls of {path} {gap.TotalMilliseconds:0} ms apart."));
        }
        var articles = JsonNode.Parse(await first.Client().GetStringAsync("/api/feeds"))!.AsArray().Sum(f => f!["articlesCreated"]!.GetValue<int>());
        Assert.Equal(3, articles);
    }

    private static async Task<JsonNode> FeedOf(HttpClient client, Guid id) => JsonNode.Parse(await client.GetStringAsync($"/api/feeds/{id}"))!;
}
