using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.Logging;

namespace MediaMonitor.IntegrationTests.Infrastructure;

/// <summary>
/// A client's mistake or a lost race is answered, not logged as a server error: a fuzz run once wrote 43 MB of error
/// entries with stack traces for malformed bodies and settled duplicate races.
/// </summary>
public sealed class QuietLogs(AppFixture app) : ApiTest(app)
{
    private HttpClient Traced(string correlationId, string key = AppFixture.AdminKey)
    {
        var client = Client(key);
        client.DefaultRequestHeaders.Add("X-Correlation-Id", correlationId);
        return client;
    }

    private void AssertNoErrorsLogged(string correlationId)
    {
        var errors = App.Logs.For(correlationId).Where(e => e.Level >= LogLevel.Error).Select(e => $"{e.Category}: {e.Message}\n{e.Exception}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n\n", errors));
    }

    [Theory]
    [InlineData("/api/watchlists", "{\"name\": ")]
    [InlineData("/api/watchlists", "{\"name\": 42, \"terms\": []}")]
    [InlineData("/api/watchlists", "{\"name\": \"x\", \"terms\": [{\"phrase\": \"a\"}], \"colour\": \"red\"}")]
    [InlineData("/api/articles", "{\"body\": \"text\", \"publishedAt\": \"yesterday\"}")]
    [InlineData("/api/subscriptions", "{\"url\": [1, 2]}")]
    public async Task a_body_that_does_not_bind_is_answered_400_without_an_error_in_the_log(string path, string json)
    {
        var id = $"quiet-{Guid.NewGuid():N}";

        var response = await Traced(id).PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

        await Json(response, HttpStatusCode.BadRequest);
        AssertNoErrorsLogged(id);
    }

    [Fact]
    public async Task a_body_required_but_missing_is_answered_400_without_an_error_in_the_log()
    {
        var id = $"quiet-{Guid.NewGuid():N}";

        await Json(await Traced(id).PostAsync("/api/watchlists", null), HttpStatusCode.BadRequest);

        AssertNoErrorsLogged(id);
    }

    [Fact]
    public async Task concurrent_copies_of_one_article_settle_as_duplicates_without_an_error_in_the_log()
    {
        var id = $"race-{Guid.NewGuid():N}";
        var client = Traced(id, AppFixture.IngestKey);
        var article = new { title = "Race", body = $"The same story sent at once, {Guid.NewGuid()}.", url = "https://news.example/race" };

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => client.PostAsJsonAsync("/api/articles", article)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers, a => Assert.True(a.IsSuccessStatusCode, a.StatusCode.ToString()));
        AssertNoErrorsLogged(id);
    }

    [Fact]
    public async Task concurrent_changes_of_one_watchlist_that_lose_are_answered_409_without_an_error_in_the_log()
    {
        var watchlist = await CreateWatchlist("Rockets", ("rocket attack", "en"));
        var id = $"race-{Guid.NewGuid():N}";
        var client = Traced(id);

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            client.PutAsJsonAsync($"/api/watchlists/{watchlist}/name", new { name = $"Rockets {i}" })));

        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        AssertNoErrorsLogged(id);
    }
}
