using MediaMonitor.Ingestion;
using MediaMonitor.Infrastructure;

namespace MediaMonitor.Timelines;

/// <summary>
/// A summary's range, widened to whole UTC hours, and how it is read: day rows for the whole UTC days inside it
/// ([<see cref="DaysFrom"/>, <see cref="DaysTo"/>)), hour rows for the part before and the part after. Without
/// <c>to</c> it ends now; without <c>from</c> it starts 30 days before its end.
/// </summary>
public sealed record SummaryRange(DateTimeOffset From, DateTimeOffset To, DateTimeOffset DaysFrom, DateTimeOffset DaysTo)
{
    public static readonly TimeSpan DefaultLength = TimeSpan.FromDays(30);

    public static SummaryRange? Of(DateTimeOffset? from, DateTimeOffset? to, DateTimeOffset now, ValidationErrors errors)
    {
        if (!TimelineWindow.InRange(from, to, errors)) return null;
        var end = ArticleTime.Ceiling(to ?? now, TimeSpan.FromHours(1));
        var start = ArticleTime.Floor(from ?? (to ?? now) - DefaultLength, TimeSpan.FromHours(1));
        if (from is not null && to is not null && from >= to || start >= end)
        {
            errors.Add("from", "from must be before to.");
            return null;
        }
        var days = (From: ArticleTime.Ceiling(start, TimeSpan.FromDays(1)), To: ArticleTime.Floor(end, TimeSpan.FromDays(1)));
        return days.From < days.To
            ? new SummaryRange(start, end, days.From, days.To)
            : new SummaryRange(start, end, end, end);
    }
}
