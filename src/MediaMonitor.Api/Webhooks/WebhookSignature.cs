using System.Security.Cryptography;
using System.Text;

namespace MediaMonitor.Webhooks;

/// <summary>
/// Secrets and signatures as the Standard Webhooks specification defines them (the scheme of Svix, and close to
/// Stripe's): the secret is <c>whsec_</c> and base64 bytes; a signature is <c>v1,</c> and the base64 HMAC-SHA256, keyed
/// by those bytes, of <c>{webhook-id}.{webhook-timestamp}.{body}</c>.
/// </summary>
public static class WebhookSignature
{
    public const string Prefix = "whsec_";
    public const int SecretBytes = 32;

    public static string NewSecret() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretBytes));

    public static byte[] KeyOf(string secret)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal)) throw new ArgumentException("Not a whsec_ secret.", nameof(secret));
        return Convert.FromBase64String(secret[Prefix.Length..]);
    }

    public static string Sign(string secret, string id, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{id}.{timestamp}.");
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(KeyOf(secret), content));
    }

    /// <summary>The <c>webhook-signature</c> header: one signature per secret, space-separated (two while a rotated
    /// secret is still honoured, so a receiver that has either one accepts the message).</summary>
    public static string Header(IEnumerable<string> secrets, string id, long timestamp, ReadOnlySpan<byte> body)
    {
        var signatures = new List<string>();
        foreach (var secret in secrets) signatures.Add(Sign(secret, id, timestamp, body));
        return string.Join(' ', signatures);
    }
}
