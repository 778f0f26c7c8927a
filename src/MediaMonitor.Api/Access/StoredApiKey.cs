namespace MediaMonitor.Access;

/// <summary>The hash of the admin key generated on a development machine's first start; the key itself is never stored.</summary>
public sealed class StoredApiKey
{
    public string Id { get; set; } = "";
    public string Hash { get; set; } = "";
    public string Scopes { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
