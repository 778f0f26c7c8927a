namespace MediaMonitor.Timelines;

/// <summary>One watchlist's timeline: zero-filled buckets from <paramref name="From"/> to <paramref name="To"/> (the
/// range asked for, widened to whole buckets), their starts and ends in the zone <paramref name="Tz"/>.</summary>
public sealed record TimelineResponse(
    Guid WatchlistId, string Bucket, string Tz, DateTimeOffset From, DateTimeOffset To, string? Lang, string? Source,
    string CountedBy, IReadOnlyList<TimelineBucket> Buckets, TimelineTotals Totals);

public sealed record BucketSpan(DateTimeOffset Start, DateTimeOffset End);

/// <summary>One watchlist's counts, the n-th of each list for the n-th bucket of the answer.</summary>
public sealed record TimelineSeries(
    Guid WatchlistId, string Name, IReadOnlyList<long> Articles, IReadOnlyList<long> Alerts, IReadOnlyList<long> ByIngestTime,
    TimelineTotals Totals);

/// <summary>Several watchlists' timelines over the same buckets, for a chart.</summary>
public sealed record TimelinesResponse(
    string Bucket, string Tz, DateTimeOffset From, DateTimeOffset To, string? Lang, string? Source, string CountedBy,
    IReadOnlyList<BucketSpan> Buckets, IReadOnlyList<TimelineSeries> Series);
