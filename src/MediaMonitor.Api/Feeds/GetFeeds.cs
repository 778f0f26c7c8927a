using MediaMonitor.Access;
using MediaMonitor.Audit;
using MediaMonitor.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace MediaMonitor.Feeds;

public static class GetFeedsEndpoints
{
    /// <summary>All feeds, oldest first; deleted ones only when asked for with <c>state=Deleted</c>.</summary>
    [WolverineGet("/api/feeds"), Authorize(Policy = Scopes.Admin), Tags("Feeds")]
    [ProducesResponseType<IReadOnlyList<FeedResponse>>(200), ProducesResponseType<ProblemDetails>(400)]
    public static async Task<IResult> List(IQuerySession session, FeedState? state, CancellationToken ct)
    {
        if (state is { } named && !Enum.IsDefined(named))
        {
            return Problems.BadRequest("Invalid state.", $"state is one of: {string.Join(", ", Enum.GetNames<FeedState>())}.");
        }
        var query = session.Query<Feed>().AsQueryable();
        query = state is { } s ? query.Where(x => x.State == s) : query.Where(x => x.State != FeedState.Deleted);
        var feeds = await query.OrderBy(x => x.CreatedAt).ThenBy(x => x.Id).ToListAsync(ct);
        var checks = (await session.LoadManyAsync<FeedCheck>(ct, feeds.Select(x => x.Id).ToArray())).ToDictionary(x => x.Id);
        return Results.Ok(feeds.Select(x => FeedResponse.From(x, checks.GetValueOrDefault(x.Id))).ToList());
    }

    [WolverineGet("/api/feeds/{id}"), Authorize(Policy = Scopes.Admin), Tags("Feeds")]
    [ProducesResponseType<FeedResponse>(200), ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken ct)
    {
        var feed = await session.LoadAsync<Feed>(id, ct);
        if (feed is null) return Problems.NotFound("Feed", id);
        return Results.Ok(FeedResponse.From(feed, await session.LoadAsync<FeedCheck>(id, ct)));
    }

    /// <summary>The feed's events: added, every poll that found something or failed, moves, pauses.</summary>
    [WolverineGet("/api/feeds/{id}/history"), Authorize(Policy = Scopes.Admin), Tags("Feeds")]
    [ProducesResponseType<IReadOnlyList<EventRecord>>(200), ProducesResponseType<ProblemDetails>(404)]
    public static Task<IResult> History(Guid id, IQuerySession session, CancellationToken ct) =>
        GetHistoryEndpoints.HistoryAsync<Feed>(session, "Feed", id, ct);
}
