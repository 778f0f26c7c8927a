namespace MediaMonitor.Webhooks;

/// <summary>A subscription as the API shows it: never its secret (that is shown once, when made or rotated).</summary>
public sealed record SubscriptionResponse(
    Guid Id, string Url, IReadOnlyList<Guid>? WatchlistIds, bool IncludeBackfill, string? Description, SubscriptionState State, string? DisabledReason,
    int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? SecretRotatedAt,
    DateTimeOffset? PreviousSecretExpiresAt, SubscriptionHealthResponse Health, IReadOnlyList<string> Types, string Delivery)
{
    public static SubscriptionResponse From(Subscription s, SubscriptionHealth? h) => new(
        s.Id, s.Url, s.WatchlistIds, s.IncludeBackfill, s.Description, s.State, s.DisabledReason, s.Version, s.CreatedAt, s.UpdatedAt,
        s.SecretRotatedAt, s.PreviousSecretExpiresAt,
        new SubscriptionHealthResponse(h?.Delivered ?? 0, h?.FailedAttempts ?? 0, h?.ConsecutiveFailures ?? 0, h?.LastAttemptAt,
            h?.LastSuccessAt, h?.FailingSince),
        s.Types, SubscriptionInput.Name(s.Delivery));
}

public sealed record SubscriptionHealthResponse(
    int Delivered, int FailedAttempts, int ConsecutiveFailures, DateTimeOffset? LastAttemptAt, DateTimeOffset? LastSuccessAt,
    DateTimeOffset? FailingSince);

/// <summary>The answer that carries a secret: to creation and to rotation, and nowhere else.</summary>
public sealed record SubscriptionWithSecret(string Secret, SubscriptionResponse Subscription);
