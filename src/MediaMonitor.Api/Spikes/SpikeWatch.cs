using MediaMonitor.Ingestion;

namespace MediaMonitor.Spikes;

/// <summary>An article counted by a watch: kept to name the articles of a spike.</summary>
public sealed record WatchedArticle(Guid ArticleId, long Slot);

/// <summary>A spike found while folding <paramref name="Trigger"/> (the sequence of the match that completed its window),
/// waiting for the projection's side effects to record it. <paramref name="Carried"/>: left over from a batch that found
/// more than one, recorded by the next.</summary>
public sealed record PendingSpike(long Trigger, SpikeDetected Spike, bool Carried = false);

/// <summary>
/// A watchlist's recent volume, as the spike detection keeps it (<see cref="SpikeWatchProjection"/>): live matches counted
/// per quarter-hour slot of their article time for <see cref="SpikeRule.Retained"/> (whatever the rule, so a rule set or
/// lengthened later finds its history), the articles of the last day (at most <see cref="KeptArticles"/>), the rule and
/// the end of the last spike's window (the cool-down). Folded from events only: time moves with the matches' own times.
/// </summary>
public sealed class SpikeWatch
{
    public const int MaxArticles = 100;
    public const int KeptArticles = 200;
    private static readonly long RetainedSlots = SpikeRule.Retained.Ticks / SpikeEvaluation.SlotTicks;

    public Guid Id { get; set; }
    public string WatchlistName { get; set; } = "";
    public SpikeRule? Rule { get; set; }
    public int RuleVersion { get; set; }
    /// <summary>Live matches per slot, only slots with some.</summary>
    public Dictionary<long, int> Slots { get; set; } = [];
    /// <summary>The first slot the watch covers: that of the earliest match it counted (or the retention horizon, once that
    /// passes it). Baseline time before it is unknown, not zero.</summary>
    public long? CoveredFrom { get; set; }
    /// <summary>The slot of the latest MatchedAt seen: the watch's "now", from which retention is measured.</summary>
    public long LatestSlot { get; set; } = long.MinValue;
    /// <summary>The <see cref="LatestSlot"/> of the last pruning.</summary>
    public long PrunedAt { get; set; } = long.MinValue / 2;
    public List<WatchedArticle> Articles { get; set; } = [];
    public DateTimeOffset? LastSpikeWindowEnd { get; set; }
    public List<PendingSpike> Pending { get; set; } = [];

    /// <summary>The time an article counts at (see <see cref="Ingestion.ArticleTime"/>), with the match's time as its
    /// intake: an article claiming a future date is counted when it arrived.</summary>
    public static DateTimeOffset ArticleTime(ArticleMatched m) => Ingestion.ArticleTime.Of(m.PublishedAt, m.MatchedAt).At;

    /// <summary>
    /// Counts a live match and tests the window ending at the end of its article's slot. Only a window ending within one
    /// window length of the match's MatchedAt is tested: an old article arriving late is counted, for the baselines to come,
    /// but never raises a spike about the past. Returns the spike when it fires (and is out of the cool-down), having
    /// started the cool-down and queued it in <see cref="Pending"/> under <paramref name="sequence"/>.
    /// </summary>
    public SpikeDetected? Count(ArticleMatched m, long sequence)
    {
        WatchlistName = m.WatchlistName;
        var now = SpikeEvaluation.SlotOf(m.MatchedAt);
        if (now > LatestSlot) LatestSlot = now;
        // Pruned a day at a time: a walk over every slot at each new quarter hour cost more than the test itself. Slots
        // kept a day past the horizon are never read: no baseline and window reach further back than it.
        if (LatestSlot - PrunedAt >= SpikeEvaluation.SlotsPerDay) Prune();
        var slot = SpikeEvaluation.SlotOf(ArticleTime(m));
        if (slot < LatestSlot - RetainedSlots) return null;
        Slots[slot] = Slots.GetValueOrDefault(slot) + 1;
        if (CoveredFrom is null || slot < CoveredFrom) CoveredFrom = slot;
        Articles.Add(new WatchedArticle(m.ArticleId, slot));
        if (Articles.Count > KeptArticles) Articles.RemoveAt(IndexOfOldest());

        if (Rule is not { } rule) return null;
        var windowEnd = SpikeEvaluation.StartOf(slot + 1);
        if (windowEnd < m.MatchedAt - rule.Window) return null;
        if (LastSpikeWindowEnd is { } last && (windowEnd <= last || windowEnd < last + rule.Cooldown)) return null;
        var finding = SpikeEvaluation.Evaluate(Slots, CoveredFrom.Value, rule, slot + 1);
        if (finding is not { Fires: true }) return null;

        var windowStartSlot = slot + 1 - rule.WindowSlots;
        var articles = Articles.Select((a, i) => (a, i)).Where(x => x.a.Slot >= windowStartSlot && x.a.Slot <= slot)
            .OrderByDescending(x => x.a.Slot).ThenByDescending(x => x.i).Take(MaxArticles).Select(x => x.a.ArticleId).ToList();
        var spike = new SpikeDetected(SpikeIds.For(Id, windowEnd), Id, WatchlistName, RuleVersion,
            SpikeEvaluation.StartOf(windowStartSlot), windowEnd, finding.Observed, finding.Expected, finding.Score, rule.Sensitivity,
            finding.PValue, rule.Compare, rule.Baseline, rule.MinimumCount, finding.BaselineCount, finding.BaselineWindowCount,
            finding.BaselineWindows, articles, m.MatchedAt);
        LastSpikeWindowEnd = windowEnd;
        Pending.Add(new PendingSpike(sequence, spike));
        return spike;
    }

    /// <summary>A spike recorded in the log: its cool-down holds (a rebuild, where the side effects that found it do not run,
    /// agrees), and it no longer waits to be recorded.</summary>
    public void Recorded(SpikeDetected e)
    {
        if (LastSpikeWindowEnd is null || e.WindowEnd > LastSpikeWindowEnd) LastSpikeWindowEnd = e.WindowEnd;
        Pending.RemoveAll(p => p.Spike.SpikeId == e.SpikeId);
    }

    /// <summary>Drops the counts and articles that no window or baseline can reach any more.</summary>
    private void Prune()
    {
        PrunedAt = LatestSlot;
        var horizon = LatestSlot - RetainedSlots;
        if (CoveredFrom < horizon) CoveredFrom = horizon;
        foreach (var slot in Slots.Keys.Where(s => s < horizon).ToList()) Slots.Remove(slot);
        var recent = LatestSlot - SpikeRule.MaxWindow.Ticks / SpikeEvaluation.SlotTicks;
        Articles.RemoveAll(a => a.Slot < recent);
    }

    private int IndexOfOldest()
    {
        var oldest = 0;
        for (var i = 1; i < Articles.Count; i++) if (Articles[i].Slot < Articles[oldest].Slot) oldest = i;
        return oldest;
    }
}
