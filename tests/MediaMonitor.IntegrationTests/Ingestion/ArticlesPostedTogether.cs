using System.Net;
using System.Net.Http.Json;
using JasperFx.Events;
using Marten;
using MediaMonitor.Alerts;
using MediaMonitor.Ingestion;
using Microsoft.Extensions.DependencyInjection;

namespace MediaMonitor.IntegrationTests.Ingestion;

/// <summary>Single posts that arrive while others are being written go in together (see ArticleGroupCommit).</summary>
public sealed class ArticlesPostedTogether(AppFixture app) : ApiTest(app)
{
    private const string Held = "A story another transaction is taking in right now.";

    [Fact]
    public async Task articles_posted_while_every_writer_is_busy_commit_in_one_transaction_each_with_its_own_correlation_id_and_caller()
    {
        await CreateWatchlist("Withdrawal", ("troop withdrawal", null));
        var (held, _) = ArticleIntake.Check(new IngestArticle(null, Held, null, null, null, null));
        await using var holder = App.Store.LightweightSession();
        Assert.True(await ArticleClaims.ClaimAsync(holder, [held!], null, CancellationToken.None));

        // Every writer takes a copy of the held article and waits for its claim.
        var busy = new List<Task<HttpResponseMessage>>();
        for (var writer = 1; writer <= ArticleGroupCommit.Writers; writer++)
        {
            busy.Add(Post(new { body = Held }, AppFixture.IngestKey, $"busy-{writer}"));
            await Eventually(async () => await WaitingClaims() == writer, $"writer {writer} to wait for the held claim");
        }
        var together = Enumerable.Range(1, 4)
            .Select(n => Post(new { body = $"Report {n}: the troop withdrawal from the northern base went on overnight." },
                n % 2 == 0 ? AppFixture.AdminKey : AppFixture.IngestKey, $"together-{n}"))
            .ToList();
        var group = App.Host.Services.GetRequiredService<ArticleGroupCommit>();
        await Eventually(() => Task.FromResult(group.Waiting == together.Count), "the posts to wait for a writer");
        await holder.DisposeAsync();

        var answers = await Task.WhenAll(together);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        Assert.Single((await Task.WhenAll(busy)), a => a.StatusCode == HttpStatusCode.Created);
        var ids = new List<Guid>();
        foreach (var answer in answers) ids.Add((await answer.Content.ReadFromJsonAsync<IngestResponse>(Web))!.Id);

        var events = (await AllEvents()).Where(e => ArticleOf(e) is { } article && ids.Contains(article)).ToList();
        Assert.Equal(12, events.Count);
        for (var n = 1; n <= 4; n++)
        {
            var own = events.Where(e => ArticleOf(e) == ids[n - 1]).ToList();
            Assert.All(own, e => Assert.Equal($"together-{n}", e.CorrelationId));
            Assert.All(own, e => Assert.Equal(n % 2 == 0 ? "admin" : "ingester", e.UserName));
        }
        Assert.Single(await TransactionsOf(events));
    }

    private static Guid? ArticleOf(IEvent e) => e.Data switch
    {
        ArticleIngested i => i.ArticleId,
        ArticleMatched m => m.ArticleId,
        AlertRaised a => a.ArticleId,
        _ => null,
    };

    private Task<HttpResponseMessage> Post(object article, string key, string correlation)
    {
        var client = Client(key);
        client.DefaultRequestHeaders.Add("X-Correlation-Id", correlation);
        return client.PostAsJsonAsync("/api/articles", article);
    }

    private async Task<int> WaitingClaims()
    {
        await using var session = App.Store.QuerySession();
        return (await session.AdvancedSql.QueryAsync<int>(
            "select count(*)::int from pg_locks where locktype = 'advisory' and not granted", CancellationToken.None)).Single();
    }

    /// <summary>The ids of the transactions that wrote the events (PostgreSQL's xmin of their rows).</summary>
    private async Task<IReadOnlyList<string>> TransactionsOf(IEnumerable<IEvent> events)
    {
        await using var session = App.Store.QuerySession();
        return await session.AdvancedSql.QueryAsync<string>(
            "select distinct xmin::text from mediamonitor.mt_events where seq_id = any(?)", CancellationToken.None,
            events.Select(e => e.Sequence).ToArray());
    }
}
