using System.Security.Cryptography;
using System.Text;

namespace MediaMonitor.Access;

/// <summary>One key as configured: <c>MediaMonitor:ApiKeys:0:Name</c>, <c>:Key</c>, <c>:Scopes</c>.</summary>
public sealed class ApiKeyConfig
{
    public string? Name { get; set; }
    public string? Key { get; set; }
    public string? Scopes { get; set; }
}

public sealed record KnownKey(string Name, byte[] Hash, IReadOnlySet<string> Scopes);

/// <summary>
/// The keys this node accepts, held only as SHA-256 hashes. A presented key is hashed and compared with
/// every known hash in constant time, so neither the key nor which entry matched leaks through timing.
/// </summary>
public sealed class ApiKeys
{
    public const int MinimumKeyLength = 16;
    private volatile KnownKey[] _keys = [];

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>A new random key: 32 bytes, base64url, with a prefix that secret scanners can recognise.</summary>
    public static string Generate() => "mm_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public void Add(KnownKey key) => _keys = [.. _keys, key];

    public static IReadOnlyList<KnownKey> FromConfiguration(IEnumerable<ApiKeyConfig> configured)
    {
        var keys = new List<KnownKey>();
        var i = 0;
        foreach (var c in configured)
        {
            var where = $"MediaMonitor:ApiKeys:{i++}";
            if (string.IsNullOrWhiteSpace(c.Name)) throw new InvalidOperationException($"{where}:Name is required.");
            if (c.Key is null || c.Key.Length < MinimumKeyLength)
                throw new InvalidOperationException($"{where}:Key of '{c.Name}' must have at least {MinimumKeyLength} characters.");
            var scopes = Scopes.Parse(c.Scopes) ?? throw new InvalidOperationException(
                $"{where}:Scopes of '{c.Name}' must name one or more of {string.Join(", ", Scopes.All)} (got '{c.Scopes}').");
            keys.Add(new KnownKey(c.Name.Trim(), Hash(c.Key), scopes));
        }
        return keys;
    }

    public KnownKey? Find(string presented)
    {
        var hash = Hash(presented);
        KnownKey? found = null;
        foreach (var key in _keys)
        {
            // No early exit: every key is compared whatever the outcome.
            if (CryptographicOperations.FixedTimeEquals(hash, key.Hash)) found = key;
        }
        return found;
    }
}
