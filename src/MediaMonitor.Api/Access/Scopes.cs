namespace MediaMonitor.Access;

/// <summary>What an API key may do; each is also the name of the authorization policy that requires it.</summary>
public static class Scopes
{
    public const string Read = "read";
    public const string Ingest = "ingest";
    public const string Admin = "admin";
    public const string ClaimType = "scope";
    public static readonly string[] All = [Read, Ingest, Admin];

    /// <summary>Parses "admin" or "read, ingest"; admin implies the others. Null when a scope is unknown.</summary>
    public static IReadOnlySet<string>? Parse(string? scopes)
    {
        var parsed = (scopes ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.ToLowerInvariant()).ToHashSet();
        if (parsed.Count == 0 || parsed.Any(s => !All.Contains(s))) return null;
        return parsed.Contains(Admin) ? All.ToHashSet() : parsed;
    }
}
