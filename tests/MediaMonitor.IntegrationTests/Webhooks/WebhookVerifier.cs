using System.Security.Cryptography;
using System.Text;

namespace MediaMonitor.IntegrationTests.Webhooks;

/// <summary>
/// What a subscriber writes to check a webhook (the README shows the same code): recompute the HMAC of
/// <c>{webhook-id}.{webhook-timestamp}.{body}</c> with the secret and compare it, in constant time, with each
/// signature in the header; refuse stale timestamps, against replayed captures.
/// </summary>
public static class WebhookVerifier
{
    public static bool Verify(string secret, string id, string timestamp, string signatureHeader, byte[] body, DateTimeOffset now)
    {
        if (!long.TryParse(timestamp, out var seconds)) return false;
        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > 5 * 60) return false;

        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(body).ToArray();
        var expected = Convert.ToBase64String(HMACSHA256.HashData(key, signed));
        foreach (var signature in signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = signature.Split(',', 2);
            if (parts is ["v1", var value] &&
                CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(value), Encoding.ASCII.GetBytes(expected)))
                return true;
        }
        return false;
    }

    public static bool Verify(string secret, TestReceiver.Received received) => Verify(secret, received.Header("webhook-id"),
        received.Header("webhook-timestamp"), received.Header("webhook-signature"), received.Body, DateTimeOffset.UtcNow);
}
