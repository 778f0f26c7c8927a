using JasperFx;

namespace MediaMonitor.Webhooks;

/// <summary>How often a story notifies: at every alert, or at the first alert of each story only.</summary>
public enum SubscriptionDelivery { Every, FirstPerStory }

/// <param name="WatchlistIds">The watchlists whose alerts (and spikes) are wanted; null for all.</param>
/// <param name="IncludeBackfill">Whether alerts raised by backfills of past articles are wanted too.</param>
/// <param name="Types">The webhook types wanted (<see cref="WebhookPayload.AlertRaisedType"/>,
/// <see cref="WebhookPayload.WatchlistSpikeType"/>); null in events recorded before types were chosen: alerts only.</param>
public sealed record SubscriptionCreated(
    Guid SubscriptionId, string Url, IReadOnlyList<Guid>? WatchlistIds, string? Description, DateTimeOffset At, bool IncludeBackfill = true,
    IReadOnlyList<string>? Types = null, SubscriptionDelivery Delivery = SubscriptionDelivery.Every);
/// <param name="Types">The types now wanted; null (events recorded before types were chosen), unchanged.</param>
/// <param name="Delivery">Null (events recorded before it could be chosen), unchanged.</param>
public sealed record SubscriptionFiltersChanged(
    Guid SubscriptionId, IReadOnlyList<Guid>? WatchlistIds, DateTimeOffset At, bool IncludeBackfill = true,
    IReadOnlyList<string>? Types = null, SubscriptionDelivery? Delivery = null);
public sealed record SubscriptionPaused(Guid SubscriptionId, DateTimeOffset At);
public sealed record SubscriptionResumed(Guid SubscriptionId, DateTimeOffset At);
/// <summary>Disabled by the service, not the user: the endpoint answered 410, or kept failing too long.</summary>
public sealed record SubscriptionDisabled(Guid SubscriptionId, string Reason, DateTimeOffset At);
public sealed record SubscriptionDeleted(Guid SubscriptionId, DateTimeOffset At);
/// <summary>A new signing secret (the secret itself is not a fact worth keeping forever: it lives in
/// <see cref="SubscriptionSecrets"/>); the previous one still signs until <paramref name="PreviousSecretExpiresAt"/>.</summary>
public sealed record SubscriptionSecretRotated(Guid SubscriptionId, DateTimeOffset PreviousSecretExpiresAt, DateTimeOffset At);

/// <summary>Every alert of the range the subscription wants is to be sent again (<see cref="RunReplayHandler"/>).</summary>
public sealed record SubscriptionReplayStarted(Guid SubscriptionId, Guid ReplayId, DateTimeOffset From, DateTimeOffset To, int Alerts, DateTimeOffset At);

public enum SubscriptionState { Active, Paused, Disabled, Deleted }

/// <summary>The subscription stream folded into its current state, kept inline as a document.</summary>
public sealed partial class Subscription : IRevisioned
{
    public Guid Id { get; set; }
    public string Url { get; set; } = "";
    public IReadOnlyList<Guid>? WatchlistIds { get; set; }
    public bool IncludeBackfill { get; set; } = true;
    /// <summary>The webhook types it receives; alerts alone unless it chose.</summary>
    public IReadOnlyList<string> Types { get; set; } = [WebhookPayload.AlertRaisedType];
    public SubscriptionDelivery Delivery { get; set; }
    public string? Description { get; set; }
    public SubscriptionState State { get; set; }
    public string? DisabledReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SecretRotatedAt { get; set; }
    public DateTimeOffset? PreviousSecretExpiresAt { get; set; }
    /// <summary>When a replay of past alerts was last asked for.</summary>
    public DateTimeOffset? LastReplayAt { get; set; }
    public int Version { get; set; }

    /// <summary>Whether this subscription wants an alert of <paramref name="watchlistId"/>.</summary>
    public bool Wants(Guid watchlistId) => WatchlistIds is null || WatchlistIds.Contains(watchlistId);

    public bool Wants(Guid watchlistId, bool backfill) => Wants(watchlistId) && (IncludeBackfill || !backfill);

    /// <summary>Whether this subscription wants the alert: its type, its watchlist, backfilled or not, and, delivering the
    /// first per story, not a repeat within its story.</summary>
    public bool Wants(Alerts.AlertRaised alert) =>
        Types.Contains(WebhookPayload.AlertRaisedType) && Wants(alert.WatchlistId, alert.Backfill)
        && !(Delivery == SubscriptionDelivery.FirstPerStory && alert.RepeatInStory);

    /// <summary>Whether this subscription wants the spikes of <paramref name="watchlistId"/>.</summary>
    public bool WantsSpikeOf(Guid watchlistId) => Types.Contains(WebhookPayload.WatchlistSpikeType) && Wants(watchlistId);

    public Subscription Copy() => (Subscription)MemberwiseClone();

    public static Subscription Create(SubscriptionCreated e) => new()
    {
        Id = e.SubscriptionId, Url = e.Url, WatchlistIds = e.WatchlistIds, IncludeBackfill = e.IncludeBackfill, Description = e.Description,
        Types = e.Types ?? [WebhookPayload.AlertRaisedType], Delivery = e.Delivery,
        State = SubscriptionState.Active, CreatedAt = e.At, UpdatedAt = e.At,
    };

    public void Apply(SubscriptionFiltersChanged e)
    {
        WatchlistIds = e.WatchlistIds;
        IncludeBackfill = e.IncludeBackfill;
        Types = e.Types ?? Types;
        Delivery = e.Delivery ?? Delivery;
        UpdatedAt = e.At;
    }
    public void Apply(SubscriptionPaused e) { State = SubscriptionState.Paused; UpdatedAt = e.At; }
    public void Apply(SubscriptionResumed e) { State = SubscriptionState.Active; DisabledReason = null; UpdatedAt = e.At; }
    /// <summary>Deleted is final, even against a disabling decided by an attempt that was under way.</summary>
    public void Apply(SubscriptionDisabled e)
    {
        if (State == SubscriptionState.Deleted) return;
        State = SubscriptionState.Disabled;
        DisabledReason = e.Reason;
        UpdatedAt = e.At;
    }
    public void Apply(SubscriptionDeleted e) { State = SubscriptionState.Deleted; UpdatedAt = e.At; }
    public void Apply(SubscriptionReplayStarted e) { LastReplayAt = e.At; }

    public void Apply(SubscriptionSecretRotated e)
    {
        SecretRotatedAt = e.At;
        PreviousSecretExpiresAt = e.PreviousSecretExpiresAt;
        UpdatedAt = e.At;
    }
}
