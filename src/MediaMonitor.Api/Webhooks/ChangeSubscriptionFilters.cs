using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace MediaMonitor.Webhooks;

/// <param name="WatchlistIds">Only these watchlists' alerts; null, every watchlist's.</param>
/// <param name="IncludeBackfill">Alerts raised by backfills too; left out, as it was.</param>
public sealed record ChangeSubscriptionFilters(IReadOnlyList<Guid>? WatchlistIds, bool? IncludeBackfill = null);

/// <summary>The watchlist filter as checked against the watchlists there are: the ids to keep, or what is wrong.</summary>
public sealed record CheckedWatchlistFilter(IReadOnlyList<Guid>? WatchlistIds, ValidationErrors Errors);

public static class ChangeSubscriptionFiltersEndpoint
{
    public static async Task<CheckedWatchlistFilter> LoadAsync(ChangeSubscriptionFilters command, IDocumentSession session, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        return new CheckedWatchlistFilter(await SubscriptionInput.CheckWatchlistsAsync(command.WatchlistIds, session, errors, ct), errors);
    }

    public static ProblemDetails Validate(CheckedWatchlistFilter filter, Subscription subscription) =>
        filter.Errors.Any ? Problems.InvalidDetails(filter.Errors) : SubscriptionInput.RefuseDeleted(subscription) ?? WolverineContinue.NoProblems;

    public static Events Decide(Subscription s, IReadOnlyList<Guid>? watchlistIds, DateTimeOffset now, bool? includeBackfill = null)
    {
        var backfill = includeBackfill ?? s.IncludeBackfill;
        var same = (watchlistIds is null ? s.WatchlistIds is null : s.WatchlistIds is not null && s.WatchlistIds.ToHashSet().SetEquals(watchlistIds))
                   && backfill == s.IncludeBackfill;
        return same ? [] : [new SubscriptionFiltersChanged(s.Id, watchlistIds, now, backfill)];
    }

    /// <summary>Which watchlists' alerts the subscription gets from now on.</summary>
    [WolverinePut("/api/subscriptions/{id}/filters"), Authorize(Policy = Scopes.Admin), Tags("Webhooks")]
    [ProducesResponseType<Subscription>(200), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409),
     ProducesResponseType<ValidationProblemDetails>(422)]
    public static (UpdatedAggregate, Events) Put(ChangeSubscriptionFilters command, CheckedWatchlistFilter filter,
        [WriteAggregate(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = SubscriptionInput.Missing)] Subscription subscription, TimeProvider clock) =>
        (new UpdatedAggregate(), Decide(subscription, filter.WatchlistIds, clock.GetUtcNow(), command.IncludeBackfill));
}
