namespace MediaMonitor.Spikes;

/// <summary>The numbers of one window's test; <see cref="Fires"/> before the cool-down is considered.</summary>
public sealed record SpikeFinding(
    int Observed, double Expected, double PValue, double Score, int BaselineCount, double BaselineWindowCount,
    IReadOnlyList<BaselineWindow> BaselineWindows, bool Fires);

/// <summary>
/// The spike test, pure: counts in quarter-hour slots (slot n covers [n·15 min, (n+1)·15 min) from the Unix epoch, UTC) in,
/// a finding out.
/// <para>
/// Observed x: the live matches counted in the window's slots. Baseline: with <see cref="SpikeCompare.SameHours"/>, the
/// same window shifted back by 1, 2, …, N whole days (N = the baseline in days; days of 24 hours, UTC), each a baseline
/// window; with <see cref="SpikeCompare.Preceding"/>, the period of the baseline's length just before the window, which
/// counts as (its length / the window's length) baseline windows. Only time the watch has covered counts: a baseline
/// window (or the part of the preceding period) from before the first match the watch counted is left out, not taken as
/// zero; with none left (less than one window's worth, preceding), nothing is evaluated.
/// </para>
/// <para>
/// Expected λ = (baseline count + ½) / baseline windows: the posterior mean of a Poisson rate under Jeffreys' prior. The
/// half keeps a topic never seen in its baseline from expecting exactly 0, where any article would have probability 0 and an
/// infinite score, and its weight fades as baseline windows accumulate.
/// </para>
/// <para>
/// p = P(X ≥ x) for X ~ Poisson(λ) (<see cref="PoissonTail"/>); score = −log₁₀ p. It fires when x ≥ the rule's minimum count
/// and p ≤ its sensitivity. The minimum count is what keeps a quiet topic quiet: against λ = 0.5/7 (nothing in a week of
/// baseline), 2 articles have p ≈ 0.0025, "improbable" but no news.
/// </para>
/// </summary>
public static class SpikeEvaluation
{
    public static readonly long SlotTicks = SpikeRule.Slot.Ticks;
    public const int SlotsPerDay = 96;

    public static long SlotOf(DateTimeOffset time) => Math.DivRem(time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks, SlotTicks, out var rest) - (rest < 0 ? 1 : 0);

    public static DateTimeOffset StartOf(long slot) => DateTimeOffset.UnixEpoch.AddTicks(slot * SlotTicks);

    /// <summary>Tests the window of <paramref name="rule"/> ending (exclusive) at slot <paramref name="windowEnd"/>;
    /// null when the watch covers none of its baseline (<paramref name="coveredFrom"/>: the first slot it covers).</summary>
    public static SpikeFinding? Evaluate(Dictionary<long, int> slots, long coveredFrom, SpikeRule rule, long windowEnd)
    {
        var width = rule.WindowSlots;
        var windowStart = windowEnd - width;
        var observed = Count(slots, windowStart, windowEnd);
        var baselineWindows = new List<BaselineWindow>();
        var baselineCount = 0;
        double windowCount;

        if (rule.Compare == SpikeCompare.SameHours)
        {
            var days = (int)rule.Baseline.TotalDays;
            while (days > 0 && windowStart - days * SlotsPerDay < coveredFrom) days--;
            if (days == 0) return null;
            var counts = SameHourCounts(slots, windowStart, width, days);
            for (var d = 1; d <= days; d++)
            {
                var start = windowStart - d * SlotsPerDay;
                baselineWindows.Add(new BaselineWindow(StartOf(start), StartOf(start + width), counts[d - 1]));
                baselineCount += counts[d - 1];
            }
            windowCount = days;
        }
        else
        {
            var start = Math.Max(windowStart - rule.BaselineSlots, coveredFrom);
            if (windowStart - start < width) return null;
            baselineCount = Count(slots, start, windowStart);
            baselineWindows.Add(new BaselineWindow(StartOf(start), StartOf(windowStart), baselineCount));
            windowCount = (double)(windowStart - start) / width;
        }

        var expected = (baselineCount + 0.5) / windowCount;
        var logP = PoissonTail.LogUpper(observed, expected);
        var score = logP == 0 ? 0 : -logP / Math.Log(10);
        var p = Math.Exp(logP);
        return new SpikeFinding(observed, expected, p, score, baselineCount, windowCount, baselineWindows,
            Fires: observed >= rule.MinimumCount && logP <= Math.Log(rule.Sensitivity));
    }

    /// <summary>A hash lookup costs some four times a step of a walk over what the watch holds (spikes benchmark): the
    /// cheaper of the two is taken.</summary>
    private const int LookupCost = 4;

    /// <summary>The counts of the same window 1, 2, …, <paramref name="days"/> days before: slot by slot, or in one walk over
    /// what the watch holds (slot s is in day d's window when windowStart − s lies in (d·96 − width, d·96]).</summary>
    private static int[] SameHourCounts(Dictionary<long, int> slots, long windowStart, int width, int days)
    {
        var counts = new int[days];
        if ((long)days * width * LookupCost <= slots.Count)
        {
            for (var d = 1; d <= days; d++) counts[d - 1] = Count(slots, windowStart - d * SlotsPerDay, windowStart - d * SlotsPerDay + width);
            return counts;
        }
        foreach (var (slot, n) in slots)
        {
            var back = windowStart - slot;
            if (back < 1) continue;
            var d = (back + SlotsPerDay - 1) / SlotsPerDay;
            if (d <= days && back > d * SlotsPerDay - width) counts[d - 1] += n;
        }
        return counts;
    }

    /// <summary>Matches counted in slots [from, to): looked up slot by slot, or (when cheaper) by walking what the watch
    /// holds.</summary>
    public static int Count(Dictionary<long, int> slots, long from, long to)
    {
        var total = 0;
        if ((to - from) * LookupCost <= slots.Count)
        {
            for (var s = from; s < to; s++) if (slots.TryGetValue(s, out var n)) total += n;
            return total;
        }
        foreach (var (slot, n) in slots) if (slot >= from && slot < to) total += n;
        return total;
    }
}
