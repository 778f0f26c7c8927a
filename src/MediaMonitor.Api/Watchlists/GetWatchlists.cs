using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace MediaMonitor.Watchlists;

public static class GetWatchlistsEndpoints
{
    /// <summary>All watchlists by name; archived ones only when asked for with <c>state=archived</c>.</summary>
    [WolverineGet("/api/watchlists"), Authorize(Policy = Scopes.Read), Tags("Watchlists")]
    [ProducesResponseType<IReadOnlyList<WatchlistResponse>>(200), ProducesResponseType<ProblemDetails>(400)]
    public static async Task<IResult> List(IQuerySession session, WatchlistState? state, CancellationToken ct)
    {
        // Enum parsing takes numbers and flag combinations ("7", "Archived,Paused"): only named states are states.
        if (state is { } named && !Enum.IsDefined(named))
        {
            return Problems.BadRequest("Invalid state.", $"state is one of: {string.Join(", ", Enum.GetNames<WatchlistState>())}.");
        }
        var query = session.Query<Watchlist>().AsQueryable();
        query = state is { } s ? query.Where(x => x.State == s) : query.Where(x => x.State != WatchlistState.Archived);
        var watchlists = await query.OrderBy(x => x.Name).ToListAsync(ct);
        var ids = watchlists.Select(w => w.Id).ToArray();
        var stats = (await session.LoadManyAsync<WatchlistMatchStats>(ct, ids)).ToDictionary(x => x.Id);
        return Results.Ok(watchlists.Select(w => WatchlistResponse.From(w, stats.GetValueOrDefault(w.Id))).ToList());
    }

    [WolverineGet("/api/watchlists/{id}"), Authorize(Policy = Scopes.Read), Tags("Watchlists")]
    [ProducesResponseType<WatchlistResponse>(200), ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken ct)
    {
        var watchlist = await session.LoadAsync<Watchlist>(id, ct);
        if (watchlist is null) return Problems.NotFound("Watchlist", id);
        return Results.Ok(WatchlistResponse.From(watchlist, await session.LoadAsync<WatchlistMatchStats>(id, ct)));
    }
}
