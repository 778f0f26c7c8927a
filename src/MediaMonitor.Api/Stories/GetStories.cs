using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace MediaMonitor.Stories;

public static class GetStoriesEndpoint
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    /// <summary>
    /// The story-level feed: each story once, latest first, with its size, sources and watchlists; filtered by a
    /// watchlist its articles matched, language, a minimum size (2 for reprinted stories only) and a time range the
    /// story overlaps (<c>from</c> inclusive, <c>to</c> exclusive, on the articles' own times). Pages by cursor, as the
    /// alert feed does.
    /// </summary>
    [WolverineGet("/api/stories"), Authorize(Policy = Scopes.Read), Tags("Stories")]
    [ProducesResponseType<CursorPage<StoryView>>(200), ProducesResponseType<ProblemDetails>(400)]
    public static async Task<IResult> Get(
        IQuerySession session, Guid? watchlistId, string? lang, int? minSize, DateTimeOffset? from, DateTimeOffset? to,
        string? cursor, int? limit, CancellationToken ct)
    {
        if (limit is < 1 or > MaxLimit) return Problems.BadRequest("Invalid limit.", $"limit is between 1 and {MaxLimit}.");
        if (minSize is < 1) return Problems.BadRequest("Invalid minSize.", "minSize is at least 1.");
        if (from is not null && to is not null && from >= to) return Problems.BadRequest("Invalid time range.", "from must be before to.");

        var query = session.Query<StoryView>().AsQueryable();
        if (watchlistId is { } w) query = query.Where(x => x.WatchlistIds.Contains(w));
        if (!string.IsNullOrWhiteSpace(lang)) { var l = lang.Trim().ToLowerInvariant(); query = query.Where(x => x.Lang == l); }
        if (minSize is { } size) query = query.Where(x => x.Size >= size);
        if (from is { } f) query = query.Where(x => x.LatestAt >= f);
        if (to is { } t) query = query.Where(x => x.FirstAt < t);
        var page = string.IsNullOrWhiteSpace(cursor) ? null : cursor;
        if (CursorBound.LeadingTime(page) is { } before) query = query.Where(x => x.LatestAt <= before);
        var ordered = query.OrderByDescending(x => x.LatestAt).ThenByDescending(x => x.Id);
        return Results.Ok(await CursorPage<StoryView>.ReadAsync(session, ordered, page, limit ?? DefaultLimit, ct));
    }
}
