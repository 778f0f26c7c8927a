using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using MediaMonitor.Watchlists;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace MediaMonitor.Timelines;

public static class GetTimelinesEndpoint
{
    public const int MaxWatchlists = 20;

    /// <summary>
    /// The timelines of several watchlists (<c>watchlistIds</c>, comma-separated, at most 20) over the same buckets,
    /// side by side for a chart: <c>buckets</c> once, and per watchlist its counts in bucket order. Parameters and
    /// counting as for one watchlist's timeline; answers are as of the timeline projection, which the daemon brings up
    /// to date a moment after each ingest.
    /// </summary>
    [WolverineGet("/api/timeline"), Authorize(Policy = Scopes.Read), Tags("Timelines")]
    [ProducesResponseType<TimelinesResponse>(200), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ValidationProblemDetails>(422)]
    public static async Task<IResult> Get(
        string? watchlistIds, string? bucket, DateTimeOffset? from, DateTimeOffset? to, string? tz, string? lang, string? source,
        IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var ids = Ids(watchlistIds, errors);
        var window = TimelineWindow.Of(bucket, tz, from, to, clock.GetUtcNow(), errors);
        if (ids is null || window is null) return Problems.Invalid(errors);
        var watchlists = (await session.LoadManyAsync<Watchlist>(ct, ids)).ToDictionary(w => w.Id);
        var missing = ids.Where(i => !watchlists.ContainsKey(i)).ToList();
        if (missing.Count > 0) return Problems.NotFound("Watchlist", missing[0]);

        var (l, s) = (TimelineReader.Lang(lang), TimelineReader.Source(source));
        var counts = await TimelineReader.ReadAsync(session, ids, l, s, window, ct);
        return Results.Ok(new TimelinesResponse(window.BucketName, window.Zone.Id, window.From, window.To, l, s, GetTimelineEndpoint.CountedBy,
            window.Buckets.Select(b => new BucketSpan(b.Start, b.End)).ToList(),
            ids.Select(i => new TimelineSeries(i, watchlists[i].Name, counts[i].Articles, counts[i].Alerts, counts[i].ByIngestTime, counts[i].Totals)).ToList()));
    }

    /// <summary>The ids in the order given, each once; null with the reason in <paramref name="errors"/>.</summary>
    private static List<Guid>? Ids(string? given, ValidationErrors errors)
    {
        var parts = (given ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var ids = new List<Guid>();
        foreach (var part in parts)
        {
            if (!Guid.TryParse(part, out var id) || id == Guid.Empty)
            {
                errors.Add("watchlistIds", "watchlistIds are watchlist ids, comma-separated.");
                return null;
            }
            if (!ids.Contains(id)) ids.Add(id);
        }
        if (ids.Count is 0 or > MaxWatchlists)
        {
            errors.Add("watchlistIds", $"watchlistIds lists 1 to {MaxWatchlists} watchlists.");
            return null;
        }
        return ids;
    }
}
