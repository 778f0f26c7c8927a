using System.Globalization;
using Wolverine.Configuration;

namespace MediaMonitor.Webhooks;

/// <summary>Configuration section <c>MediaMonitor:Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string Section = "MediaMonitor:Webhooks";

    /// <summary>The default schedule, as Svix's: the delays before the second to the eighth attempt.</summary>
    public const string DefaultRetrySchedule = "00:00:05,00:05:00,00:30:00,02:00:00,05:00:00,10:00:00,10:00:00";

    /// <summary>A 2xx answer must come within this time.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Comma-separated delays (<c>hh:mm:ss</c>) before each retry; its length is the number of retries.</summary>
    public string RetrySchedule { get; set; } = DefaultRetrySchedule;

    /// <summary>A subscription whose deliveries have failed, with no success, for this long is disabled.</summary>
    public TimeSpan DisableAfter { get; set; } = TimeSpan.FromDays(5);

    /// <summary>The longest <c>Retry-After</c> honoured; a longer one waits this long.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Deliveries handled at once on one node, rounded up to a multiple of <see cref="SlotsPerQueue"/>; one
    /// subscription gets one at a time. Each may hold a database connection while it records its attempt, so this
    /// stays well below the connection pool (<see cref="Infrastructure.Persistence.DefaultMaxPoolSize"/>).</summary>
    public int MaxParallelDeliveries { get; set; } = 20;

    /// <summary>The most attempts of one subscription made in one transaction.</summary>
    public const int DeliveriesPerBatch = 50;

    /// <summary>How long the first delivery of a batch waits for others to join it: a little latency for far fewer
    /// transactions when alerts come fast.</summary>
    public static readonly TimeSpan BatchWait = TimeSpan.FromMilliseconds(5);

    /// <summary>Subscriptions' lanes in one delivery queue (Wolverine's partition slots).</summary>
    public const PartitionSlots SlotsPerQueue = PartitionSlots.Five;

    /// <summary>How many partitioned delivery queues make <see cref="MaxParallelDeliveries"/> lanes.</summary>
    public int DeliveryQueues => (MaxParallelDeliveries + (int)SlotsPerQueue - 1) / (int)SlotsPerQueue;

    /// <summary>How long after a rotation the previous secret still signs beside the new one.</summary>
    public static readonly TimeSpan SecretOverlap = TimeSpan.FromHours(24);

    /// <summary>The parsed <see cref="RetrySchedule"/>.</summary>
    /// <exception cref="FormatException">An entry is not a duration, or is not positive, or is longer than 30 days.</exception>
    public static IReadOnlyList<TimeSpan> ParseSchedule(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var delays = new List<TimeSpan>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!TimeSpan.TryParse(part, CultureInfo.InvariantCulture, out var delay))
                throw new FormatException($"'{part}' in {Section}:RetrySchedule is not a duration such as 00:05:00.");
            if (delay <= TimeSpan.Zero || delay > TimeSpan.FromDays(30))
                throw new FormatException($"'{part}' in {Section}:RetrySchedule is not between zero and 30 days.");
            delays.Add(delay);
        }
        if (delays.Count > 20) throw new FormatException($"{Section}:RetrySchedule has {delays.Count} retries; at most 20.");
        return delays;
    }

    /// <summary>Every problem with these settings, for a clear refusal at start-up.</summary>
    public IEnumerable<string> Problems()
    {
        string? schedule = null;
        try
        {
            ParseSchedule(RetrySchedule);
        }
        catch (FormatException e)
        {
            schedule = e.Message;
        }
        if (schedule is not null) yield return schedule;
        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(5)) yield return $"{Section}:Timeout must be between zero and 5 minutes.";
        if (DisableAfter <= TimeSpan.Zero) yield return $"{Section}:DisableAfter must be positive.";
        if (MaxRetryAfter <= TimeSpan.Zero) yield return $"{Section}:MaxRetryAfter must be positive.";
        if (MaxParallelDeliveries is < 1 or > 500) yield return $"{Section}:MaxParallelDeliveries must be between 1 and 500.";
    }
}
