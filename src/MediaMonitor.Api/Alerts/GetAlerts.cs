using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using Marten;
using Marten.AspNetCore;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace MediaMonitor.Alerts;

public static class GetAlertsEndpoint
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    /// <summary>
    /// The alert feed, newest first, filtered by watchlist, language, source and time raised
    /// (<c>from</c> inclusive, <c>to</c> exclusive). Pages by cursor: pass <c>nextCursor</c> of one page as
    /// <c>cursor</c> to get the next; each page costs the same however deep.
    /// </summary>
    [WolverineGet("/api/alerts"), Authorize(Policy = Scopes.Read), Tags("Alerts")]
    [ProducesResponseType<CursorPagedResult<AlertView>>(200), ProducesResponseType<ProblemDetails>(400)]
    public static IResult Get(
        IQuerySession session, Guid? watchlistId, string? lang, string? source, DateTimeOffset? from, DateTimeOffset? to,
        string? cursor, int? limit)
    {
        if (limit is < 1 or > MaxLimit) return Problems.BadRequest("Invalid limit.", $"limit is between 1 and {MaxLimit}.");
        if (from is not null && to is not null && from >= to) return Problems.BadRequest("Invalid time range.", "from must be before to.");

        var query = session.Query<AlertView>().AsQueryable();
        if (watchlistId is { } w) query = query.Where(x => x.WatchlistId == w);
        if (!string.IsNullOrWhiteSpace(lang)) { var l = lang.Trim().ToLowerInvariant(); query = query.Where(x => x.Lang == l); }
        if (!string.IsNullOrWhiteSpace(source)) { var s = source.Trim(); query = query.Where(x => x.Source == s); }
        if (from is { } f) query = query.Where(x => x.RaisedAt >= f);
        if (to is { } t) query = query.Where(x => x.RaisedAt < t);

        var ordered = query.OrderByDescending(x => x.RaisedAt).ThenByDescending(x => x.Id);
        return new StreamPagedByCursor<AlertView>(ordered, string.IsNullOrWhiteSpace(cursor) ? null : cursor, limit ?? DefaultLimit);
    }
}
