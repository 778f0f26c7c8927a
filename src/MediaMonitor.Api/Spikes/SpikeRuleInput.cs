using System.Globalization;
using System.Xml;
using MediaMonitor.Infrastructure;

namespace MediaMonitor.Spikes;

/// <summary>Reading and checking a spike rule as given to the API.</summary>
public static class SpikeRuleInput
{
    public const double MaxSensitivity = 0.1;
    public const int MaxMinimumCount = 100_000;
    public static readonly TimeSpan MaxCooldown = TimeSpan.FromDays(7);
    public const string SameHours = "sameHours";
    public const string Preceding = "preceding";

    public static string Name(SpikeCompare compare) => compare == SpikeCompare.SameHours ? SameHours : Preceding;

    /// <summary>A duration in ISO-8601 (<c>PT1H</c>, <c>P7D</c>) or .NET's constant form (<c>01:00:00</c>,
    /// <c>7.00:00:00</c>); null when it is neither or negative.</summary>
    public static TimeSpan? Duration(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        TimeSpan value;
        if (trimmed.StartsWith('P'))
        {
            try { value = XmlConvert.ToTimeSpan(trimmed); }
            catch (FormatException) { return null; }
            catch (OverflowException) { return null; }
        }
        else if (!TimeSpan.TryParseExact(trimmed, "c", CultureInfo.InvariantCulture, out value)) return null;
        return value < TimeSpan.Zero ? null : value;
    }

    /// <summary>The rule, or null with the errors said per field.</summary>
    public static SpikeRule? Check(SetSpikeRule command, ValidationErrors errors)
    {
        var window = Required("window", command.Window, errors);
        if (window is { } w && (w < SpikeRule.Slot || w > SpikeRule.MaxWindow || w.Ticks % SpikeRule.Slot.Ticks != 0))
        {
            errors.Add("window", "The window is a multiple of 15 minutes, from 15 minutes to 24 hours.");
            window = null;
        }

        SpikeCompare? compare = command.Compare?.Trim() switch
        {
            null or "" or SameHours => SpikeCompare.SameHours,
            Preceding => SpikeCompare.Preceding,
            _ => null,
        };
        if (compare is null) errors.Add("compare", $"compare is \"{SameHours}\" or \"{Preceding}\".");

        var baseline = Required("baseline", command.Baseline, errors);
        if (baseline is { } b && compare == SpikeCompare.SameHours && (b.Ticks % TimeSpan.TicksPerDay != 0 || b < TimeSpan.FromDays(1) || b > SpikeRule.MaxBaseline))
            errors.Add("baseline", "Compared with the same hours, the baseline is whole days, from 1 to 28.");
        if (baseline is { } p && compare == SpikeCompare.Preceding
            && (p.Ticks % SpikeRule.Slot.Ticks != 0 || p > SpikeRule.MaxBaseline || (window is { } pw && p < pw)))
            errors.Add("baseline", "Compared with the preceding period, the baseline is a multiple of 15 minutes, at least the window and at most 28 days.");

        if (command.Sensitivity is not { } sensitivity || !(sensitivity > 0 && sensitivity <= MaxSensitivity))
            errors.Add("sensitivity", $"sensitivity (the largest tail probability that fires) is above 0 and at most {MaxSensitivity}.");

        var minimum = command.MinimumCount ?? SpikeRule.DefaultMinimumCount;
        if (minimum is < 1 or > MaxMinimumCount) errors.Add("minimumCount", $"minimumCount is from 1 to {MaxMinimumCount}.");

        TimeSpan? cooldown = SpikeRule.DefaultCooldown;
        if (command.Cooldown is not null && (cooldown = Duration(command.Cooldown)) is null)
            errors.Add("cooldown", "A duration, in ISO-8601 (PT6H) or as hh:mm:ss.");
        // Shorter than the window, the cool-down would let the articles of one surge, still in the window, fire it again.
        else if (cooldown is { } c && (c > MaxCooldown || (window is { } cw && c < cw)))
            errors.Add("cooldown", "The cool-down is at least the window and at most 7 days.");

        return errors.Any ? null : new SpikeRule(window!.Value, baseline!.Value, compare!.Value, command.Sensitivity!.Value, minimum, cooldown!.Value);
    }

    private static TimeSpan? Required(string field, string? text, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, "Required: a duration, in ISO-8601 (PT1H, P7D) or as hh:mm:ss.");
            return null;
        }
        var value = Duration(text);
        if (value is null) errors.Add(field, "A duration, in ISO-8601 (PT1H, P7D) or as hh:mm:ss.");
        return value;
    }
}
