using MediaMonitor.Ingestion;
using MediaMonitor.Spikes;

namespace MediaMonitor.Api.Tests.Spikes;

/// <summary>The detection folded over matches at controlled times: no clock anywhere, only the matches' own times.</summary>
public sealed class SpikeWatchTests
{
    private static readonly Guid WatchlistId = Guid.NewGuid();
    /// <summary>A Monday, 14:00 UTC: the surges below happen in the hour before it.</summary>
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 14, 0, 0, TimeSpan.Zero);

    private static readonly SpikeRule LastHourAgainstSameHours =
        new(TimeSpan.FromHours(1), TimeSpan.FromDays(7), SpikeCompare.SameHours, 0.001, 5, TimeSpan.FromHours(6));

    private long _sequence;

    private static SpikeWatch Watch(SpikeRule? rule = null) => new() { Id = WatchlistId, Rule = rule ?? LastHourAgainstSameHours, RuleVersion = 3 };

    private static ArticleMatched Match(DateTimeOffset published, DateTimeOffset? matchedAt = null) =>
        new(Guid.NewGuid(), WatchlistId, 2, "Rockets", [], matchedAt ?? published, PublishedAt: published);

    /// <summary>Folds the matches in order; the spikes found.</summary>
    private List<SpikeDetected> Fold(SpikeWatch watch, IEnumerable<ArticleMatched> matches) =>
        matches.Select(m => watch.Count(m, ++_sequence)).OfType<SpikeDetected>().ToList();

    /// <summary>A daily rhythm: <paramref name="perHour"/>(hour of day) articles in each hour, evenly spread, from
    /// <paramref name="from"/> to <paramref name="to"/>, each matched as it is published.</summary>
    private static IEnumerable<ArticleMatched> Steady(DateTimeOffset from, DateTimeOffset to, Func<int, int> perHour)
    {
        for (var hour = from; hour < to; hour = hour.AddHours(1))
        {
            var n = perHour(hour.Hour);
            for (var i = 0; i < n; i++) yield return Match(hour.AddMinutes(60.0 * (i + 0.5) / n));
        }
    }

    /// <summary>Busy afternoons, quiet nights.</summary>
    private static int Rhythm(int hour) => hour is >= 9 and < 18 ? 8 : 2;

    private static IEnumerable<ArticleMatched> Surge(DateTimeOffset from, int count) =>
        Enumerable.Range(0, count).Select(i => Match(from.AddMinutes(59.0 * i / count)));

    [Fact]
    public void steady_volume_with_a_daily_rhythm_never_fires()
    {
        var watch = Watch();
        Assert.Empty(Fold(watch, Steady(Now.AddDays(-8), Now, Rhythm)));
        Assert.Empty(watch.Pending);
    }

    [Fact]
    public void a_surge_in_the_last_hour_fires_once_with_the_numbers_of_the_window_that_crossed_the_threshold()
    {
        var watch = Watch();
        Fold(watch, Steady(Now.AddDays(-8), Now.AddHours(-1), Rhythm));

        var spikes = Fold(watch, Surge(Now.AddHours(-1), 40));

        var spike = Assert.Single(spikes);
        Assert.Equal(SpikeIds.For(WatchlistId, spike.WindowEnd), spike.SpikeId);
        Assert.Equal(TimeSpan.FromHours(1), spike.WindowEnd - spike.WindowStart);
        Assert.True(spike.WindowEnd > Now.AddHours(-1) && spike.WindowEnd <= Now);
        // The same hour on each of the past 7 days held the afternoon's 8 articles (those before the window's start
        // slot included, as the window is aligned to quarter hours).
        Assert.Equal(7, spike.BaselineWindows.Count);
        Assert.Equal(spike.BaselineWindows.Sum(w => w.Count), spike.BaselineCount);
        Assert.All(spike.BaselineWindows, w => Assert.Equal(spike.WindowEnd - spike.WindowStart, w.End - w.Start));
        Assert.Equal((spike.BaselineCount + 0.5) / 7, spike.Expected, 12);
        Assert.Equal(PoissonTail.Upper(spike.Observed, spike.Expected), spike.PValue, 15);
        Assert.True(spike.PValue <= 0.001);
        // The window that fired is the first past the threshold: one article fewer would not have.
        Assert.True(PoissonTail.Upper(spike.Observed - 1, spike.Expected) > 0.001);
        Assert.Equal(-Math.Log10(spike.PValue), spike.Score, 9);
        Assert.Equal(spike.Observed, spike.ArticleIds.Count);
        Assert.Equal(3, spike.RuleVersion);
        Assert.Equal(0.001, spike.Threshold);
        Assert.Equal(spike.WindowEnd, watch.LastSpikeWindowEnd);
        Assert.Equal(spike, Assert.Single(watch.Pending).Spike);
    }

    [Fact]
    public void a_spike_is_detected_at_the_time_of_the_match_that_completed_it()
    {
        var watch = Watch();
        Fold(watch, Steady(Now.AddDays(-8), Now.AddHours(-1), Rhythm));
        var surge = Surge(Now.AddHours(-1), 40).ToList();
        var firing = surge.First(m => watch.Count(m, ++_sequence) is not null);

        Assert.Equal(firing.MatchedAt, Assert.Single(watch.Pending).Spike.DetectedAt);
        Assert.Equal(_sequence, watch.Pending[0].Trigger);
    }

    [Fact]
    public void two_articles_on_a_quiet_topic_do_not_fire_though_they_are_improbable()
    {
        var sensitive = LastHourAgainstSameHours with { Sensitivity = 0.01 };
        var watch = Watch(sensitive);
        Fold(watch, [Match(Now.AddDays(-8))]);

        Assert.Empty(Fold(watch, [Match(Now.AddMinutes(-30)), Match(Now.AddMinutes(-20))]));
        var finding = SpikeEvaluation.Evaluate(watch.Slots, watch.CoveredFrom!.Value, sensitive, SpikeEvaluation.SlotOf(Now));
        Assert.Equal(2, finding!.Observed);
        Assert.Equal(0.5 / 7, finding.Expected, 12);
        Assert.True(finding.PValue <= 0.01, "against 0.5/7 articles an hour, 2 are improbable");
        Assert.False(finding.Fires);
    }

    [Fact]
    public void the_cooldown_holds_one_surge_to_one_spike_and_lets_a_later_surge_fire()
    {
        var watch = Watch();
        Fold(watch, Steady(Now.AddDays(-8), Now.AddHours(-1), Rhythm));
        var first = Assert.Single(Fold(watch, Surge(Now.AddHours(-1), 40)));
        // Steady again, then another surge three hours on: inside the six-hour cool-down.
        Fold(watch, Steady(Now, Now.AddHours(3), Rhythm));
        Assert.Empty(Fold(watch, Surge(Now.AddHours(3), 40)));
        Fold(watch, Steady(Now.AddHours(4), Now.AddHours(8), Rhythm));

        var second = Assert.Single(Fold(watch, Surge(Now.AddHours(8), 40)));

        Assert.True(second.WindowEnd >= first.WindowEnd + TimeSpan.FromHours(6));
    }

    [Fact]
    public void old_articles_arriving_late_are_counted_but_raise_no_spike_about_the_past()
    {
        var watch = Watch();
        Fold(watch, Steady(Now.AddDays(-8), Now.AddHours(-1), Rhythm));

        Assert.Empty(Fold(watch, Surge(Now.AddDays(-2), 40).Select(m => m with { MatchedAt = Now })));

        Assert.Equal(40, SpikeEvaluation.Count(watch.Slots, SpikeEvaluation.SlotOf(Now.AddDays(-2)), SpikeEvaluation.SlotOf(Now.AddDays(-2).AddHours(1))) - 8);
    }

    [Fact]
    public void an_article_dated_after_its_match_counts_at_the_match()
    {
        var match = Match(Now.AddHours(5), matchedAt: Now);
        Assert.Equal(Now, SpikeWatch.ArticleTime(match));
        Assert.Equal(Now, SpikeWatch.ArticleTime(match with { PublishedAt = null }));
        Assert.Equal(Now.AddHours(-5), SpikeWatch.ArticleTime(match with { PublishedAt = Now.AddHours(-5) }));
    }

    [Fact]
    public void a_watch_with_no_history_fires_nothing_whatever_comes_first()
    {
        var watch = Watch();
        Assert.Empty(Fold(watch, Surge(Now.AddHours(-1), 40)));
    }

    [Fact]
    public void only_the_baseline_days_the_watch_has_covered_count()
    {
        var watch = Watch();
        Fold(watch, Steady(Now.AddDays(-3), Now.AddHours(-1), Rhythm));
        var spike = Assert.Single(Fold(watch, Surge(Now.AddHours(-1), 40)));
        Assert.True(spike.BaselineWindows.Count is 2 or 3, $"{spike.BaselineWindows.Count} windows");
        Assert.Equal((spike.BaselineCount + 0.5) / spike.BaselineWindows.Count, spike.Expected, 12);
    }

    [Fact]
    public void compared_with_the_preceding_period_a_surge_fires_once_and_the_baseline_is_scaled_to_the_window()
    {
        var rule = LastHourAgainstSameHours with { Compare = SpikeCompare.Preceding, Baseline = TimeSpan.FromDays(1) };
        var watch = Watch(rule);
        Fold(watch, Steady(Now.AddDays(-2), Now.AddHours(-1), _ => 4));

        var spike = Assert.Single(Fold(watch, Surge(Now.AddHours(-1), 40)));

        var period = Assert.Single(spike.BaselineWindows);
        Assert.Equal(TimeSpan.FromDays(1), period.End - period.Start);
        Assert.Equal(spike.WindowStart, period.End);
        Assert.Equal(24, spike.BaselineWindowCount);
        Assert.Equal((period.Count + 0.5) / 24, spike.Expected, 12);
    }

    [Fact]
    public void a_spike_recorded_in_the_log_holds_the_cooldown_of_a_watch_that_did_not_find_it()
    {
        var finder = Watch();
        Fold(finder, Steady(Now.AddDays(-8), Now.AddHours(-1), Rhythm));
        var spike = Assert.Single(Fold(finder, Surge(Now.AddHours(-1), 40)));
        // A watch with the counts but no rule yet: it found nothing, and learns of the spike from the log.
        var other = Watch();
        other.Rule = null;
        Fold(other, Steady(Now.AddDays(-8), Now.AddHours(-1), Rhythm));
        other.Rule = LastHourAgainstSameHours;

        other.Recorded(spike);

        Assert.Equal(spike.WindowEnd, other.LastSpikeWindowEnd);
        Assert.Empty(Fold(other, Surge(Now.AddMinutes(-30), 40)));
        finder.Recorded(spike);
        Assert.Empty(finder.Pending);
    }

    [Fact]
    public void folding_the_same_matches_again_finds_the_same_spikes()
    {
        var matches = Steady(Now.AddDays(-8), Now.AddHours(-1), Rhythm).Concat(Surge(Now.AddHours(-1), 40)).ToList();
        var first = Fold(Watch(), matches);
        var again = Fold(Watch(), matches);
        Assert.Equal(first.Select(s => (s.SpikeId, s.Observed, s.Expected, s.PValue)), again.Select(s => (s.SpikeId, s.Observed, s.Expected, s.PValue)));
    }

    [Fact]
    public void counts_older_than_the_longest_baseline_and_window_are_dropped_as_time_moves_on()
    {
        var watch = Watch();
        Fold(watch, [Match(Now.AddDays(-40)), Match(Now.AddDays(-30))]);
        Assert.Equal(2, watch.Slots.Count);

        Fold(watch, [Match(Now)]);

        Assert.Equal([SpikeEvaluation.SlotOf(Now)], watch.Slots.Keys);
        Assert.Equal(SpikeEvaluation.SlotOf(Now - SpikeRule.Retained), watch.CoveredFrom);
        Assert.Single(watch.Articles);
    }
}
