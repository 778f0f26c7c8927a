using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine.Http;
using Wolverine.Marten;

namespace MediaMonitor.Webhooks;

/// <param name="WatchlistIds">Only these watchlists' alerts; left out (null), every watchlist's.</param>
/// <param name="IncludeBackfill">Alerts raised by backfills too (the default); false for live alerts only.</param>
/// <param name="Types">The webhook types wanted: "alert.raised" (the default, alone) and/or "watchlist.spike".</param>
/// <param name="Delivery">"every" alert (the default) or "first-per-story": an alert repeating a story already notified is passed by.</param>
public sealed record CreateSubscription(
    string? Url, IReadOnlyList<Guid>? WatchlistIds, string? Description, bool? IncludeBackfill = null, IReadOnlyList<string?>? Types = null,
    string? Delivery = null);

/// <summary>The command as checked (the URL resolved and judged, the watchlists looked up): what to keep, or what is wrong.</summary>
public sealed record CheckedSubscription(
    Uri? Url, string? Description, IReadOnlyList<Guid>? WatchlistIds, ValidationErrors Errors, IReadOnlyList<string>? Types = null,
    SubscriptionDelivery? Delivery = null);

public static class CreateSubscriptionEndpoint
{
    public static async Task<CheckedSubscription> LoadAsync(
        CreateSubscription command, IDocumentSession session, IOptionsMonitor<OutboundOptions> options, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var url = await OutboundTargets.CheckAsync("url", command.Url, options.CurrentValue, errors, ct);
        var description = SubscriptionInput.CheckDescription(command.Description, errors);
        var watchlists = await SubscriptionInput.CheckWatchlistsAsync(command.WatchlistIds, session, errors, ct);
        var types = SubscriptionInput.CheckTypes(command.Types, errors);
        var delivery = SubscriptionInput.CheckDelivery(command.Delivery, errors);
        return new CheckedSubscription(url, description, watchlists, errors, types, delivery);
    }

    public static ProblemDetails Validate(CheckedSubscription subscription) =>
        subscription.Errors.Any ? Problems.InvalidDetails(subscription.Errors) : WolverineContinue.NoProblems;

    /// <summary>The command has passed <see cref="Validate"/>.</summary>
    public static SubscriptionCreated Decide(CreateSubscription command, CheckedSubscription subscription, Guid id, DateTimeOffset now) =>
        new(id, subscription.Url!.AbsoluteUri, subscription.WatchlistIds, subscription.Description, now, command.IncludeBackfill ?? true,
            subscription.Types ?? [WebhookPayload.AlertRaisedType], subscription.Delivery ?? SubscriptionDelivery.Every);

    /// <summary>Subscribes a URL to alerts. The answer carries the signing secret, which is never shown again.</summary>
    [WolverinePost("/api/subscriptions"), Authorize(Policy = Scopes.Admin), Tags("Webhooks")]
    [ProducesResponseType<SubscriptionWithSecret>(201), ProducesResponseType<ValidationProblemDetails>(422)]
    public static (IResult, IStartStream, IMartenOp) Post(CreateSubscription command, CheckedSubscription checkedSubscription, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var created = Decide(command, checkedSubscription, Guid.CreateVersion7(now), now);
        var secret = WebhookSignature.NewSecret();
        // The answer is the new stream's first state: the creation event folded, at version 1.
        var subscription = Subscription.Create(created);
        subscription.Version = 1;
        return (Results.Created($"/api/subscriptions/{created.SubscriptionId}", new SubscriptionWithSecret(secret, SubscriptionResponse.From(subscription, null))),
            MartenOps.StartStream<Subscription>(created.SubscriptionId, created),
            MartenOps.Store(new SubscriptionSecrets { Id = created.SubscriptionId, Current = secret }));
    }
}
