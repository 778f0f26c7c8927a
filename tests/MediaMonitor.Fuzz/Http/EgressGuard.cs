using System.Net;
using System.Text;
using System.Text.Json;

namespace MediaMonitor.Fuzz.Http;

/// <summary>
/// Keeps the service's webhooks on this machine. The fuzz host allows private networks (its receiver is on 127.0.0.1),
/// so it would accept a subscription to 10.0.0.1 or a public address and deliver to it; this workplace forbids any
/// traffic off the machine. Every subscription body is read here as the service would read it, and one that names a
/// URL whose host is not loopback (nor a name that cannot resolve) is sent only as a probe: filtered to the quiet
/// watchlist, so no alert reaches it, and deleted as soon as it is accepted.
/// </summary>
public static class EgressGuard
{
    /// <summary>The first string in the JSON body that is a URL leaving this machine, or null.</summary>
    public static string? LeavingUrl(byte[] body)
    {
        var bytes = body.AsSpan();
        if (bytes.StartsWith(Encoding.UTF8.GetPreamble())) bytes = bytes[3..];
        // The service refuses invalid UTF-8 before reading anything.
        if (!System.Text.Unicode.Utf8.IsValid(bytes)) return null;
        try
        {
            using var document = JsonDocument.Parse(bytes.ToArray(),
                new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
            return FirstLeaving(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? FirstLeaving(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                string? text;
                try
                {
                    text = e.GetString();
                }
                catch (InvalidOperationException)
                {
                    return null;
                }
                return text is not null && IsLeaving(text) ? text : null;
            case JsonValueKind.Array:
                return e.EnumerateArray().Select(FirstLeaving).FirstOrDefault(x => x is not null);
            case JsonValueKind.Object:
                return e.EnumerateObject().Select(p => FirstLeaving(p.Value)).FirstOrDefault(x => x is not null);
            default:
                return null;
        }
    }

    /// <summary>Whether the service, parsing <paramref name="url"/> as it does, could connect somewhere off this machine.</summary>
    public static bool IsLeaving(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) return false;
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) return false;
        string host;
        try
        {
            host = uri.IdnHost;
        }
        catch (UriFormatException)
        {
            return true;
        }
        if (IPAddress.TryParse(host, out var address))
        {
            if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
            return !(IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any));
        }
        host = host.TrimEnd('.').ToLowerInvariant();
        return !(host == "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal) || host.EndsWith(".invalid", StringComparison.Ordinal));
    }
}
