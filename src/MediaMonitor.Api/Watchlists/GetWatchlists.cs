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

    /// <summary>
    /// The watchlist now; or as it stood at a time (<c>asOf</c>: the last version committed at or before it) or at a
    /// version (<c>version</c>), folded from its events. A past state carries no match counts (they are today's).
    /// </summary>
    [WolverineGet("/api/watchlists/{id}"), Authorize(Policy = Scopes.Read), Tags("Watchlists")]
    [ProducesResponseType<WatchlistResponse>(200), ProducesResponseType<ProblemDetails>(400), ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, DateTimeOffset? asOf, int? version, CancellationToken ct)
    {
        if (asOf is not null && version is not null) return Problems.BadRequest("Ambiguous request.", "Give asOf or version, not both.");
        if (version is < 1) return Problems.BadRequest("Invalid version.", "Versions start at 1.");
        if (asOf is null && version is null)
        {
            var watchlist = await session.LoadAsync<Watchlist>(id, ct);
            if (watchlist is null) return Problems.NotFound("Watchlist", id);
            return Results.Ok(WatchlistResponse.From(watchlist, await session.LoadAsync<WatchlistMatchStats>(id, ct)));
        }

        var past = await session.Events.AggregateStreamAsync<Watchlist>(id, version ?? 0, asOf, token: ct);
        if (past is null || (version is { } v && past.Version < v))
        {
            return Results.Problem(statusCode: 404, title: "Watchlist not found then.",
                detail: version is { } n ? $"Watchlist {id} has no version {n}." : $"Watchlist {id} did not exist at {asOf:O}.");
        }
        return Results.Ok(WatchlistResponse.From(past, null));
    }
}
