using System.Diagnostics.Metrics;
using MediaMonitor.Feeds;
using MediaMonitor.Webhooks;

namespace MediaMonitor.Observability;

/// <summary>
/// The domain's own instruments, on the meter <see cref="MeterName"/>: what was taken in, matched and sent. Counted
/// after the transaction that records them commits (<see cref="EventCounting"/>), so a rolled-back batch counts
/// nothing; duplicates, which append nothing, and the start of a first attempt are counted where they happen.
/// </summary>
public sealed class DomainMetrics
{
    public const string MeterName = "MediaMonitor";

    /// <summary>One meter and one set of instruments for the process, never disposed: a host's own meter
    /// (IMeterFactory) goes with the host, and the counts it had would vanish from a scrape of another host in the same
    /// process (the tests run several).</summary>
    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> _ingested =
        Meter.CreateCounter<long>("mediamonitor.articles.ingested", "{article}", "Articles taken in and recorded.");

    private static readonly Counter<long> _duplicates = Meter.CreateCounter<long>("mediamonitor.articles.duplicates", "{article}",
        "Articles refused as duplicates (same URL or same content) of one already recorded.");

    private static readonly Counter<long> _alerts =
        Meter.CreateCounter<long>("mediamonitor.alerts.raised", "{alert}", "Alerts raised, backfills included.");

    private static readonly Counter<long> _deliveries =
        Meter.CreateCounter<long>("mediamonitor.deliveries", "{attempt}", "Webhook attempts recorded, by outcome.");

    private static readonly Histogram<double> _alertToAttempt = Meter.CreateHistogram<double>("mediamonitor.delivery.alert_to_attempt", "s",
        "From the time an alert was raised to the start of its webhook's first attempt.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });

    private static readonly Counter<long> _feedPolls =
        Meter.CreateCounter<long>("mediamonitor.feed.polls", "{poll}", "Feed polls, by outcome.");

    private static volatile IReadOnlyList<Measurement<long>> _lags = [];

    // The meter holds its instruments: the gauge needs no field of its own.
    static DomainMetrics() => Meter.CreateObservableGauge("mediamonitor.projection.lag", () => _lags,
        "{event}", "Events of the log an asynchronous projection or subscription has yet to process.");

    /// <summary>The latest lags read by <see cref="ProjectionLag"/>, one measurement per shard.</summary>
    public void ProjectionLags(IReadOnlyList<Measurement<long>> lags) => _lags = lags;

    public void Ingested(long count) => _ingested.Add(count);

    public void Duplicates(long count)
    {
        if (count > 0) _duplicates.Add(count);
    }

    public void AlertsRaised(long count) => _alerts.Add(count);

    public void DeliveryAttempted(AttemptOutcome outcome) =>
        _deliveries.Add(1, new KeyValuePair<string, object?>("outcome", outcome.ToString().ToLowerInvariant()));

    /// <summary>A feed was polled (counted as the poll decides; a poll whose transaction then fails is tried again, and
    /// counted again).</summary>
    public void FeedPolled(FeedOutcome outcome) =>
        _feedPolls.Add(1, new KeyValuePair<string, object?>("outcome", outcome switch
        {
            FeedOutcome.NewItems => "new_items",
            FeedOutcome.NothingNew => "nothing_new",
            FeedOutcome.NotModified => "not_modified",
            FeedOutcome.Failed => "failed",
            _ => "paused",
        }));

    /// <summary>A first attempt of an alert's own delivery (not a replay's or a redelivery's) has started.</summary>
    public void FirstAttemptStarted(TimeSpan sinceAlertRaised) => _alertToAttempt.Record(Math.Max(0, sinceAlertRaised.TotalSeconds));
}
