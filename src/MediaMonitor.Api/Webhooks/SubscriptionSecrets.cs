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

    /// <summary>Secrets replaced by a rotation, each signing until its expiry (a second rotation within a day does not
    /// cut the first one's overlap short).</summary>
    public List<PreviousSecret> Previous { get; set; } = [];

    /// <summary>The secrets that sign a message sent at <paramref name="now"/>: the current one, and those replaced
    /// less than a day before.</summary>
    public IEnumerable<string> SigningAt(DateTimeOffset now) =>
        Previous.Where(p => p.ExpiresAt > now).Select(p => p.Secret).Prepend(Current);

    public void Rotate(string secret, DateTimeOffset now, DateTimeOffset previousExpiresAt)
    {
        Previous.RemoveAll(p => p.ExpiresAt <= now);
        Previous.Add(new PreviousSecret(Current, previousExpiresAt));
        Current = secret;
    }
}

public sealed record PreviousSecret(string Secret, DateTimeOffset ExpiresAt);
