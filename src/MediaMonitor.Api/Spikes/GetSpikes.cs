using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace MediaMonitor.Spikes;

public static class GetSpikesEndpoints
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    /// <summary>
    /// The spikes, newest window first, of one watchlist or all, with their window ending in [<c>from</c>, <c>to</c>).
    /// Pages by cursor: pass <c>nextCursor</c> of one page as <c>cursor</c> to get the next.
    /// </summary>
    [WolverineGet("/api/spikes"), Authorize(Policy = Scopes.Read), Tags("Spikes")]
    [ProducesResponseType<CursorPage<SpikeView>>(200), ProducesResponseType<ProblemDetails>(400)]
    public static async Task<IResult> List(
        IQuerySession session, Guid? watchlistId, DateTimeOffset? from, DateTimeOffset? to, string? cursor, int? limit, CancellationToken ct)
    {
        if (limit is < 1 or > MaxLimit) return Problems.BadRequest("Invalid limit.", $"limit is between 1 and {MaxLimit}.");
        if (from is not null && to is not null && from >= to) return Problems.BadRequest("Invalid time range.", "from must be before to.");
        var query = session.Query<SpikeView>().AsQueryable();
        if (watchlistId is { } w) query = query.Where(x => x.WatchlistId == w);
        if (from is { } f) query = query.Where(x => x.WindowEnd >= f);
        if (to is { } t) query = query.Where(x => x.WindowEnd < t);
        var page = string.IsNullOrWhiteSpace(cursor) ? null : cursor;
        if (CursorBound.LeadingTime(page) is { } before) query = query.Where(x => x.WindowEnd <= before);
        return Results.Ok(await CursorPage<SpikeView>.ReadAsync(session, query.OrderByDescending(x => x.WindowEnd).ThenByDescending(x => x.Id), page, limit ?? DefaultLimit, ct));
    }

    [WolverineGet("/api/spikes/{id}"), Authorize(Policy = Scopes.Read), Tags("Spikes")]
    [ProducesResponseType<SpikeView>(200), ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<SpikeView>(id, ct) is { } spike ? Results.Ok(spike) : Problems.NotFound("Spike", id);
}
