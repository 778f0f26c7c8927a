using System.Text.RegularExpressions;
using MediaMonitor.Infrastructure;

namespace MediaMonitor.Timelines;

/// <summary>
/// What a timeline request asks for, checked: the bucket size, the time zone, and the buckets covering the range
/// (widened to whole buckets). Without <c>to</c> the range ends now; without <c>from</c> it starts 7 days (hourly), 90
/// days (daily) or a year (weekly) before its end.
/// </summary>
public sealed partial record TimelineWindow(
    BucketSize Size, TimeZoneInfo Zone, IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> Buckets)
{
    public const int MaxBuckets = 10_000;
    public const string DefaultZone = "UTC";

    /// <summary>The times a timeline or a summary may ask about: wide enough for any news archive, and far enough inside
    /// what a <see cref="DateTimeOffset"/> can hold for whole weeks, years and zone offsets around them.</summary>
    public static readonly DateTimeOffset Earliest = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Latest = new(3000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>False, with the reason added, when <paramref name="from"/> or <paramref name="to"/> lies outside
    /// [<see cref="Earliest"/>, <see cref="Latest"/>).</summary>
    public static bool InRange(DateTimeOffset? from, DateTimeOffset? to, ValidationErrors errors)
    {
        var ok = true;
        foreach (var (name, value) in new[] { ("from", from), ("to", to) })
        {
            if (value is not { } v || (v >= Earliest && v < Latest)) continue;
            errors.Add(name, $"{name} lies between {Earliest:yyyy-MM-dd} and {Latest:yyyy-MM-dd}.");
            ok = false;
        }
        return ok;
    }

    public DateTimeOffset From => Buckets.Count > 0 ? Buckets[0].Start : default;
    public DateTimeOffset To => Buckets.Count > 0 ? Buckets[^1].End : default;

    public string BucketName => Size.ToString().ToLowerInvariant();

    /// <summary>Every bucket starts and ends on a whole UTC hour (a zone of whole-hour offsets over the whole window),
    /// so hour rows fold into the buckets exactly; else the quarter-hour rows must.</summary>
    public bool OnWholeHours { get; } = Buckets.All(b => b.Start.UtcTicks % TimeSpan.TicksPerHour == 0 && b.End.UtcTicks % TimeSpan.TicksPerHour == 0);

    /// <summary>The window, or null with the reasons added to <paramref name="errors"/>.</summary>
    public static TimelineWindow? Of(
        string? bucket, string? tz, DateTimeOffset? from, DateTimeOffset? to, DateTimeOffset now, ValidationErrors errors)
    {
        var size = ParseSize(bucket, errors);
        var zone = ParseZone(tz, errors);
        var inRange = InRange(from, to, errors);
        if (size is not { } s || zone is null || !inRange) return null;

        var end = to ?? now;
        var start = from ?? s switch
        {
            BucketSize.Hour => end.AddDays(-7),
            BucketSize.Day => end.AddDays(-90),
            _ => end.AddYears(-1),
        };
        if (start >= end)
        {
            errors.Add("from", "from must be before to.");
            return null;
        }
        var buckets = BucketBoundaries.Cover(s, zone, start, end, MaxBuckets);
        if (buckets is null)
        {
            errors.Add("to", $"The range holds more than {MaxBuckets} {s.ToString().ToLowerInvariant()} buckets: narrow it or take a larger bucket.");
            return null;
        }
        return new TimelineWindow(s, zone, buckets);
    }

    private static BucketSize? ParseSize(string? bucket, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(bucket)) return BucketSize.Day;
        switch (bucket.Trim().ToLowerInvariant())
        {
            case "hour": return BucketSize.Hour;
            case "day": return BucketSize.Day;
            case "week": return BucketSize.Week;
            default:
                errors.Add("bucket", "bucket is one of: hour, day, week.");
                return null;
        }
    }

    /// <summary>An IANA zone name (Asia/Baghdad, America/New_York, UTC). The name is checked for its shape first: the
    /// zone is read from a file of that name under the system's zoneinfo folder.</summary>
    private static TimeZoneInfo? ParseZone(string? tz, ValidationErrors errors)
    {
        var name = string.IsNullOrWhiteSpace(tz) ? DefaultZone : tz.Trim();
        if (ZoneName().IsMatch(name))
        {
            try { return TimeZoneInfo.FindSystemTimeZoneById(name); }
            catch (TimeZoneNotFoundException) { }
            catch (InvalidTimeZoneException) { }
        }
        errors.Add("tz", $"tz is an IANA time zone name, such as Asia/Baghdad or America/New_York; '{Shown(name)}' is not one.");
        return null;
    }

    private static string Shown(string name) => name.Length > 64 ? name[..64] + "…" : name;

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9][A-Za-z0-9_+\-]*){0,2}$")]
    private static partial Regex ZoneName();
}
