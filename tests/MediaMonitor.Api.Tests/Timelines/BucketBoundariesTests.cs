using MediaMonitor.Timelines;

namespace MediaMonitor.Api.Tests.Timelines;

public sealed class BucketBoundariesTests
{
    private static TimeZoneInfo Zone(string name) => TimeZoneInfo.FindSystemTimeZoneById(name);

    private static DateTimeOffset Utc(int y, int mo, int d, int h = 0, int mi = 0) => new(y, mo, d, h, mi, 0, TimeSpan.Zero);

    private static IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> Cover(BucketSize size, string zone, DateTimeOffset from, DateTimeOffset to) =>
        BucketBoundaries.Cover(size, Zone(zone), from, to, 10_000)!;

    private static string Local((DateTimeOffset Start, DateTimeOffset End) b) => $"{b.Start:yyyy-MM-ddTHH:mmzzz}/{b.End:yyyy-MM-ddTHH:mmzzz}";

    [Fact]
    public void new_york_spring_forward_day_is_23_hours_and_its_2_am_hour_does_not_exist()
    {
        var day = Assert.Single(Cover(BucketSize.Day, "America/New_York", Utc(2026, 3, 8, 5), Utc(2026, 3, 9, 4)));
        Assert.Equal("2026-03-08T00:00-05:00/2026-03-09T00:00-04:00", Local(day));
        Assert.Equal(TimeSpan.FromHours(23), day.End - day.Start);

        var hours = Cover(BucketSize.Hour, "America/New_York", Utc(2026, 3, 8, 5), Utc(2026, 3, 8, 9));
        Assert.Equal(
            ["2026-03-08T00:00-05:00/2026-03-08T01:00-05:00", "2026-03-08T01:00-05:00/2026-03-08T03:00-04:00",
             "2026-03-08T03:00-04:00/2026-03-08T04:00-04:00", "2026-03-08T04:00-04:00/2026-03-08T05:00-04:00"],
            hours.Select(Local));
        Assert.All(hours, h => Assert.Equal(TimeSpan.FromHours(1), h.End - h.Start));
    }

    [Fact]
    public void new_york_fall_back_day_is_25_hours_and_its_repeated_1_am_hour_is_two_buckets()
    {
        var day = Assert.Single(Cover(BucketSize.Day, "America/New_York", Utc(2026, 11, 1, 4), Utc(2026, 11, 2, 5)));
        Assert.Equal("2026-11-01T00:00-04:00/2026-11-02T00:00-05:00", Local(day));
        Assert.Equal(TimeSpan.FromHours(25), day.End - day.Start);

        var hours = Cover(BucketSize.Hour, "America/New_York", Utc(2026, 11, 1, 4), Utc(2026, 11, 1, 8));
        Assert.Equal(
            ["2026-11-01T00:00-04:00/2026-11-01T01:00-04:00", "2026-11-01T01:00-04:00/2026-11-01T01:00-05:00",
             "2026-11-01T01:00-05:00/2026-11-01T02:00-05:00", "2026-11-01T02:00-05:00/2026-11-01T03:00-05:00"],
            hours.Select(Local));
    }

    [Fact]
    public void a_range_starting_in_the_second_of_two_repeated_hours_starts_with_that_hour()
    {
        var hours = Cover(BucketSize.Hour, "America/New_York", Utc(2026, 11, 1, 6, 30), Utc(2026, 11, 1, 7));
        Assert.Equal(["2026-11-01T01:00-05:00/2026-11-01T02:00-05:00"], hours.Select(Local));
    }

    [Fact]
    public void tehran_hours_start_at_half_past_utc()
    {
        var hours = Cover(BucketSize.Hour, "Asia/Tehran", Utc(2026, 6, 1, 10, 10), Utc(2026, 6, 1, 11, 40));
        Assert.Equal(
            ["2026-06-01T13:00+03:30/2026-06-01T14:00+03:30", "2026-06-01T14:00+03:30/2026-06-01T15:00+03:30",
             "2026-06-01T15:00+03:30/2026-06-01T16:00+03:30"],
            hours.Select(Local));
        Assert.Equal([Utc(2026, 6, 1, 9, 30), Utc(2026, 6, 1, 10, 30), Utc(2026, 6, 1, 11, 30)], hours.Select(h => h.Start));
    }

    [Fact]
    public void kathmandu_hours_start_at_a_quarter_past_utc_and_its_days_at_18_15_utc()
    {
        var hours = Cover(BucketSize.Hour, "Asia/Kathmandu", Utc(2026, 6, 1, 10), Utc(2026, 6, 1, 11));
        Assert.Equal(["09:15Z", "10:15Z"], hours.Select(b => $"{b.Start.UtcDateTime:HH:mm}Z"));
        Assert.All(hours, h => Assert.Equal((0, TimeSpan.FromMinutes(345)), (h.Start.Minute, h.Start.Offset)));

        var day = Assert.Single(Cover(BucketSize.Day, "Asia/Kathmandu", Utc(2026, 6, 1, 0), Utc(2026, 6, 1, 1)));
        Assert.Equal(Utc(2026, 5, 31, 18, 15), day.Start);
        Assert.Equal(Utc(2026, 6, 1, 18, 15), day.End);
    }

    [Fact]
    public void london_weeks_start_on_monday_midnight_local_across_the_clock_change()
    {
        // Sunday 29 March 2026 the clocks go forward: the week of Monday 23 March is an hour short.
        var weeks = Cover(BucketSize.Week, "Europe/London", Utc(2026, 3, 25), Utc(2026, 4, 1));
        Assert.Equal(
            ["2026-03-23T00:00+00:00/2026-03-30T00:00+01:00", "2026-03-30T00:00+01:00/2026-04-06T00:00+01:00"],
            weeks.Select(Local));
        Assert.Equal(TimeSpan.FromHours(7 * 24 - 1), weeks[0].End - weeks[0].Start);
        Assert.All(weeks, w => Assert.Equal(DayOfWeek.Monday, w.Start.DayOfWeek));
    }

    [Fact]
    public void baghdad_days_are_24_hours_from_21_00_utc()
    {
        var days = Cover(BucketSize.Day, "Asia/Baghdad", Utc(2026, 3, 1), Utc(2026, 4, 1));
        Assert.Equal(32, days.Count);
        Assert.Equal(Utc(2026, 2, 28, 21), days[0].Start);
        Assert.All(days, d => Assert.Equal((TimeSpan.FromHours(24), TimeSpan.FromHours(3), 0), (d.End - d.Start, d.Start.Offset, d.Start.Hour)));
        Assert.All(days.Zip(days.Skip(1)), p => Assert.Equal(p.First.End, p.Second.Start));
    }

    [Fact]
    public void a_day_whose_midnight_is_skipped_starts_at_the_first_instant_of_its_date()
    {
        // Havana, 8 March 2026: at midnight the clocks go to 01:00.
        var day = Assert.Single(Cover(BucketSize.Day, "America/Havana", Utc(2026, 3, 8, 6), Utc(2026, 3, 8, 7)));
        Assert.Equal("2026-03-08T01:00-04:00/2026-03-09T00:00-04:00", Local(day));
        Assert.Equal(TimeSpan.FromHours(23), day.End - day.Start);
    }

    [Fact]
    public void a_day_whose_midnight_comes_twice_starts_at_the_first()
    {
        // Havana, 1 November 2026: at 01:00 the clocks go back to midnight.
        var day = Assert.Single(Cover(BucketSize.Day, "America/Havana", Utc(2026, 11, 1, 6), Utc(2026, 11, 1, 7)));
        Assert.Equal("2026-11-01T00:00-04:00/2026-11-02T00:00-05:00", Local(day));
        Assert.Equal(TimeSpan.FromHours(25), day.End - day.Start);
    }

    [Fact]
    public void the_range_is_widened_to_whole_buckets_and_an_end_on_a_boundary_stays()
    {
        var days = Cover(BucketSize.Day, "UTC", Utc(2026, 1, 1, 10), Utc(2026, 1, 3));
        Assert.Equal([(Utc(2026, 1, 1), Utc(2026, 1, 2)), (Utc(2026, 1, 2), Utc(2026, 1, 3))], days);
    }

    [Fact]
    public void more_buckets_than_allowed_give_none()
    {
        Assert.Null(BucketBoundaries.Cover(BucketSize.Hour, TimeZoneInfo.Utc, Utc(2026, 1, 1), Utc(2026, 1, 2), 23));
        Assert.Equal(24, BucketBoundaries.Cover(BucketSize.Hour, TimeZoneInfo.Utc, Utc(2026, 1, 1), Utc(2026, 1, 2), 24)!.Count);
    }

    [Fact]
    public void a_year_of_hours_in_new_york_has_one_23_and_one_25_hour_day_worth_of_buckets()
    {
        var hours = Cover(BucketSize.Hour, "America/New_York", Utc(2026, 1, 1, 5), Utc(2027, 1, 1, 5));
        Assert.Equal(8760, hours.Count);
        Assert.All(hours.Zip(hours.Skip(1)), p => Assert.Equal(p.First.End, p.Second.Start));
        Assert.All(hours, h => Assert.Equal((TimeSpan.FromHours(1), 0), (h.End - h.Start, h.Start.Minute)));
    }
}
