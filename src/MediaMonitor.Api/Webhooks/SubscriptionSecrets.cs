namespace MediaMonitor.Webhooks;

/// <summary>
/// A subscription's signing secrets. A document beside the stream, not an event: a secret must be readable to sign,
/// and should not stay in an append-only log (exports, history) for ever. Rotation replaces it here and records the
/// fact, without the secret, as <see cref="SubscriptionSecretRotated"/>.
/// </summary>
public sealed class SubscriptionSecrets
{
    public Guid Id { get; set; }
    public string Current { get; set; } = "";
    public string? Previous { get; set; }
    public DateTimeOffset? PreviousExpiresAt { get; set; }

    /// <summary>The secrets that sign a message sent at <paramref name="now"/>: the current one, and the previous one
    /// while it is still honoured.</summary>
    public IEnumerable<string> SigningAt(DateTimeOffset now)
    {
        yield return Current;
        if (Previous is not null && PreviousExpiresAt > now) yield return Previous;
    }

    public void Rotate(string secret, DateTimeOffset previousExpiresAt)
    {
        Previous = Current;
        PreviousExpiresAt = previousExpiresAt;
        Current = secret;
    }
}
