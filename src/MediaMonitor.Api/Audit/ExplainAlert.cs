using JasperFx.Events;
using MediaMonitor.Access;
using MediaMonitor.Alerts;
using MediaMonitor.Infrastructure;
using MediaMonitor.Ingestion;
using MediaMonitor.Watchlists;
using MediaMonitor.Webhooks;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace MediaMonitor.Audit;

/// <summary>Why an alert was raised: the article, the watchlist exactly as it was at the deciding version, the hits,
/// and every event from the article's ingestion to the last webhook attempt, in log order.</summary>
public sealed record AlertExplanation(
    AlertView Alert, ArticleView? Article, WatchlistResponse? Watchlist, IReadOnlyList<AlertHit> Hits,
    IReadOnlyList<Delivery> Deliveries, IReadOnlyList<EventRecord> Chain);

public static class ExplainAlertEndpoint
{
    [WolverineGet("/api/alerts/{id}/explain"), Authorize(Policy = Scopes.Read), Tags("Audit")]
    [ProducesResponseType<AlertExplanation>(200), ProducesResponseType<ProblemDetails>(404)]
    /// <remarks>Deliveries (endpoints' errors and answers) are shown to admin keys only, as everywhere else.</remarks>
    public static async Task<IResult> Get(Guid id, IQuerySession session, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
    {
        var alert = await session.LoadAsync<AlertView>(id, ct);
        if (alert is null) return Problems.NotFound("Alert", id);

        var article = await session.LoadAsync<ArticleView>(alert.ArticleId, ct);
        // The watchlist replayed up to the version the alert cites: the terms and rule that decided, not today's.
        var watchlist = await session.Events.AggregateStreamAsync<Watchlist>(alert.WatchlistId, alert.WatchlistVersion, token: ct);
        IReadOnlyList<Delivery> deliveries = user.HasClaim(Scopes.ClaimType, Scopes.Admin)
            ? await session.Query<Delivery>().Where(d => d.AlertId == id).OrderBy(d => d.CreatedAt).ToListAsync(ct)
            : [];

        // Only the events that led to this alert: the article's intake and the match that raised it (the same watchlist,
        // version, kind and instant), not another match of the watchlist recorded before one alert per pair held.
        var chain = new List<IEvent>();
        chain.AddRange((await session.Events.FetchStreamAsync(alert.ArticleId, token: ct))
            .Where(e => e.Data is ArticleIngested || (e.Data is ArticleMatched m && m.WatchlistId == alert.WatchlistId &&
                                                      m.WatchlistVersion == alert.WatchlistVersion && m.Backfill == alert.Backfill && m.MatchedAt == alert.RaisedAt)));
        chain.AddRange(await session.Events.FetchStreamAsync(id, token: ct));
        foreach (var delivery in deliveries) chain.AddRange(await session.Events.FetchStreamAsync(delivery.Id, token: ct));

        return Results.Ok(new AlertExplanation(alert, article, watchlist is null ? null : WatchlistResponse.From(watchlist, null),
            alert.Hits, deliveries, chain.OrderBy(e => e.Sequence).Select(EventRecord.From).ToList()));
    }
}
