using System.Xml;

namespace MediaMonitor.Spikes;

/// <summary>A spike rule as the API shows it: durations in ISO-8601 (<c>PT1H</c>, <c>P7D</c>), the comparison by its
/// input name (<c>sameHours</c>, <c>preceding</c>).</summary>
public sealed record SpikeRuleResponse(string Window, string Baseline, string Compare, double Sensitivity, int MinimumCount, string Cooldown)
{
    public static SpikeRuleResponse From(SpikeRule rule) => new(
        XmlConvert.ToString(rule.Window), XmlConvert.ToString(rule.Baseline), SpikeRuleInput.Name(rule.Compare), rule.Sensitivity,
        rule.MinimumCount, XmlConvert.ToString(rule.Cooldown));
}
