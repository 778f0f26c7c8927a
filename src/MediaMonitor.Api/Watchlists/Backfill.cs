using JasperFx;

namespace MediaMonitor.Watchlists;

/// <summary>
/// A backfill matches one watchlist, at the version current when it was asked for, against the articles taken in
/// within a range, oldest first. Its stream records the request and each batch's progress, so after a restart it goes
/// on from the last batch committed.
/// </summary>
/// <param name="To">Articles taken in before this time (the request's time when not given), so that articles ingested
/// meanwhile, which intake matches already, are left alone.</param>
public sealed record BackfillStarted(Guid BackfillId, Guid WatchlistId, int WatchlistVersion, DateTimeOffset? From, DateTimeOffset To, DateTimeOffset At);

/// <summary>One batch done: articles scanned up to (and including) the one named, matches and alerts raised in it, and
/// the articles in range it skipped because the watchlist alerted on them before (one alert per article and watchlist).</summary>
public sealed record BackfillProgressed(
    Guid BackfillId, DateTimeOffset LastIngestedAt, Guid LastArticleId, int Scanned, int Matched, DateTimeOffset At, int AlreadyAlerted = 0);

/// <param name="StoppedBecause">Null when every article in range was scanned.</param>
public sealed record BackfillCompleted(Guid BackfillId, DateTimeOffset At, string? StoppedBecause = null);

public enum BackfillStatus { Running, Completed }

public sealed partial class Backfill : IRevisioned
{
    public Guid Id { get; set; }
    public Guid WatchlistId { get; set; }
    public int WatchlistVersion { get; set; }
    public DateTimeOffset? From { get; set; }
    public DateTimeOffset To { get; set; }
    public BackfillStatus Status { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? StoppedBecause { get; set; }
    public long Scanned { get; set; }
    public long Matched { get; set; }

    /// <summary>Articles in range skipped because the watchlist alerted on them before, at this or an earlier version:
    /// each keeps its first alert.</summary>
    public long AlreadyAlerted { get; set; }

    public int Batches { get; set; }

    /// <summary>Where the next batch starts: after this article, in id order (<see cref="LastIngestedAt"/> is its intake time).</summary>
    public DateTimeOffset? LastIngestedAt { get; set; }
    public Guid? LastArticleId { get; set; }

    public int Version { get; set; }

    public static Backfill Create(BackfillStarted e) => new()
    {
        Id = e.BackfillId, WatchlistId = e.WatchlistId, WatchlistVersion = e.WatchlistVersion, From = e.From, To = e.To,
        Status = BackfillStatus.Running, StartedAt = e.At, UpdatedAt = e.At,
    };

    public void Apply(BackfillProgressed e)
    {
        Scanned += e.Scanned;
        Matched += e.Matched;
        AlreadyAlerted += e.AlreadyAlerted;
        Batches++;
        LastIngestedAt = e.LastIngestedAt;
        LastArticleId = e.LastArticleId;
        UpdatedAt = e.At;
    }

    public void Apply(BackfillCompleted e)
    {
        Status = BackfillStatus.Completed;
        CompletedAt = e.At;
        StoppedBecause = e.StoppedBecause;
        UpdatedAt = e.At;
    }
}
