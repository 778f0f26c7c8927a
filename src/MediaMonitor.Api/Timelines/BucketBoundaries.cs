using MediaMonitor.Ingestion;
namespace MediaMonitor.Timelines;

/// <summary>
/// The buckets of a timeline in a time zone, as instants: each starts where the zone's clock starts its hour, day or
/// week, so a daylight-saving day is 23 or 25 hours long and the hour repeated when clocks go back is two buckets, told
/// apart by their offsets. A day (or week) whose midnight the clocks skip starts at the first instant of its date. The
/// boundaries carry the zone's offset at that instant.
/// <para>
/// Instants are looked for on UTC quarter hours, where every zone's clock changes today; a zone's historical offsets
/// that were not whole quarter hours (local mean times of the early 20th century) fall to the quarter hour before.
/// </para>
/// </summary>
public static class BucketBoundaries
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>
    /// The buckets that cover [<paramref name="from"/>, <paramref name="to"/>), widened to whole buckets: the first
    /// starts at or before <paramref name="from"/>, the last ends at or after <paramref name="to"/>. Null when there would
    /// be more than <paramref name="max"/>.
    /// </summary>
    public static IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)>? Cover(
        BucketSize size, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to, int max)
    {
        var buckets = new List<(DateTimeOffset, DateTimeOffset)>();
        var start = First(size, zone, from);
        while (start < to)
        {
            var end = Next(size, zone, start);
            // The first start found may be that of an earlier bucket (the first of a repeated hour).
            if (end > from)
            {
                if (buckets.Count == max) return null;
                buckets.Add((start, end));
            }
            start = end;
        }
        return buckets;
    }

    private static DateTimeOffset First(BucketSize size, TimeZoneInfo zone, DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone).DateTime;
        return size switch
        {
            BucketSize.Hour => StartOf(new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0), zone),
            BucketSize.Day => StartOf(local.Date, zone),
            _ => StartOf(local.Date.AddDays(-(((int)local.DayOfWeek + 6) % 7)), zone),
        };
    }

    private static DateTimeOffset Next(BucketSize size, TimeZoneInfo zone, DateTimeOffset start)
    {
        var local = start.DateTime;
        if (size == BucketSize.Hour)
        {
            // Mostly the next hour starts an hour later (also when the clocks jump a whole hour in between).
            var later = TimeZoneInfo.ConvertTime(start + Hour, zone);
            if (later is { Minute: 0, Second: 0 }) return later;
            var hour = new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0);
            return After(start, zone, hour, Hour);
        }
        var step = TimeSpan.FromDays(size == BucketSize.Day ? 1 : 7);
        return After(start, zone, local.Date, step);
    }

    /// <summary>The start of the first local time <paramref name="local"/> + n <paramref name="step"/>s that starts after
    /// <paramref name="start"/> (a clock time the zone skipped entirely starts where the next one does: no empty buckets).</summary>
    private static DateTimeOffset After(DateTimeOffset start, TimeZoneInfo zone, DateTime local, TimeSpan step)
    {
        while (true)
        {
            local += step;
            var next = StartOf(local, zone);
            if (next > start) return next;
        }
    }

    /// <summary>The first instant at which the zone's clock reads <paramref name="local"/> or later: the instant itself
    /// for an ordinary time, the earlier of the two for a repeated one, the end of the gap for a skipped one.</summary>
    public static DateTimeOffset StartOf(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        // Offsets on either side of a change differ by less than three hours: starting that much early finds the first.
        var guess = new DateTimeOffset(local, TimeSpan.Zero) - zone.GetUtcOffset(local) - TimeSpan.FromHours(3);
        var at = ArticleTime.Floor(guess, ArticleTime.Quarter);
        while (true)
        {
            var there = TimeZoneInfo.ConvertTime(at, zone);
            if (there.DateTime >= local) return there;
            at += ArticleTime.Quarter;
        }
    }
}
