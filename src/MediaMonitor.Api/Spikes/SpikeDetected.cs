namespace MediaMonitor.Spikes;

/// <summary>One window of the baseline (or, compared with the preceding period, that period) and the live matches counted in it.</summary>
public sealed record BaselineWindow(DateTimeOffset Start, DateTimeOffset End, int Count);

/// <summary>
/// A surge of a watchlist's volume: <paramref name="Observed"/> live matches in [<paramref name="WindowStart"/>,
/// <paramref name="WindowEnd"/>) where the baseline expected <paramref name="Expected"/>, a Poisson tail probability
/// <paramref name="PValue"/> at or under <paramref name="Threshold"/> (the rule's sensitivity); <paramref name="Score"/> is
/// −log₁₀ of it (kept exact when the probability underflows to 0). The first event of its own stream, whose id is derived
/// from the watchlist and the window end (<see cref="SpikeIds"/>). <paramref name="RuleVersion"/> is the watchlist's
/// version that set the rule. <paramref name="ArticleIds"/>: articles counted in the window, newest first, at most
/// <see cref="SpikeWatch.MaxArticles"/>. <paramref name="DetectedAt"/>: the time recorded in the match that completed the
/// window (its MatchedAt), never the clock of whatever ran the detection, so a replay computes the same event.
/// </summary>
public sealed record SpikeDetected(
    Guid SpikeId, Guid WatchlistId, string WatchlistName, int RuleVersion, DateTimeOffset WindowStart, DateTimeOffset WindowEnd,
    int Observed, double Expected, double Score, double Threshold, double PValue, SpikeCompare Compare, TimeSpan Baseline,
    int MinimumCount, int BaselineCount, double BaselineWindowCount, IReadOnlyList<BaselineWindow> BaselineWindows,
    IReadOnlyList<Guid> ArticleIds, DateTimeOffset DetectedAt);
