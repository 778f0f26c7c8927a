using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace MediaMonitor.Webhooks;

/// <param name="WatchlistIds">Only these watchlists' alerts; left out (null), every watchlist's.</param>
/// <param name="IncludeBackfill">Alerts raised by backfills too (the default); false for live alerts only.</param>
public sealed record CreateSubscription(string? Url, IReadOnlyList<Guid>? WatchlistIds, string? Description, bool? IncludeBackfill = null);

public static class CreateSubscriptionEndpoint
{
    /// <summary>Subscribes a URL to alerts. The answer carries the signing secret, which is never shown again.</summary>
    [WolverinePost("/api/subscriptions"), Authorize(Policy = Scopes.Admin), Tags("Webhooks")]
    [ProducesResponseType<SubscriptionWithSecret>(201), ProducesResponseType<ValidationProblemDetails>(422)]
    public static async Task<IResult> Post(
        CreateSubscription command, IDocumentSession session, IOptionsMonitor<WebhookOptions> options, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var url = await SubscriptionInput.CheckUrlAsync(command.Url, options.CurrentValue, errors, ct);
        var description = SubscriptionInput.CheckDescription(command.Description, errors);
        var watchlists = await SubscriptionInput.CheckWatchlistsAsync(command.WatchlistIds, session, errors, ct);
        if (errors.Any) return Problems.Invalid(errors);

        var now = clock.GetUtcNow();
        var created = new SubscriptionCreated(Guid.CreateVersion7(now), url!.AbsoluteUri, watchlists, description, now, command.IncludeBackfill ?? true);
        var secret = WebhookSignature.NewSecret();
        session.Events.StartStream<Subscription>(created.SubscriptionId, created);
        session.Store(new SubscriptionSecrets { Id = created.SubscriptionId, Current = secret });

        var subscription = Subscription.Create(created);
        subscription.Version = 1;
        return Results.Created($"/api/subscriptions/{created.SubscriptionId}",
            new SubscriptionWithSecret(secret, SubscriptionResponse.From(subscription, null)));
    }
}
