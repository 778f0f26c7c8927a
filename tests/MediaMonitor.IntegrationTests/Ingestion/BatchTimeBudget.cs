using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using MediaMonitor.Ingestion;
using Microsoft.Extensions.DependencyInjection;

namespace MediaMonitor.IntegrationTests.Ingestion;

/// <summary>
/// A batch is answered within its time budget whatever it holds (one once never answered): articles go in transaction by
/// transaction, sized to the time left at the pace of the first, and those not reached when the budget is spent are
/// answered deferred and stored nowhere.
/// </summary>
public sealed class BatchTimeBudget(AppFixture app) : ApiTest(app)
{
    private const string Budget = "MediaMonitor:Ingestion:BatchBudget";

    private async Task<JsonNode> PostBatch(IEnumerable<object> articles) =>
        await Json(await PostJson("/api/articles/batch", articles, AppFixture.IngestKey), HttpStatusCode.OK);

    private static IEnumerable<object> Articles(int count, string tag) =>
        Enumerable.Range(0, count).Select(i => new { body = $"A rocket attack hit the {tag} post number {i} overnight." });

    private IDisposable SpentBudget() => WithBudget("00:00:00");

    private IDisposable WithBudget(string budget)
    {
        var configuration = (IConfigurationRoot)App.Host.Services.GetRequiredService<IConfiguration>();
        configuration[Budget] = budget;
        configuration.Reload();
        return new Restore(configuration);
    }

    [Fact]
    public async Task when_the_budget_is_spent_before_the_first_transaction_one_article_goes_in_and_the_rest_is_deferred_and_not_stored()
    {
        JsonNode answer;
        using (SpentBudget()) answer = await PostBatch(Articles(300, "first"));

        Assert.Equal(1, answer["created"]!.GetValue<int>());
        Assert.Equal(299, answer["deferred"]!.GetValue<int>());
        var deferred = answer["items"]!.AsArray().Where(i => i!["status"]!.GetValue<string>() == "deferred").ToList();
        Assert.Equal(Enumerable.Range(1, 299), deferred.Select(i => i!["index"]!.GetValue<int>()));
        Assert.All(deferred, i => Assert.Null(i!["id"]));
        Assert.Equal(1, (await AllEvents()).Count(e => e.Data is ArticleIngested));

        var again = await PostBatch(Articles(300, "first"));
        Assert.Equal(1, again["duplicates"]!.GetValue<int>());
        Assert.Equal(299, again["created"]!.GetValue<int>());
    }

    /// <summary>Five watchlists that each of <see cref="Articles"/> matches, and subscriptions to every watchlist: five
    /// alerts an article, and five deliveries for each subscription.</summary>
    private async Task RocketWatchlistsWatchedBy(int subscriptions)
    {
        for (var i = 0; i < 5; i++) await CreateWatchlist($"Rockets {i}", ("rocket attack", "en"));
        for (var i = 0; i < subscriptions; i++)
            await Json(await PostJson("/api/subscriptions", new { url = $"http://127.0.0.1:9/hook/{i}" }), HttpStatusCode.Created);
    }

    /// <summary>How many events of these types each transaction wrote, in the order written: rows written by one
    /// transaction share its id (xmin).</summary>
    private async Task<IReadOnlyList<long>> EventsPerTransaction(params string[] types)
    {
        await using var session = App.Store.QuerySession();
        return await session.AdvancedSql.QueryAsync<long>(
            $"select count(*) from mediamonitor.mt_events where type in ({string.Join(", ", types.Select(t => $"'{t}'"))}) group by xmin::text order by min(seq_id)",
            CancellationToken.None);
    }

    [Fact]
    public async Task a_transaction_holds_a_bounded_number_of_alerts_so_a_batch_of_articles_matching_many_watchlists_commits_in_parts()
    {
        await RocketWatchlistsWatchedBy(subscriptions: 0);

        JsonNode answer;
        using (WithBudget("00:05:00")) answer = await PostBatch(Articles(600, "second"));

        Assert.Equal(600, answer["created"]!.GetValue<int>());
        // Five alerts an article, so 3,000 alerts in parts.
        var perTransaction = await EventsPerTransaction("alert_raised");
        Assert.Equal(3_000, perTransaction.Sum());
        Assert.All(perTransaction, count => Assert.InRange(count, 1, ArticleIngestor.MaxAlertWritesPerTransaction));
    }

    [Fact]
    public async Task a_transaction_counts_the_deliveries_of_its_alerts_so_many_subscriptions_make_it_smaller()
    {
        await RocketWatchlistsWatchedBy(subscriptions: 3);

        JsonNode answer;
        using (WithBudget("00:05:00")) answer = await PostBatch(Articles(120, "third"));

        Assert.Equal(120, answer["created"]!.GetValue<int>());
        // Five alerts an article, each to three subscriptions: twenty writes an article, 2,400 in all, in parts (counting
        // the alerts alone, the 600 would go in one).
        var perTransaction = await EventsPerTransaction("alert_raised", "delivery_scheduled");
        Assert.Equal(2_400, perTransaction.Sum());
        Assert.All(perTransaction, count => Assert.InRange(count, 1, ArticleIngestor.MaxAlertWritesPerTransaction));
    }

    [Fact]
    public async Task the_first_transaction_of_a_batch_is_sized_by_its_text_so_long_articles_go_in_one_at_first()
    {
        var length = (int)(BatchPace.PaceWork * 6 / 10);
        var articles = Enumerable.Range(0, 4).Select(i => new
        {
            body = $"Article {i}. " + string.Concat(Enumerable.Repeat("Troops left the northern base overnight. ", length / 41)),
        });

        JsonNode answer;
        using (WithBudget("00:05:00")) answer = await PostBatch(articles);

        Assert.Equal(4, answer["created"]!.GetValue<int>());
        Assert.Equal([1L, 3L], await EventsPerTransaction("article_ingested"));
    }

    [Fact]
    public async Task the_first_transaction_of_a_batch_is_sized_by_its_alerts_and_deliveries_too()
    {
        await RocketWatchlistsWatchedBy(subscriptions: 3);

        JsonNode answer;
        using (WithBudget("00:05:00")) answer = await PostBatch(Articles(60, "fourth"));

        // Twenty alerts and deliveries an article: the first one alone is all the work the first transaction may do.
        Assert.Equal(60, answer["created"]!.GetValue<int>());
        var perTransaction = await EventsPerTransaction("article_ingested");
        Assert.Equal(1, perTransaction[0]);
        Assert.Equal(60, perTransaction.Sum());
    }

    [Fact]
    public async Task when_another_transaction_holds_an_article_of_a_batch_past_its_budget_that_article_is_deferred()
    {
        // The first article alone fills the first transaction; the second is claimed by a transaction held open here.
        var first = new { body = "Article one. " + string.Concat(Enumerable.Repeat("Troops left the northern base overnight. ", (int)(BatchPace.PaceWork / 41))) };
        var second = new { body = "A story another request is taking in right now." };
        var (held, _) = ArticleIntake.Check(new IngestArticle(null, second.body, null, null, null, null));
        await using var holder = App.Store.LightweightSession();
        Assert.True(await ArticleClaims.ClaimAsync(holder, [held!], null, CancellationToken.None));

        var client = Client(AppFixture.IngestKey);
        var correlation = $"claims-{Guid.NewGuid():N}";
        client.DefaultRequestHeaders.Add("X-Correlation-Id", correlation);
        JsonNode answer;
        // Without a bound on the wait for its claims, the batch would wait for the holder, which waits for the batch.
        using (WithBudget("00:00:02"))
            answer = await Json(await client.PostAsJsonAsync("/api/articles/batch", new object[] { first, second }).WaitAsync(TimeSpan.FromSeconds(60)), HttpStatusCode.OK);

        Assert.Equal(1, answer["created"]!.GetValue<int>());
        Assert.Equal(1, answer["deferred"]!.GetValue<int>());
        Assert.Equal("deferred", answer["items"]![1]!["status"]!.GetValue<string>());
        Assert.Equal(1, (await AllEvents()).Count(e => e.Data is ArticleIngested));
        // The wait running out is how the batch defers the article, not a server error.
        Assert.DoesNotContain(App.Logs.For(correlation), e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    [Fact]
    public async Task when_another_transaction_holds_the_first_article_of_a_batch_past_its_budget_every_article_is_deferred()
    {
        var first = new { body = "A story another request is taking in right now." };
        var second = new { body = "Troops left the northern base overnight." };
        var (held, _) = ArticleIntake.Check(new IngestArticle(null, first.body, null, null, null, null));
        await using var holder = App.Store.LightweightSession();
        Assert.True(await ArticleClaims.ClaimAsync(holder, [held!], null, CancellationToken.None));

        JsonNode answer;
        // The first transaction waits for its claims no longer than the budget: else the batch would wait for the
        // holder, which waits for the batch.
        using (WithBudget("00:00:01"))
            answer = await Json(await Client(AppFixture.IngestKey).PostAsJsonAsync("/api/articles/batch", new object[] { first, second }).WaitAsync(TimeSpan.FromSeconds(60)), HttpStatusCode.OK);

        Assert.Equal(0, answer["created"]!.GetValue<int>());
        Assert.Equal(2, answer["deferred"]!.GetValue<int>());
        Assert.DoesNotContain(await AllEvents(), e => e.Data is ArticleIngested);
    }

    [Fact]
    public async Task with_its_budget_a_batch_takes_in_every_article()
    {
        var answer = await PostBatch(Articles(600, "third"));

        Assert.Equal(600, answer["created"]!.GetValue<int>());
        Assert.Equal(0, answer["deferred"]!.GetValue<int>());
    }

    private sealed class Restore(IConfigurationRoot configuration) : IDisposable
    {
        public void Dispose()
        {
            configuration[Budget] = "00:00:03";
            configuration.Reload();
        }
    }
}
