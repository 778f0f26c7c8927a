using System.Diagnostics.Metrics;
using Marten;

namespace MediaMonitor.Observability;

/// <summary>
/// How far each asynchronous projection and event subscription (the alert dispatch) is behind the event log's last
/// sequence, in events, as the gauge <c>mediamonitor.projection.lag</c> tagged with the shard's name. Read from
/// Marten's progress table every <see cref="Period"/>: a scrape never waits on the database, and every node reports the
/// same figures whichever node runs the shard.
/// </summary>
public sealed class ProjectionLag : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(5);
    private const string HighWaterMark = "HighWaterMark";

    private readonly IDocumentStore _store;
    private readonly TimeProvider _clock;
    private readonly DomainMetrics _metrics;
    private readonly ILogger<ProjectionLag> _logger;

    public ProjectionLag(IDocumentStore store, DomainMetrics metrics, TimeProvider clock, ILogger<ProjectionLag> logger)
    {
        _store = store;
        _metrics = metrics;
        _clock = clock;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, _clock);
        do
        {
            try
            {
                await SampleAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database is away: readiness and the requests say so; the gauge keeps its last figures.
                _logger.LogDebug(e, "Projection progress could not be read.");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task SampleAsync(CancellationToken ct)
    {
        var progress = await _store.Advanced.AllProjectionProgress(token: ct);
        // The log's last sequence, not the daemon's high water mark row: that row is missing until the daemon has run.
        // Read from the sequence, not the event store statistics, which count every event and stream each time.
        var mark = await _store.Storage.Database.FetchHighestEventSequenceNumber(ct);
        _metrics.ProjectionLags(progress.Where(p => p.ShardName != HighWaterMark)
            .Select(p => new Measurement<long>(Math.Max(0, mark - p.Sequence), new KeyValuePair<string, object?>("shard", p.ShardName)))
            .ToList());
    }
}
