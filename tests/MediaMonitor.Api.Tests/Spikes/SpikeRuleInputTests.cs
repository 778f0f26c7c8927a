using MediaMonitor.Infrastructure;
using MediaMonitor.Spikes;

namespace MediaMonitor.Api.Tests.Spikes;

public sealed class SpikeRuleInputTests
{
    [Theory]
    [InlineData("PT1H", 60)]
    [InlineData("PT15M", 15)]
    [InlineData("P7D", 7 * 24 * 60)]
    [InlineData("01:00:00", 60)]
    [InlineData("7.00:00:00", 7 * 24 * 60)]
    [InlineData(" PT6H ", 360)]
    public void durations_are_read_in_iso_8601_or_as_hh_mm_ss(string text, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), SpikeRuleInput.Duration(text));

    [Theory]
    [InlineData("")]
    [InlineData("an hour")]
    [InlineData("-01:00:00")]
    [InlineData("P")]
    [InlineData("1h")]
    public void what_is_not_a_duration_is_refused(string text) => Assert.Null(SpikeRuleInput.Duration(text));

    private static (SpikeRule? Rule, IDictionary<string, string[]> Errors) Check(SetSpikeRule command)
    {
        var errors = new ValidationErrors();
        return (SpikeRuleInput.Check(command, errors), errors.ToDictionary());
    }

    [Fact]
    public void a_rule_with_the_defaults_left_out_gets_a_minimum_of_five_and_a_six_hour_cooldown()
    {
        var (rule, errors) = Check(new SetSpikeRule("PT1H", "P7D", null, 0.001));
        Assert.Empty(errors);
        Assert.Equal(new SpikeRule(TimeSpan.FromHours(1), TimeSpan.FromDays(7), SpikeCompare.SameHours, 0.001, 5, TimeSpan.FromHours(6)), rule);
    }

    [Theory]
    [InlineData("PT10M", "P7D", "sameHours", 0.001, 5, null, "window")]
    [InlineData("P2D", "P7D", "sameHours", 0.001, 5, null, "window")]
    [InlineData("PT1H", "P29D", "sameHours", 0.001, 5, null, "baseline")]
    [InlineData("PT1H", "PT36H", "sameHours", 0.001, 5, null, "baseline")]
    [InlineData("PT2H", "PT1H", "preceding", 0.001, 5, null, "baseline")]
    [InlineData("PT1H", "P7D", "weekly", 0.001, 5, null, "compare")]
    [InlineData("PT1H", "P7D", "sameHours", 0.0, 5, null, "sensitivity")]
    [InlineData("PT1H", "P7D", "sameHours", 0.5, 5, null, "sensitivity")]
    [InlineData("PT1H", "P7D", "sameHours", 0.001, 0, null, "minimumCount")]
    [InlineData("PT2H", "P7D", "sameHours", 0.001, 5, "PT1H", "cooldown")]
    [InlineData("PT1H", "P7D", "sameHours", 0.001, 5, "P8D", "cooldown")]
    [InlineData("PT1H", "P7D", "sameHours", 0.001, 5, "soon", "cooldown")]
    public void a_rule_out_of_bounds_is_refused_on_the_field_at_fault(
        string window, string baseline, string compare, double sensitivity, int minimum, string? cooldown, string field)
    {
        var (rule, errors) = Check(new SetSpikeRule(window, baseline, compare, sensitivity, minimum, cooldown));
        Assert.Null(rule);
        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void compared_with_the_preceding_period_the_baseline_need_not_be_whole_days()
    {
        var (rule, errors) = Check(new SetSpikeRule("PT30M", "PT6H", "preceding", 0.01, 3, "PT1H"));
        Assert.Empty(errors);
        Assert.Equal(SpikeCompare.Preceding, rule!.Compare);
        Assert.Equal(24, rule.BaselineSlots);
    }
}
