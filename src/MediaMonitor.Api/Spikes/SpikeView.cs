using JasperFx;

namespace MediaMonitor.Spikes;

/// <summary>A spike as the API shows it: its stream's one event, kept as a document by the async daemon (the event is
/// appended by a projection's side effect, which inline projections never see).</summary>
public sealed partial class SpikeView : IRevisioned
{
    public Guid Id { get; set; }
    public Guid WatchlistId { get; set; }
    public string WatchlistName { get; set; } = "";
    public int RuleVersion { get; set; }
    public DateTimeOffset WindowStart { get; set; }
    public DateTimeOffset WindowEnd { get; set; }
    public int Observed { get; set; }
    public double Expected { get; set; }
    public double Score { get; set; }
    public double Threshold { get; set; }
    public double PValue { get; set; }
    public SpikeCompare Compare { get; set; }
    public TimeSpan Baseline { get; set; }
    public int MinimumCount { get; set; }
    public int BaselineCount { get; set; }
    public double BaselineWindowCount { get; set; }
    public IReadOnlyList<BaselineWindow> BaselineWindows { get; set; } = [];
    public IReadOnlyList<Guid> ArticleIds { get; set; } = [];
    public DateTimeOffset DetectedAt { get; set; }
    public int Version { get; set; }

    public static SpikeView Create(SpikeDetected e) => new()
    {
        Id = e.SpikeId, WatchlistId = e.WatchlistId, WatchlistName = e.WatchlistName, RuleVersion = e.RuleVersion,
        WindowStart = e.WindowStart, WindowEnd = e.WindowEnd, Observed = e.Observed, Expected = e.Expected, Score = e.Score,
        Threshold = e.Threshold, PValue = e.PValue, Compare = e.Compare, Baseline = e.Baseline, MinimumCount = e.MinimumCount,
        BaselineCount = e.BaselineCount, BaselineWindowCount = e.BaselineWindowCount, BaselineWindows = e.BaselineWindows,
        ArticleIds = e.ArticleIds, DetectedAt = e.DetectedAt,
    };
}
