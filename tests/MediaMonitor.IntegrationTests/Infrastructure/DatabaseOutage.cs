using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace MediaMonitor.IntegrationTests.Infrastructure;

/// <summary>A host on a PostgreSQL server of the test's own, which is stopped and started again under load.</summary>
public sealed class DatabaseOutage(AppFixture app) : ApiTest(app)
{
    [Fact]
    public async Task while_postgresql_is_stopped_requests_answer_503_with_retry_after_and_after_it_is_back_the_service_recovers_and_lost_nothing_it_accepted()
    {
        await using var server = await RestartableServer.StartAsync();
        var logs = new LogCapture();
        await using var host = await AppFixture.StartHostAsync(server.ConnectionString, logs);
        var client = AppFixture.AdminClient(host);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/watchlists",
            new { name = "Attacks", terms = new[] { new { phrase = "rocket attack" } } })).StatusCode);

        // Four writers ingest all along: before, during and after the outage.
        var accepted = new ConcurrentBag<Guid>();
        var statuses = new ConcurrentBag<HttpStatusCode>();
        var refusals = new ConcurrentBag<HttpResponseMessage>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var response = await client.PostAsJsonAsync("/api/articles",
                    new { body = $"A rocket attack hit town {w}-{i}.", url = $"https://news.example/outage/{w}/{i}" });
                statuses.Add(response.StatusCode);
                if (response.StatusCode == HttpStatusCode.Created)
                    accepted.Add(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>());
                else refusals.Add(response);
            }
        })).ToList();
        await Eventually(() => Task.FromResult(accepted.Count >= 20), "articles accepted before the outage");

        await server.StopAsync();
        var duringOutage = await client.PostAsJsonAsync("/api/articles", new { body = "A rocket attack while the database is away." });
        var ready = await host.Server.CreateClient().GetAsync("/health/ready");
        await server.StartAgainAsync();
        var acceptedBeforeRecovery = accepted.Count;
        await Eventually(() => Task.FromResult(accepted.Count >= acceptedBeforeRecovery + 20), "articles accepted after the outage");
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, duringOutage.StatusCode);
        Assert.NotNull(duringOutage.Headers.RetryAfter);
        Assert.Equal("application/problem+json", duringOutage.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.Created, HttpStatusCode.ServiceUnavailable }));
        Assert.All(refusals, r => Assert.NotNull(r.Headers.RetryAfter));
        foreach (var id in accepted)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/articles/{id}")).StatusCode);
        // What the refused request logged, found by its correlation id: one warning, no error, no stack trace.
        var logged = logs.For(duringOutage.Headers.GetValues("X-Correlation-Id").Single()).ToList();
        var warning = Assert.Single(logged, e => e.Message.Contains("answered 503"));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Null(warning.Exception);
        Assert.DoesNotContain(logged, e => e.Level >= LogLevel.Error);
    }
}
