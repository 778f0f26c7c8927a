using JasperFx.Events;
using JasperFx.Events.Projections;
using MediaMonitor.Ingestion;
using MediaMonitor.Watchlists;
using Marten;
using Marten.Events.Projections;

namespace MediaMonitor.Spikes;

/// <summary>
/// Spike detection, in the async daemon: one <see cref="SpikeWatch"/> per watchlist, fed by its spike rule, its live
/// matches (from every article stream, so an inline projection would lose counts under concurrent ingestion) and its spikes.
/// <para>
/// Each match is tested as it is folded (<see cref="SpikeWatch.Count"/>), against the watch as of that match. Testing in
/// <see cref="RaiseSideEffects"/> instead would see the watch with the whole batch folded in: whether a surge fires, and
/// with what numbers, would depend on where the daemon happened to cut its batches, and a rebuild would not agree with
/// the run it replays. The fold starts the cool-down; <see cref="RaiseSideEffects"/> only records the spikes the batch
/// found, each as the first event of its own stream.
/// </para>
/// <para>
/// JasperFx runs side effects in continuous processing only (AggregationRunner: a rebuild or a blue/green warm-up passes
/// them by), so a rebuild finds the same spikes but records none: those the log holds clear themselves as their
/// <see cref="SpikeDetected"/> is folded, and any other waits only for a batch holding the match that found it, which a
/// rebuild's watch never meets again. A continuous catch-up after a restart does record what it finds: those matches were
/// never tested.
/// </para>
/// </summary>
public sealed class SpikeWatchProjection : MultiStreamProjection<SpikeWatch, Guid>
{
    public SpikeWatchProjection()
    {
        Identity<WatchlistSpikeRuleSet>(e => e.WatchlistId);
        Identity<WatchlistSpikeRuleRemoved>(e => e.WatchlistId);
        Identity<ArticleMatched>(e => e.WatchlistId);
        Identity<SpikeDetected>(e => e.WatchlistId);
    }

    public override SpikeWatch? Evolve(SpikeWatch? snapshot, Guid id, IEvent e)
    {
        if (e.Data is ArticleMatched { Backfill: true }) return snapshot;
        var watch = snapshot ?? new SpikeWatch { Id = id };
        switch (e.Data)
        {
            case WatchlistSpikeRuleSet set:
                watch.Rule = set.Rule;
                watch.RuleVersion = (int)e.Version;
                break;
            case WatchlistSpikeRuleRemoved:
                watch.Rule = null;
                break;
            case ArticleMatched match:
                watch.Count(match, e.Sequence);
                break;
            case SpikeDetected spike:
                watch.Recorded(spike);
                break;
        }
        return watch;
    }

    public override ValueTask RaiseSideEffects(IDocumentOperations operations, IEventSlice<SpikeWatch> slice)
    {
        if (slice.Snapshot is not { Pending.Count: > 0 } watch) return ValueTask.CompletedTask;
        var folded = slice.Events().Select(e => e.Sequence).ToHashSet();
        var due = watch.Pending.Where(p => p.Carried || folded.Contains(p.Trigger)).ToList();
        // One spike a batch: JasperFx's EventSlice.BuildOperations appends every event raised in a slice to each stream
        // raised to, so two spikes in one slice would each land in both streams. The rest are carried to the next batch,
        // which the SpikeDetected recorded here starts. The watch is stored after its side effects, with this change.
        watch.Pending = due.Skip(1).Select(p => p with { Carried = true }).ToList();
        if (due.Count > 0) slice.AppendEvent(due[0].Spike.SpikeId, due[0].Spike);
        return ValueTask.CompletedTask;
    }
}
