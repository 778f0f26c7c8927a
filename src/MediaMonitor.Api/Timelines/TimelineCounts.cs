namespace MediaMonitor.Timelines;

public sealed record TimelineBucket(DateTimeOffset Start, DateTimeOffset End, long Articles, long Alerts, long ByIngestTime);

public sealed record TimelineTotals(long Articles, long Alerts, long ByIngestTime);

/// <summary>
/// Quarter-hour rows folded into a timeline's buckets. The rows come in slot order, so each one moves a cursor over
/// the buckets forward instead of being looked up; a bucket no row falls in stays zero.
/// </summary>
public sealed class TimelineCounts(IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> buckets)
{
    private readonly long[] _articles = new long[buckets.Count];
    private readonly long[] _alerts = new long[buckets.Count];
    private readonly long[] _byIngestTime = new long[buckets.Count];
    private int _at;

    /// <summary>Adds one quarter hour's counts; slots must come in ascending order. A slot outside every bucket is left out.</summary>
    public void Add(DateTimeOffset slot, long articles, long alerts, long byIngestTime)
    {
        while (_at < buckets.Count && slot >= buckets[_at].End) _at++;
        if (_at == buckets.Count || slot < buckets[_at].Start) return;
        _articles[_at] += articles;
        _alerts[_at] += alerts;
        _byIngestTime[_at] += byIngestTime;
    }

    public IReadOnlyList<long> Articles => _articles;
    public IReadOnlyList<long> Alerts => _alerts;
    public IReadOnlyList<long> ByIngestTime => _byIngestTime;

    public TimelineTotals Totals => new(_articles.Sum(), _alerts.Sum(), _byIngestTime.Sum());

    public IReadOnlyList<TimelineBucket> Buckets() =>
        buckets.Select((b, i) => new TimelineBucket(b.Start, b.End, _articles[i], _alerts[i], _byIngestTime[i])).ToList();
}
