using MediaMonitor.Infrastructure;
using MediaMonitor.Ingestion;
using MediaMonitor.Matching;
using MediaMonitor.Timelines;

namespace MediaMonitor.Api.Tests.Timelines;

public sealed class TimelineWindowTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 10, 12, 34, 0, TimeSpan.Zero);

    private static (TimelineWindow? Window, ValidationErrors Errors) Of(string? bucket, string? tz, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        var errors = new ValidationErrors();
        return (TimelineWindow.Of(bucket, tz, from, to, Now, errors), errors);
    }

    [Theory]
    [InlineData("hour", 7 * 24 + 1)]
    [InlineData("day", 91)]
    [InlineData("week", 53)]
    public void without_a_range_the_window_ends_now_and_reaches_back_by_the_bucket_size(string bucket, int count)
    {
        var window = Of(bucket, "UTC").Window!;
        Assert.Equal(count, window.Buckets.Count);
        Assert.True(window.To > Now && window.Buckets[^1].Start <= Now);
    }

    [Theory]
    [InlineData("hour", "Asia/Baghdad", true)]
    [InlineData("day", "America/New_York", true)]
    [InlineData("week", "Europe/London", true)]
    [InlineData("hour", "Asia/Tehran", false)]
    [InlineData("day", "Asia/Kathmandu", false)]
    [InlineData("week", "Australia/Adelaide", false)]
    public void only_zones_whose_buckets_all_start_on_whole_utc_hours_are_read_from_hour_rows(string bucket, string tz, bool wholeHours)
    {
        var window = Of(bucket, tz, new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)).Window!;
        Assert.Equal(wholeHours, window.OnWholeHours);
    }

    [Theory]
    [InlineData("minute", null, "bucket")]
    [InlineData("day", "Mars/Olympus_Mons", "tz")]
    [InlineData("day", "../../etc/passwd", "tz")]
    public void an_unknown_bucket_or_zone_is_refused_naming_the_parameter(string bucket, string? tz, string field)
    {
        var (window, errors) = Of(bucket, tz);
        Assert.Null(window);
        Assert.Equal([field], errors.ToDictionary().Keys);
    }

    [Fact]
    public void a_range_ending_before_it_starts_or_holding_too_many_buckets_is_refused()
    {
        Assert.Equal(["from"], Of("day", null, Now, Now.AddDays(-1)).Errors.ToDictionary().Keys);
        Assert.Equal(["to"], Of("hour", null, Now.AddYears(-2), Now).Errors.ToDictionary().Keys);
        Assert.NotNull(Of("hour", null, Now.AddYears(-1), Now).Window);
    }

    [Fact]
    public void a_summary_range_reads_whole_utc_days_as_days_and_the_edges_as_hours()
    {
        var range = SummaryRange.Of(Now.AddDays(-2), Now, Now, new ValidationErrors())!;
        Assert.Equal(new SummaryRange(new DateTimeOffset(2026, 6, 8, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 6, 10, 13, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 6, 9, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 6, 10, 0, 0, 0, TimeSpan.Zero)), range);

        var short_ = SummaryRange.Of(Now.AddHours(-3), Now, Now, new ValidationErrors())!;
        Assert.Equal(short_.To, short_.DaysFrom);
        Assert.Equal(short_.To, short_.DaysTo);
    }

    [Fact]
    public void a_match_gives_each_term_and_text_once_and_a_masked_hit_none()
    {
        var hits = new List<MatchHit>
        {
            new("انسحاب القوات", ArticleField.Body, 0, 14, "وانسحاب القوات"),
            new("انسحاب القوات", ArticleField.Body, 40, 11, "انسحاب قوات"),
            new("انسحاب القوات", ArticleField.Title, 3, 14, "وانسحاب القوات"),
            new("ceasefire", ArticleField.Body, 60, 0, ""),
        };
        var e = new ArticleMatched(Guid.NewGuid(), Guid.NewGuid(), 1, "w", hits, Now);
        Assert.Equal(["انسحاب القوات\u001fانسحاب قوات", "انسحاب القوات\u001fوانسحاب القوات"], TimelineProjection.Forms(e));
    }
}
