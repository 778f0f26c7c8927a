using System.Net;
using System.Text.Json.Nodes;
using MediaMonitor.IntegrationTests.Webhooks;
using MediaMonitor.Spikes;
using Marten;
using Marten.Events;

namespace MediaMonitor.IntegrationTests.Spikes;

/// <summary>
/// Spike tests: articles taken in over HTTP with chosen publication times. The detection reads the matches' own times
/// (publication, else match time) and never a clock, so the service runs on the real clock and the tests place the
/// articles around the time they start.
/// </summary>
public abstract class SpikeTest(AppFixture app) : WebhookTest(app)
{
    /// <summary>The start of the test, to the minute: the surges are placed in the hour before it.</summary>
    protected readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private int _serial;

    protected sealed record Sent(Guid Id, DateTimeOffset PublishedAt);

    /// <summary>Takes the articles in over the batch endpoint, in order, sending again what a batch deferred.</summary>
    protected async Task<IReadOnlyList<Sent>> IngestAll(IReadOnlyList<DateTimeOffset> times, string topic = "rocket attack")
    {
        var sent = new List<Sent>();
        var pending = times.Select(t => (Time: t, Body: $"A {topic} was reported, report {++_serial} of the day.")).ToList();
        while (pending.Count > 0)
        {
            var chunk = pending.Take(200).ToList();
            var answer = await Json(await PostJson("/api/articles/batch",
                chunk.Select(a => new { body = a.Body, lang = "en", source = "wire", publishedAt = a.Time }).ToArray(), AppFixture.IngestKey), HttpStatusCode.OK);
            var items = answer["items"]!.AsArray();
            var taken = 0;
            foreach (var item in items)
            {
                var status = item!["status"]!.GetValue<string>();
                if (status == "deferred") break;
                Assert.Equal("created", status);
                sent.Add(new Sent(item["id"]!.GetValue<Guid>(), chunk[taken].Time));
                taken++;
            }
            pending.RemoveRange(0, taken);
        }
        return sent;
    }

    /// <summary>One article an hour, at half past, from <paramref name="from"/> until <paramref name="to"/>.</summary>
    protected static IReadOnlyList<DateTimeOffset> Hourly(DateTimeOffset from, DateTimeOffset to)
    {
        var first = new DateTimeOffset(from.Year, from.Month, from.Day, from.Hour, 30, 0, TimeSpan.Zero);
        var times = new List<DateTimeOffset>();
        for (var t = first; t < to; t = t.AddHours(1)) if (t >= from) times.Add(t);
        return times;
    }

    /// <summary><paramref name="count"/> articles spread over [<paramref name="from"/>, <paramref name="from"/> + <paramref name="span"/>).</summary>
    protected static IReadOnlyList<DateTimeOffset> Burst(DateTimeOffset from, TimeSpan span, int count) =>
        Enumerable.Range(0, count).Select(i => from + span * i / count).ToList();

    protected async Task<JsonNode> SetRule(Guid watchlist, object rule, HttpStatusCode expected = HttpStatusCode.OK) =>
        await Json(await PutJson($"/api/watchlists/{watchlist}/spike-rule", rule), expected);

    /// <summary>The last hour against the same hour of the past 7 days, p ≤ 0.001, at least 5, 6 hours apart.</summary>
    protected Task<JsonNode> WatchLastHour(Guid watchlist) =>
        SetRule(watchlist, new { window = "PT1H", baseline = "P7D", compare = "sameHours", sensitivity = 0.001 });

    /// <summary>Waits for the detection, then for what the spikes it recorded feed; returns the spikes in the log.</summary>
    protected async Task<IReadOnlyList<SpikeDetected>> SpikesInTheLog()
    {
        await App.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        await App.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        return (await AllEvents()).Select(e => e.Data).OfType<SpikeDetected>().ToList();
    }

    /// <summary>Eight days of one article an hour (a baseline of 7 days is covered), then a burst of 12 in the last hour.</summary>
    protected async Task<(IReadOnlyList<Sent> Steady, IReadOnlyList<Sent> Surge)> SteadyThenSurge(string topic = "rocket attack")
    {
        var steady = await IngestAll(Hourly(Now.AddDays(-8), Now.AddHours(-1)), topic);
        var surge = await IngestAll(Burst(Now.AddMinutes(-50), TimeSpan.FromMinutes(40), 12), topic);
        return (steady, surge);
    }
}
