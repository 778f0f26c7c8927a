using System.Net;
using System.Net.Sockets;

namespace MediaMonitor.Infrastructure;

/// <summary>
/// Where the service may send requests (webhooks, feeds, article pages). A user chooses those URLs, so without these
/// checks anyone with the admin scope could make this service call its own network (a database, the cloud metadata
/// endpoint): server-side request forgery. A URL is checked when it is given, and every address is checked again when
/// connecting, after DNS (<see cref="OutboundConnector"/>), so a name that later resolves somewhere private is caught too.
/// </summary>
public static class OutboundTargets
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
        IPAddress[] judged = [address, .. Carried(address)];
        var kinds = judged.Select(Classify).OfType<string>().ToArray();
        // Link-local holds the metadata endpoints of most clouds (169.254.169.254, 169.254.170.2, ...): never a webhook.
        if (kinds.Contains("link-local") || judged.Any(Metadata.Contains)) return "a cloud metadata or link-local endpoint";
        // Not addresses one can deliver to at all, private network or not; Teredo could deliver anywhere.
        if (kinds.FirstOrDefault(k => k is "unspecified" or "multicast" or "broadcast" or "deprecated IPv4-compatible" or "Teredo") is { } kind)
            return $"{kind} address";
        return kinds.Length == 0 || allowPrivateNetworks ? null : $"a {kinds[0]} address";
    }

    /// <summary>
    /// The IPv4 addresses an IPv6 address carries, where a translator or tunnel may take the connection: each is judged
    /// like the IPv4 address itself, or writing it in IPv6 would get past these rules.
    /// </summary>
    private static List<IPAddress> Carried(IPAddress a)
    {
        var carried = new List<IPAddress>();
        // :: and ::1 are themselves, not the IPv4-compatible 0.0.0.0 and 0.0.0.1.
        if (a.AddressFamily != AddressFamily.InterNetworkV6 || a.Equals(IPAddress.IPv6Any) || a.Equals(IPAddress.IPv6Loopback)) return carried;
        var b = a.GetAddressBytes();
        IPAddress At(int i, int j, int k, int l) => new([b[i], b[j], b[k], b[l]]);

        if (b is [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ..]             // ::a.b.c.d, IPv4-compatible (deprecated)
              or [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ..]       // ::ffff:a.b.c.d, IPv4-mapped
              or [0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, ..])      // ::ffff:0:a.b.c.d, IPv4-translated (RFC 2765)
            carried.Add(At(12, 13, 14, 15));
        else if (b is [0x00, 0x64, 0xff, 0x9b, 0x00, 0x01, ..])
            // NAT64's local-use prefix (RFC 8215) lets the operator choose the prefix length, which is not known here, so
            // the address is read at every RFC 6052 position (/48 skips byte 8). In the usual /96 layout the shorter
            // lengths read 0.0.0.x, which refuses the address whatever the settings: the price of not knowing.
            carried.AddRange([At(6, 7, 9, 10), At(7, 9, 10, 11), At(9, 10, 11, 12), At(12, 13, 14, 15)]);
        else if (b is [0x00, 0x64, 0xff, 0x9b, ..])
            carried.Add(At(12, 13, 14, 15));    // NAT64's well-known 64:ff9b::/96, and the unassigned rest of its /32 alike
        else if (b is [0x20, 0x02, ..])
            carried.Add(At(2, 3, 4, 5));        // 6to4
        // An ISATAP interface identifier (RFC 5214; 5efe is IANA's mark for an embedded IPv4 address), under any prefix:
        // a host on that ISATAP link tunnels straight to the IPv4 address, and this host may be on one. That refuses a
        // remote ISATAP host on a private IPv4 address too (unless private networks are allowed): ISATAP is obsolete.
        if (b is [_, _, _, _, _, _, _, _, <= 0x03, 0x00, 0x5e, 0xfe, ..]) carried.Add(At(12, 13, 14, 15));
        return carried;
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
        // NAT64's local-use prefix reaches whatever the operator's own translator reaches.
        if (v6 is [0x00, 0x64, 0xff, 0x9b, 0x00, 0x01, ..]) return "private";
        // Teredo (RFC 4380) is refused, not unwrapped: a Teredo client sends UDP straight to the IPv4 address and port
        // the address carries (inverted, beside its server's), which can be any host and port; and nobody should need
        // an obsolete last-resort tunnel to receive a webhook.
        if (v6 is [0x20, 0x01, 0x00, 0x00, ..]) return "Teredo";
        if (v6 is [0x20, 0x01, 0x0d, 0xb8, ..]) return "reserved";   // documentation
        return null;
    }

    /// <summary>Checks a URL's form (not where it resolves): the URI, or the reason it is refused.</summary>
    public static (Uri? Uri, string? Problem) CheckUrl(string? url, bool allowHttp)
    {
        if (string.IsNullOrWhiteSpace(url)) return (null, "url is required.");
        if (url.Length > MaxUrlLength) return (null, $"url is longer than {MaxUrlLength} characters.");
        // On Unix "/path" parses as an absolute file URI: not what anyone means by a web address.
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.IsFile || uri.IsUnc) return (null, "url is not an absolute URL.");
        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && allowHttp))
            return (null, allowHttp ? "url must use http or https." : "url must use https.");
        if (!string.IsNullOrEmpty(uri.UserInfo)) return (null, "url must not carry a user name or password; authenticate with the signature.");
        if (!string.IsNullOrEmpty(uri.Fragment)) return (null, "url must not have a fragment.");
        // A host IDNA cannot convert (a joiner or another character it forbids in a label) only throws once asked for.
        string host;
        try
        {
            host = uri.IdnHost;
        }
        catch (UriFormatException)
        {
            return (null, "url's host is not a valid host name.");
        }
        if (string.IsNullOrEmpty(host)) return (null, "url has no host.");
        if (host.Length > 253) return (null, "url's host name is longer than 253 characters.");
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

    /// <summary>A URL given by a user for the service to call: its form, then where it resolves (DNS, so not pure); the
    /// URI, or null with the reason added to <paramref name="errors"/> under <paramref name="field"/>.</summary>
    public static async Task<Uri?> CheckAsync(string field, string? url, OutboundOptions options, ValidationErrors errors, CancellationToken ct)
    {
        if (!TextRules.Check(field, url, errors)) return null;
        var (uri, problem) = CheckUrl(url, options.AllowHttp);
        problem ??= uri is null ? null : await CheckResolvedAsync(uri, options.AllowPrivateNetworks, ct);
        if (problem is null) return uri;
        errors.Add(field, field == "url" ? problem : problem.Replace("url", field));
        return null;
    }
}
