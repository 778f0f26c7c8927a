using MediaMonitor.Ingestion;
using MediaMonitor.Timelines;

namespace MediaMonitor.Api.Tests.Timelines;

public sealed class TimelineCountsTests
{
    private static readonly TimeZoneInfo Tehran = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tehran");

    private static DateTimeOffset Utc(int d, int h, int mi = 0) => new(2026, 6, d, h, mi, 0, TimeSpan.Zero);

    [Fact]
    public void quarter_hours_fold_into_tehran_hours_by_the_half_hour_and_empty_hours_are_zero()
    {
        var buckets = BucketBoundaries.Cover(BucketSize.Hour, Tehran, Utc(1, 9, 30), Utc(1, 12, 30), 100)!;
        var counts = new TimelineCounts(buckets);
        counts.Add(Utc(1, 9, 15), 100, 100, 100);   // before the first bucket (13:30 Tehran)
        counts.Add(Utc(1, 9, 30), 1, 0, 0);
        counts.Add(Utc(1, 10, 15), 2, 1, 1);        // 13:45 Tehran: still the first hour
        counts.Add(Utc(1, 10, 30), 4, 0, 0);        // 14:00 Tehran: the second
        counts.Add(Utc(1, 12, 30), 100, 0, 0);      // after the last

        Assert.Equal([3, 4, 0], counts.Articles);
        Assert.Equal([1, 0, 0], counts.Alerts);
        Assert.Equal([1, 0, 0], counts.ByIngestTime);
        Assert.Equal(new TimelineTotals(7, 1, 1), counts.Totals);
        Assert.Equal(3, counts.Buckets().Count);
    }

    [Fact]
    public void an_article_time_is_its_publication_unless_missing_or_later_than_intake()
    {
        var ingested = Utc(2, 12);
        Assert.Equal(new ArticleTime(Utc(1, 8, 7), false), ArticleTime.Of(Utc(1, 8, 7), ingested));
        Assert.Equal(new ArticleTime(ingested, true), ArticleTime.Of(null, ingested));
        Assert.Equal(new ArticleTime(ingested, true), ArticleTime.Of(Utc(3, 0), ingested));
        var time = ArticleTime.Of(Utc(1, 8, 44), ingested);
        Assert.Equal((Utc(1, 8, 30), Utc(1, 8), Utc(1, 0)), (time.QuarterSlot, time.HourSlot, time.DaySlot));
    }
}
