using System.Net;
using System.Net.Sockets;

namespace MediaMonitor.Webhooks;

/// <summary>
/// Where webhooks may go. A subscriber chooses the URL, so without these checks anyone with the admin scope could
/// make this service call its own network (a database, the cloud metadata endpoint): server-side request forgery.
/// The URL is checked when a subscription is made, and every address is checked again when connecting, after DNS, so
/// a name that later resolves somewhere private is caught too.
/// </summary>
public static class WebhookTargets
{
    public const int MaxUrlLength = 2048;

    /// <summary>Cloud metadata and host agent endpoints outside the link-local ranges (which are refused whole).</summary>
    private static readonly IPAddress[] Metadata =
    [
        IPAddress.Parse("100.100.100.200"),   // Alibaba Cloud
        IPAddress.Parse("168.63.129.16"),     // Azure WireServer (a public address)
        IPAddress.Parse("192.0.0.192"),       // Oracle Cloud (legacy)
        IPAddress.Parse("fd00:ec2::254"),     // AWS over IPv6
        IPAddress.Parse("fd20:ce::254"),      // Google Cloud over IPv6
    ];

    /// <summary>Why a connection to <paramref name="address"/> is refused, or null when it is allowed.</summary>
    public static string? Refusal(IPAddress address, bool allowPrivateNetworks)
    {
        address = Unwrapped(address);
        var kind = Classify(address);
        // Link-local holds the metadata endpoints of most clouds (169.254.169.254, 169.254.170.2, ...): never a webhook.
        if (kind == "link-local" || Metadata.Any(m => m.Equals(address))) return "a cloud metadata or link-local endpoint";
        if (kind is null) return null;
        // Not addresses one can deliver to at all, private network or not.
        if (kind is "unspecified" or "multicast" or "broadcast" or "deprecated IPv4-compatible") return $"{kind} address";
        return allowPrivateNetworks ? null : $"a {kind} address";
    }

    /// <summary>The IPv4 address an IPv6 one carries and reaches (mapped, NAT64, 6to4), else the address itself.</summary>
    private static IPAddress Unwrapped(IPAddress a)
    {
        if (a.IsIPv4MappedToIPv6) return a.MapToIPv4();
        if (a.AddressFamily != AddressFamily.InterNetworkV6) return a;
        var v6 = a.GetAddressBytes();
        if (v6[0] == 0x00 && v6[1] == 0x64 && v6[2] == 0xff && v6[3] == 0x9b) return new IPAddress(v6.AsSpan(12, 4));
        if (v6[0] == 0x20 && v6[1] == 0x02) return new IPAddress(v6.AsSpan(2, 4));
        return a;
    }

    /// <summary>The kind of non-public address, or null for a public unicast one.</summary>
    private static string? Classify(IPAddress a)
    {
        if (a.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = a.GetAddressBytes();
            return (b[0], b[1]) switch
            {
                (0, _) => "unspecified",
                (127, _) => "loopback",
                (10, _) or (172, >= 16 and <= 31) or (192, 168) => "private",
                (100, >= 64 and <= 127) => "private",           // carrier-grade NAT
                (169, 254) => "link-local",
                (198, 18 or 19) => "reserved",                   // benchmarking
                (192, 0) when b[2] is 0 or 2 => "reserved",      // IETF protocol assignments, documentation
                (198, 51) when b[2] == 100 => "reserved",
                (203, 0) when b[2] == 113 => "reserved",
                (255, 255) when b[2] == 255 && b[3] == 255 => "broadcast",
                ( >= 224 and <= 239, _) => "multicast",
                ( >= 240, _) => "reserved",
                _ => null,
            };
        }
        if (a.AddressFamily != AddressFamily.InterNetworkV6) return "reserved";
        if (a.Equals(IPAddress.IPv6Any)) return "unspecified";
        if (a.Equals(IPAddress.IPv6Loopback)) return "loopback";
        if (a.IsIPv6Multicast) return "multicast";
        if (a.IsIPv6LinkLocal || a.IsIPv6SiteLocal) return "link-local";
        if (a.GetAddressBytes().AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0) return "deprecated IPv4-compatible";   // ::a.b.c.d
        if (a.IsIPv6UniqueLocal) return "private";
        var v6 = a.GetAddressBytes();
        // Teredo and the documentation prefix are refused outright (NAT64 and 6to4 were unwrapped before).
        if (v6[0] == 0x20 && v6[1] == 0x01 && v6[2] == 0x00 && v6[3] == 0x00) return "reserved";
        if (v6[0] == 0x20 && v6[1] == 0x01 && v6[2] == 0x0d && v6[3] == 0xb8) return "reserved";
        return null;
    }

    /// <summary>Checks a subscription URL's form (not where it resolves): the URI, or the reason it is refused.</summary>
    public static (Uri? Uri, string? Problem) CheckUrl(string? url, bool allowHttp)
    {
        if (string.IsNullOrWhiteSpace(url)) return (null, "url is required.");
        if (url.Length > MaxUrlLength) return (null, $"url is longer than {MaxUrlLength} characters.");
        // On Unix "/path" parses as an absolute file URI: not what anyone means by a webhook URL.
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.IsFile || uri.IsUnc) return (null, "url is not an absolute URL.");
        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && allowHttp))
            return (null, allowHttp ? "url must use http or https." : "url must use https.");
        if (!string.IsNullOrEmpty(uri.UserInfo)) return (null, "url must not carry a user name or password; authenticate with the signature.");
        if (!string.IsNullOrEmpty(uri.Fragment)) return (null, "url must not have a fragment.");
        if (string.IsNullOrEmpty(uri.IdnHost)) return (null, "url has no host.");
        if (uri.IdnHost.Length > 253) return (null, "url's host name is longer than 253 characters.");
        return (uri, null);
    }

    /// <summary>The addresses a host name stands for (itself, for an address literal).</summary>
    public static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
        IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);

    /// <summary>Where the URL's host resolves, checked: null when every address is allowed, else why not.</summary>
    public static async Task<string?> CheckResolvedAsync(Uri uri, bool allowPrivateNetworks, CancellationToken ct)
    {
        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(uri.IdnHost, ct);
        }
        catch (Exception e) when (e is SocketException or ArgumentException)
        {
            return $"url's host '{uri.Host}' does not resolve.";
        }
        if (addresses.Length == 0) return $"url's host '{uri.Host}' does not resolve.";
        foreach (var address in addresses)
        {
            if (Refusal(address, allowPrivateNetworks) is { } why) return $"url's host '{uri.Host}' resolves to {address}, {why}.";
        }
        return null;
    }
}
