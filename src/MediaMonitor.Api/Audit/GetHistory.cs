using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace MediaMonitor.Audit;

/// <summary>
/// A stream's events in order, each with its data and record: what happened to an article, a watchlist, an alert or
/// a subscription, from the log itself rather than from a projection of it.
/// </summary>
public static class GetHistoryEndpoints
{
    public static async Task<IResult> HistoryAsync(IQuerySession session, string what, Guid id, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        return events.Count == 0 ? Problems.NotFound(what, id) : Results.Ok(events.Select(EventRecord.From).ToList());
    }

    [WolverineGet("/api/articles/{id}/history"), Authorize(Policy = Scopes.Read), Tags("Audit")]
    [ProducesResponseType<IReadOnlyList<EventRecord>>(200), ProducesResponseType<ProblemDetails>(404)]
    public static Task<IResult> Article(Guid id, IQuerySession session, CancellationToken ct) => HistoryAsync(session, "Article", id, ct);

    [WolverineGet("/api/watchlists/{id}/history"), Authorize(Policy = Scopes.Read), Tags("Audit")]
    [ProducesResponseType<IReadOnlyList<EventRecord>>(200), ProducesResponseType<ProblemDetails>(404)]
    public static Task<IResult> Watchlist(Guid id, IQuerySession session, CancellationToken ct) => HistoryAsync(session, "Watchlist", id, ct);

    [WolverineGet("/api/alerts/{id}/history"), Authorize(Policy = Scopes.Read), Tags("Audit")]
    [ProducesResponseType<IReadOnlyList<EventRecord>>(200), ProducesResponseType<ProblemDetails>(404)]
    public static Task<IResult> Alert(Guid id, IQuerySession session, CancellationToken ct) => HistoryAsync(session, "Alert", id, ct);

    [WolverineGet("/api/subscriptions/{id}/history"), Authorize(Policy = Scopes.Admin), Tags("Audit")]
    [ProducesResponseType<IReadOnlyList<EventRecord>>(200), ProducesResponseType<ProblemDetails>(404)]
    public static Task<IResult> Subscription(Guid id, IQuerySession session, CancellationToken ct) => HistoryAsync(session, "Subscription", id, ct);
}
