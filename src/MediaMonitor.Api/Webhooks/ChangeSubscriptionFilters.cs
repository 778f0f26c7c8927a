using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace MediaMonitor.Webhooks;

/// <param name="WatchlistIds">Only these watchlists' alerts; null, every watchlist's.</param>
/// <param name="IncludeBackfill">Alerts raised by backfills too; left out, as it was.</param>
public sealed record ChangeSubscriptionFilters(IReadOnlyList<Guid>? WatchlistIds, bool? IncludeBackfill = null);

public static class ChangeSubscriptionFiltersEndpoint
{
    public static Decision Decide(Subscription s, IReadOnlyList<Guid>? watchlistIds, DateTimeOffset now, bool? includeBackfill = null)
    {
        if (s.State == SubscriptionState.Deleted) return ChangeSubscription.RefuseDeleted(s);
        var backfill = includeBackfill ?? s.IncludeBackfill;
        var same = (watchlistIds is null ? s.WatchlistIds is null : s.WatchlistIds is not null && s.WatchlistIds.ToHashSet().SetEquals(watchlistIds))
                   && backfill == s.IncludeBackfill;
        return same ? new Decision.NoChange() : new Decision.Append(new SubscriptionFiltersChanged(s.Id, watchlistIds, now, backfill));
    }

    /// <summary>Which watchlists' alerts the subscription gets from now on.</summary>
    [WolverinePut("/api/subscriptions/{id}/filters"), Authorize(Policy = Scopes.Admin), Tags("Webhooks")]
    [ProducesResponseType<SubscriptionResponse>(200), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409),
     ProducesResponseType<ValidationProblemDetails>(422)]
    public static async Task<IResult> Put(
        Guid id, ChangeSubscriptionFilters command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var watchlists = await SubscriptionInput.CheckWatchlistsAsync(command.WatchlistIds, session, errors, ct);
        if (errors.Any) return Problems.Invalid(errors);
        return (await ChangeSubscription.ApplyAsync(session, id, s => Decide(s, watchlists, clock.GetUtcNow(), command.IncludeBackfill), ct)).Result;
    }
}
