using System.Net;
using MediaMonitor.Audit;
using Marten;
using Wolverine;
using Wolverine.Tracking;

namespace MediaMonitor.IntegrationTests.Ingestion;

public sealed class RemovingArticles(AppFixture app) : ApiTest(app)
{
    private const string Marker = "Zubaida Haddad";

    private async Task<long> RowsMentioningMarker(string table)
    {
        await using var session = App.Store.QuerySession();
        var rows = await session.AdvancedSql.QueryAsync<long>($"select count(*) from mediamonitor.{table} where data::text like '%{Marker}%'", CancellationToken.None);
        return rows.Single();
    }

    private async Task RebuildAndWait(string name)
    {
        // The rebuild runs as a Wolverine message: the tracked session ends when it has been handled.
        var tracked = await App.Host.TrackActivity().Timeout(TimeSpan.FromMinutes(1)).ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ =>
            await Json(await PostJson($"/api/admin/projections/{name}/rebuild", new { }), HttpStatusCode.Accepted)));
        Assert.Single(tracked.Executed.MessagesOf<RebuildProjection>());
        Assert.Equal("Completed", (await Json(await Get($"/api/admin/projections/{name}/rebuild"), HttpStatusCode.OK))["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_removed_articles_text_is_gone_from_events_and_views_even_after_a_rebuild_and_its_alerts_remain()
    {
        await CreateWatchlist("Attacks", ("rocket attack", "en"));
        var ingested = await Ingest(new { title = $"{Marker} speaks", body = $"A rocket attack hit the house of {Marker}.", url = "https://news.example/haddad" });
        var article = ingested["id"]!.GetValue<Guid>();
        var alert = ingested["alerts"]![0]!["alertId"]!.GetValue<Guid>();
        Assert.True(await RowsMentioningMarker("mt_events") > 0);

        var removed = await Client().DeleteAsync($"/api/articles/{article}?reason=privacy%20request");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);

        Assert.Equal(0, await RowsMentioningMarker("mt_events"));
        Assert.Equal(0, await RowsMentioningMarker("mt_doc_articleview"));
        Assert.Equal(0, await RowsMentioningMarker("mt_doc_alertview"));
        var view = await Json(await Get($"/api/articles/{article}"), HttpStatusCode.OK);
        Assert.Equal("", view["body"]!.GetValue<string>());
        Assert.Null(view["title"]);
        Assert.Equal("privacy request", view["removalReason"]!.GetValue<string>());
        var hit = view["matches"]![0]!["hits"]![0]!;
        Assert.Equal(2, hit["start"]!.GetValue<int>());
        var alertView = await Json(await Get($"/api/alerts/{alert}"), HttpStatusCode.OK);
        Assert.Equal("", alertView["hits"]![0]!["text"]!.GetValue<string>());
        var history = (await Json(await Get($"/api/articles/{article}/history"), HttpStatusCode.OK)).AsArray();
        Assert.Equal(["article_ingested", "article_matched", "article_removed"], history.Select(e => e!["type"]!.GetValue<string>()));

        await RebuildAndWait("ArticleView");
        await RebuildAndWait("AlertView");
        Assert.Equal(0, await RowsMentioningMarker("mt_doc_articleview"));
        Assert.Equal(0, await RowsMentioningMarker("mt_doc_alertview"));
        Assert.NotNull((await Json(await Get($"/api/articles/{article}"), HttpStatusCode.OK))["removedAt"]);
    }

    [Fact]
    public async Task a_removed_article_sent_again_is_still_a_duplicate_and_removing_twice_is_harmless()
    {
        var article = new { body = $"A report about {Marker}.", url = "https://news.example/again" };
        var id = (await Ingest(article))["id"]!.GetValue<Guid>();
        Assert.Equal(HttpStatusCode.NoContent, (await Client().DeleteAsync($"/api/articles/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Client().DeleteAsync($"/api/articles/{id}")).StatusCode);

        await Ingest(article, HttpStatusCode.OK);
        Assert.Single(await AllEvents(), e => e.Data is MediaMonitor.Ingestion.ArticleRemoved);
    }

    [Fact]
    public async Task removing_needs_the_admin_scope_and_an_existing_article()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Client().DeleteAsync($"/api/articles/{Guid.NewGuid()}")).StatusCode);
        var id = (await Ingest(new { body = "Some text." }))["id"]!.GetValue<Guid>();
        Assert.Equal(HttpStatusCode.Forbidden, (await Client(AppFixture.IngestKey).DeleteAsync($"/api/articles/{id}")).StatusCode);
    }
}
