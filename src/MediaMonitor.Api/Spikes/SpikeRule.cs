namespace MediaMonitor.Spikes;

/// <summary>What a window is compared with.</summary>
public enum SpikeCompare
{
    /// <summary>The same window, at the same time of day (UTC), on each of the past <c>baseline</c> days.</summary>
    SameHours,

    /// <summary>The whole <c>baseline</c> period just before the window, scaled to the window's length.</summary>
    Preceding,
}

/// <summary>
/// When a watchlist's volume is a surge (see <see cref="SpikeEvaluation"/> for the statistic).
/// <paramref name="Window"/>: a multiple of 15 minutes, 15 minutes to 24 hours. <paramref name="Baseline"/>: whole days
/// (1 to 28) for <see cref="SpikeCompare.SameHours"/>; for <see cref="SpikeCompare.Preceding"/> a multiple of 15 minutes,
/// at least one window and at most 28 days. <paramref name="Sensitivity"/>: the largest Poisson tail probability that
/// still fires. <paramref name="MinimumCount"/>: the fewest articles in the window that may fire.
/// <paramref name="Cooldown"/>: after a spike, windows ending sooner than this after its window end do not fire.
/// </summary>
public sealed record SpikeRule(
    TimeSpan Window, TimeSpan Baseline, SpikeCompare Compare, double Sensitivity, int MinimumCount, TimeSpan Cooldown)
{
    public const int DefaultMinimumCount = 5;
    public static readonly TimeSpan DefaultCooldown = TimeSpan.FromHours(6);
    public static readonly TimeSpan Slot = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan MaxWindow = TimeSpan.FromHours(24);
    public static readonly TimeSpan MaxBaseline = TimeSpan.FromDays(28);

    /// <summary>How far back a watch keeps counts whatever its rule: the longest baseline and the longest window, so a
    /// rule set or changed later finds its history.</summary>
    public static readonly TimeSpan Retained = MaxBaseline + MaxWindow;

    public int WindowSlots => (int)(Window.Ticks / Slot.Ticks);
    public int BaselineSlots => (int)(Baseline.Ticks / Slot.Ticks);
}
