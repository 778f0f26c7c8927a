using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace MediaMonitor.Alerts;

public static class GetAlertsEndpoint
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    /// <summary>
    /// The alert feed, newest first, filtered by watchlist, language, source, state and time raised
    /// (<c>from</c> inclusive, <c>to</c> exclusive). Pages by cursor: pass <c>nextCursor</c> of one page as
    /// <c>cursor</c> to get the next; each page costs the same however deep.
    /// <para>
    /// With <c>asOf</c>, the feed as it stood at that instant: only alerts raised at or before it, each as it was
    /// then (its state, state change time, note and history counting only the changes made at or before it, so an
    /// alert dismissed later shows Open), and <c>state</c> filters on that past state. A change counts from the
    /// instant it was recorded; instants compare to the microsecond, as PostgreSQL keeps them. Its cursors belong to
    /// as-of feeds only: page with the same <c>asOf</c>.
    /// </para>
    /// </summary>
    [WolverineGet("/api/alerts"), Authorize(Policy = Scopes.Read), Tags("Alerts")]
    [ProducesResponseType<CursorPage<AlertView>>(200), ProducesResponseType<ProblemDetails>(400)]
    public static async Task<IResult> Get(
        IQuerySession session, Guid? watchlistId, string? lang, string? source, string? state, DateTimeOffset? from,
        DateTimeOffset? to, DateTimeOffset? asOf, string? cursor, int? limit, CancellationToken ct)
    {
        if (limit is < 1 or > MaxLimit) return Problems.BadRequest("Invalid limit.", $"limit is between 1 and {MaxLimit}.");
        if (from is not null && to is not null && from >= to) return Problems.BadRequest("Invalid time range.", "from must be before to.");
        var wanted = string.IsNullOrWhiteSpace(state) ? null : Named(state);
        if (wanted is null && !string.IsNullOrWhiteSpace(state))
        {
            return Problems.BadRequest("Invalid state.", $"state is one of: {string.Join(", ", Enum.GetNames<AlertState>())}.");
        }

        var query = session.Query<AlertView>().AsQueryable();
        if (watchlistId is { } w) query = query.Where(x => x.WatchlistId == w);
        if (!string.IsNullOrWhiteSpace(lang)) { var l = lang.Trim().ToLowerInvariant(); query = query.Where(x => x.Lang == l); }
        if (!string.IsNullOrWhiteSpace(source)) { var s = source.Trim(); query = query.Where(x => x.Source == s); }
        if (from is { } f) query = query.Where(x => x.RaisedAt >= f);
        if (to is { } t) query = query.Where(x => x.RaisedAt < t);
        var page = string.IsNullOrWhiteSpace(cursor) ? null : cursor;

        if (asOf is { } instant) return await AlertFeedAsOf.PageAsync(session, query, instant, wanted, page, limit ?? DefaultLimit, ct);

        if (wanted is { } current) query = query.Where(x => x.State == current);
        if (CursorBound.LeadingTime(page) is { } before) query = query.Where(x => x.RaisedAt <= before);
        var ordered = query.OrderByDescending(x => x.RaisedAt).ThenByDescending(x => x.Id);
        return Results.Ok(await CursorPage<AlertView>.ReadAsync(session, ordered, page, limit ?? DefaultLimit, ct));
    }

    // Enum parsing takes numbers and flag combinations ("7", "Open,Dismissed" is Dismissed, Open being 0), which
    // Enum.IsDefined lets through: only a state's own name is a state.
    private static AlertState? Named(string state) =>
        Enum.TryParse<AlertState>(state, ignoreCase: true, out var parsed)
        && string.Equals(Enum.GetName(parsed), state.Trim(), StringComparison.OrdinalIgnoreCase)
            ? parsed
            : null;
}
