using System.Globalization;
using System.Net;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using MediaMonitor.IntegrationTests.Webhooks;
using MediaMonitor.Observability;
using Wolverine;
using Wolverine.Tracking;

namespace MediaMonitor.IntegrationTests.Observability;

public sealed class MetricsEndpoint(AppFixture app) : WebhookTest(app)
{
    /// <summary>The sum of a metric's samples on a Prometheus text page (0 when it has none yet), those whose labels
    /// contain <paramref name="label"/> when one is given.</summary>
    private static double Sample(string page, string name, string? label = null) => page.Split('\n')
        .Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal))
        .Where(l => label is null || l.Contains(label, StringComparison.Ordinal))
        .Sum(l => double.Parse(l[(l.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture));

    private async Task<string> Scrape()
    {
        // No key: a scraper is not an API client.
        var response = await Client(key: null).GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task after_an_ingest_the_metrics_endpoint_shows_the_articles_duplicates_alerts_and_deliveries_it_made()
    {
        var receiver = await Receiver();
        await CreateWatchlist("Attacks", ("rocket attack", "en"));
        var (subscription, _) = await Subscribe(receiver.Url);
        var before = await Scrape();

        var article = new { body = "A rocket attack hit the town.", url = "https://news.example/metrics" };
        await App.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).WaitForCondition(new AttemptsRun(subscription))
            .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ =>
                await Json(await PostJson("/api/articles/batch", new[] { article, article }, AppFixture.IngestKey), HttpStatusCode.OK)));
        await receiver.NextAsync();
        var deliveries = (await Json(await Get($"/api/subscriptions/{subscription}/deliveries"), HttpStatusCode.OK))["items"]!.AsArray();
        Assert.Equal("Delivered", Assert.Single(deliveries)!["status"]!.GetValue<string>());
        var after = await Scrape();

        Assert.Equal(1, Sample(after, "mediamonitor_articles_ingested_total") - Sample(before, "mediamonitor_articles_ingested_total"));
        Assert.Equal(1, Sample(after, "mediamonitor_articles_duplicates_total") - Sample(before, "mediamonitor_articles_duplicates_total"));
        Assert.Equal(1, Sample(after, "mediamonitor_alerts_raised_total") - Sample(before, "mediamonitor_alerts_raised_total"));
        Assert.True(Sample(after, "mediamonitor_deliveries_total", "outcome=\"delivered\"")
                    > Sample(before, "mediamonitor_deliveries_total", "outcome=\"delivered\""));
        Assert.True(Sample(after, "mediamonitor_delivery_alert_to_attempt_seconds_count")
                    > Sample(before, "mediamonitor_delivery_alert_to_attempt_seconds_count"));
    }

    [Fact]
    public async Task the_metrics_endpoint_shows_each_asynchronous_projection_and_subscription_lag_and_martens_event_counts()
    {
        await CreateWatchlist("Attacks", ("rocket attack", "en"));
        await RaiseAlert();
        // The store starts empty: a shard is listed once it has recorded progress, which it does after its first batch,
        // so every shard is waited for to reach the alert.
        await App.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        await App.Host.Services.GetRequiredService<ProjectionLag>().SampleAsync(default);
        var page = await Scrape();

        Assert.Contains("shard=\"AlertDispatch", page);
        Assert.Contains("mediamonitor_projection_lag{", page);
        // Marten's counter of appended events, by type. (ASP.NET Core's and Wolverine's instruments are there too in a
        // service, but each host of the tests has its own, and OpenTelemetry drops a name's stream when any host that
        // shares it is disposed.)
        Assert.Contains("marten_event_append", page);
    }
}
