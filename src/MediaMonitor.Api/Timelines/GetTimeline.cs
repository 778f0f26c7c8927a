using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using MediaMonitor.Watchlists;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace MediaMonitor.Timelines;

public static class GetTimelineEndpoint
{
    public const string CountedBy = "publishedAt, else ingest time";

    /// <summary>
    /// Matched articles and their alerts per hour, day or ISO week (from Monday) in the time zone <c>tz</c> (an IANA
    /// name, UTC if none): zero-filled buckets, each with its start and end in that zone (a daylight-saving day is 23
    /// or 25 hours; the hour repeated when clocks go back is two buckets). An article counts at its publishedAt, else
    /// (none, or one later than its intake) at its ingest time; <c>byIngestTime</c> counts those. <c>lang</c> and
    /// <c>source</c> filter. The range [<c>from</c>, <c>to</c>) is widened to whole buckets; without <c>to</c> it ends
    /// now, without <c>from</c> it covers 7 days (hour), 90 days (day) or a year (week); at most 10,000 buckets. An
    /// article matched again (a backfill) counts once. Answers are as of the timeline projection, which the daemon
    /// brings up to date a moment after each ingest.
    /// </summary>
    [WolverineGet("/api/watchlists/{id}/timeline"), Authorize(Policy = Scopes.Read), Tags("Timelines")]
    [ProducesResponseType<TimelineResponse>(200), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ValidationProblemDetails>(422)]
    public static async Task<IResult> Get(
        Guid id, string? bucket, DateTimeOffset? from, DateTimeOffset? to, string? tz, string? lang, string? source,
        IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var window = TimelineWindow.Of(bucket, tz, from, to, clock.GetUtcNow(), errors);
        if (window is null) return Problems.Invalid(errors);
        if (await session.LoadAsync<Watchlist>(id, ct) is null) return Problems.NotFound("Watchlist", id);

        var (l, s) = (TimelineReader.Lang(lang), TimelineReader.Source(source));
        var counts = (await TimelineReader.ReadAsync(session, [id], l, s, window, ct))[id];
        return Results.Ok(new TimelineResponse(id, window.BucketName, window.Zone.Id, window.From, window.To, l, s, CountedBy,
            counts.Buckets(), counts.Totals));
    }
}
