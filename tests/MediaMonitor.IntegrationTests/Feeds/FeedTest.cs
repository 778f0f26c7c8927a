using System.Net;
using System.Text.Json.Nodes;
using Alba;
using MediaMonitor.Alerts;
using MediaMonitor.Ingestion;
using Marten;
using Wolverine;
using Wolverine.Tracking;

namespace MediaMonitor.IntegrationTests.Feeds;

/// <summary>Feed tests: feeds added over the API, served by a real HTTP server of the test, each poll waited for with
/// Wolverine's tracking (the next poll it schedules is an hour away, so only the polls a test asks for run).</summary>
public abstract class FeedTest(AppFixture app) : ApiTest(app)
{
    public const int Interval = 3600;

    protected FeedServer Site { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Site = await FeedServer.StartAsync();
    }

    public override async Task DisposeAsync()
    {
        await Site.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>Adds a feed of the test site and waits for its first poll; returns the 201's feed.</summary>
    protected async Task<JsonNode> AddFeed(string path, string? lang = null, bool fullText = false)
    {
        JsonNode? feed = null;
        await Tracked(async () => feed = await Json(await PostJson("/api/feeds",
            new { url = Site.Url(path), name = "Test site", lang, intervalSeconds = Interval, fullText }), HttpStatusCode.Created));
        return feed!;
    }

    /// <summary>Asks for a poll now and waits for it.</summary>
    protected Task PollNow(Guid feedId) => Tracked(async () => await Json(await PostJson($"/api/feeds/{feedId}/poll", new { }), HttpStatusCode.Accepted));

    protected async Task Tracked(Func<Task> action) =>
        await App.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(60)).ExecuteAndWaitAsync((Func<IMessageContext, Task>)(_ => action()));

    protected async Task<JsonNode> Feed(Guid id) => await Json(await Get($"/api/feeds/{id}"), HttpStatusCode.OK);

    protected async Task<IReadOnlyList<string>> History(Guid id) =>
        (await Json(await Get($"/api/feeds/{id}/history"), HttpStatusCode.OK)).AsArray().Select(e => e!["type"]!.GetValue<string>()).ToList();

    protected async Task<IReadOnlyList<ArticleView>> Articles()
    {
        await using var session = App.Store.QuerySession();
        return await session.Query<ArticleView>().OrderBy(a => a.IngestedAt).ToListAsync();
    }

    protected async Task<IReadOnlyList<AlertView>> Alerts()
    {
        await using var session = App.Store.QuerySession();
        return await session.Query<AlertView>().ToListAsync();
    }
}
