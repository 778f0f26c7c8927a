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
    /// <summary>The stream's events if it is a stream of <typeparamref name="TAggregate"/>: an id of another kind of
    /// stream (a subscription's through the article endpoint, say) is not found, not shown under a weaker scope.</summary>
    public static async Task<IResult> HistoryAsync<TAggregate>(IQuerySession session, string what, Guid id, CancellationToken ct)
    {
        var state = await session.Events.FetchStreamStateAsync(id, ct);
        if (state is null || state.AggregateType != typeof(TAggregate)) return Problems.NotFound(what, id);
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        return Results.Ok(events.Select(EventRecord.From).ToList());
    }

    [WolverineGet("/api/articles/{id}/history"), Authorize(Policy = Scopes.Read), Tags("Audit")]
    [ProducesResponseType<IReadOnlyList<EventRecord>>(200), ProducesResponseType<ProblemDetails>(404)]
    public static Task<IResult> Article(Guid id, IQuerySession session, CancellationToken ct) => HistoryAsync<Ingestion.ArticleView>(session, "Article", id, ct);

    [WolverineGet("/api/watchlists/{id}/history"), Authorize(Policy = Scopes.Read), Tags("Audit")]
    [ProducesResponseType<IReadOnlyList<EventRecord>>(200), ProducesResponseType<ProblemDetails>(404)]
    public static Task<IResult> Watchlist(Guid id, IQuerySession session, CancellationToken ct) => HistoryAsync<Watchlists.Watchlist>(session, "Watchlist", id, ct);

    [WolverineGet("/api/alerts/{id}/history"), Authorize(Policy = Scopes.Read), Tags("Audit")]
    [ProducesResponseType<IReadOnlyList<EventRecord>>(200), ProducesResponseType<ProblemDetails>(404)]
    public static Task<IResult> Alert(Guid id, IQuerySession session, CancellationToken ct) => HistoryAsync<Alerts.AlertView>(session, "Alert", id, ct);

    [WolverineGet("/api/subscriptions/{id}/history"), Authorize(Policy = Scopes.Admin), Tags("Audit")]
    [ProducesResponseType<IReadOnlyList<EventRecord>>(200), ProducesResponseType<ProblemDetails>(404)]
    public static Task<IResult> Subscription(Guid id, IQuerySession session, CancellationToken ct) => HistoryAsync<Webhooks.Subscription>(session, "Subscription", id, ct);
}
