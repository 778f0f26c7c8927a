using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MediaMonitor.IntegrationTests.Ingestion;

/// <summary>
/// A batch is answered within its time budget whatever it holds (one once never answered): articles go in transaction by
/// transaction, and those not reached when the budget is spent are answered deferred and stored nowhere.
/// </summary>
public sealed class BatchTimeBudget(AppFixture app) : ApiTest(app)
{
    private const string Budget = "MediaMonitor:Ingestion:BatchBudget";

    private async Task<JsonNode> PostBatch(IEnumerable<object> articles) =>
        await Json(await PostJson("/api/articles/batch", articles, AppFixture.IngestKey), HttpStatusCode.OK);

    private static IEnumerable<object> Articles(int count, string tag) =>
        Enumerable.Range(0, count).Select(i => new { body = $"A rocket attack hit the {tag} post number {i} overnight." });

    private IDisposable SpentBudget()
    {
        var configuration = (IConfigurationRoot)App.Host.Services.GetRequiredService<IConfiguration>();
        configuration[Budget] = "00:00:00";
        configuration.Reload();
        return new Restore(configuration);
    }

    [Fact]
    public async Task when_the_budget_is_spent_after_the_first_transaction_the_rest_is_deferred_and_not_stored()
    {
        JsonNode answer;
        using (SpentBudget()) answer = await PostBatch(Articles(300, "first"));

        Assert.Equal(250, answer["created"]!.GetValue<int>());
        Assert.Equal(50, answer["deferred"]!.GetValue<int>());
        var deferred = answer["items"]!.AsArray().Where(i => i!["status"]!.GetValue<string>() == "deferred").ToList();
        Assert.Equal(Enumerable.Range(250, 50), deferred.Select(i => i!["index"]!.GetValue<int>()));
        Assert.All(deferred, i => Assert.Null(i!["id"]));
        Assert.Equal(250, (await AllEvents()).Count(e => e.Data is MediaMonitor.Ingestion.ArticleIngested));

        var again = await PostBatch(Articles(300, "first"));
        Assert.Equal(250, again["duplicates"]!.GetValue<int>());
        Assert.Equal(50, again["created"]!.GetValue<int>());
    }

    [Fact]
    public async Task a_transaction_holds_at_most_a_thousand_alerts_so_a_batch_of_articles_matching_many_watchlists_commits_in_parts()
    {
        for (var i = 0; i < 5; i++) await CreateWatchlist($"Rockets {i}", ("rocket attack", "en"));

        JsonNode answer;
        using (SpentBudget()) answer = await PostBatch(Articles(400, "second"));

        // Five alerts an article: the first transaction stops at 200 articles, not at the chunk's 250.
        Assert.Equal(200, answer["created"]!.GetValue<int>());
        Assert.Equal(200, answer["deferred"]!.GetValue<int>());
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
