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
/// <param name="Types">The webhook types wanted ("alert.raised", "watchlist.spike"); left out, as they were.</param>
/// <param name="Delivery">"every" or "first-per-story"; left out, as it was.</param>
public sealed record ChangeSubscriptionFilters(
    IReadOnlyList<Guid>? WatchlistIds, bool? IncludeBackfill = null, IReadOnlyList<string?>? Types = null, string? Delivery = null);

/// <summary>The filters as checked (the watchlists looked up): what to keep, or what is wrong.</summary>
public sealed record CheckedWatchlistFilter(
    IReadOnlyList<Guid>? WatchlistIds, ValidationErrors Errors, IReadOnlyList<string>? Types = null, SubscriptionDelivery? Delivery = null);

public static class ChangeSubscriptionFiltersEndpoint
{
    public static async Task<CheckedWatchlistFilter> LoadAsync(ChangeSubscriptionFilters command, IDocumentSession session, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var watchlists = await SubscriptionInput.CheckWatchlistsAsync(command.WatchlistIds, session, errors, ct);
        return new CheckedWatchlistFilter(watchlists, errors, SubscriptionInput.CheckTypes(command.Types, errors),
            SubscriptionInput.CheckDelivery(command.Delivery, errors));
    }

    public static ProblemDetails Validate(CheckedWatchlistFilter filter, Subscription subscription) =>
        filter.Errors.Any ? Problems.InvalidDetails(filter.Errors) : SubscriptionInput.RefuseDeleted(subscription) ?? WolverineContinue.NoProblems;

    public static Events Decide(
        Subscription s, IReadOnlyList<Guid>? watchlistIds, DateTimeOffset now, bool? includeBackfill = null, IReadOnlyList<string>? types = null,
        SubscriptionDelivery? delivery = null)
    {
        var backfill = includeBackfill ?? s.IncludeBackfill;
        var wanted = types ?? s.Types;
        var how = delivery ?? s.Delivery;
        var same = (watchlistIds is null ? s.WatchlistIds is null : s.WatchlistIds is not null && s.WatchlistIds.ToHashSet().SetEquals(watchlistIds))
                   && backfill == s.IncludeBackfill && wanted.ToHashSet().SetEquals(s.Types) && how == s.Delivery;
        return same ? [] : [new SubscriptionFiltersChanged(s.Id, watchlistIds, now, backfill, wanted, how)];
    }

    /// <summary>Which watchlists' alerts (and spikes) the subscription gets from now on, of which types, and how often per story.</summary>
    [WolverinePut("/api/subscriptions/{id}/filters"), Authorize(Policy = Scopes.Admin), Tags("Webhooks")]
    [ProducesResponseType<Subscription>(200), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409),
     ProducesResponseType<ValidationProblemDetails>(422)]
    public static (UpdatedAggregate, Events) Put(ChangeSubscriptionFilters command, CheckedWatchlistFilter filter,
        [WriteAggregate(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = SubscriptionInput.Missing)] Subscription subscription, TimeProvider clock) =>
        (new UpdatedAggregate(), Decide(subscription, filter.WatchlistIds, clock.GetUtcNow(), command.IncludeBackfill, filter.Types, filter.Delivery));
}
