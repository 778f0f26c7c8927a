using JasperFx;

namespace MediaMonitor.Webhooks;

/// <param name="WatchlistIds">The watchlists whose alerts are wanted; null for all.</param>
/// <param name="IncludeBackfill">Whether alerts raised by backfills of past articles are wanted too.</param>
public sealed record SubscriptionCreated(
    Guid SubscriptionId, string Url, IReadOnlyList<Guid>? WatchlistIds, string? Description, DateTimeOffset At, bool IncludeBackfill = true);
public sealed record SubscriptionFiltersChanged(Guid SubscriptionId, IReadOnlyList<Guid>? WatchlistIds, DateTimeOffset At, bool IncludeBackfill = true);
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

    public Subscription Copy() => (Subscription)MemberwiseClone();

    public static Subscription Create(SubscriptionCreated e) => new()
    {
        Id = e.SubscriptionId, Url = e.Url, WatchlistIds = e.WatchlistIds, IncludeBackfill = e.IncludeBackfill, Description = e.Description,
        State = SubscriptionState.Active, CreatedAt = e.At, UpdatedAt = e.At,
    };

    public void Apply(SubscriptionFiltersChanged e) { WatchlistIds = e.WatchlistIds; IncludeBackfill = e.IncludeBackfill; UpdatedAt = e.At; }
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
