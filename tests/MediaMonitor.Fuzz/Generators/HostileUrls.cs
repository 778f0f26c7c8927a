namespace MediaMonitor.Fuzz.Generators;

/// <summary>URLs for articles (stored, never fetched) and for webhooks (fetched by the service).</summary>
public static class HostileUrls
{
    /// <summary>
    /// Addresses the service must refuse as a webhook target whatever its settings: link-local (the metadata endpoint
    /// of most clouds) in every IPv6 spelling that carries it, the other clouds' metadata and host agents, multicast,
    /// unspecified, broadcast and the deprecated IPv4-compatible form.
    /// </summary>
    public static readonly string[] AlwaysRefusedHosts = [.. RefusedPlainHosts(), .. RefusedEmbeddedHosts()];

    private static string[] RefusedPlainHosts() =>
    [
        "169.254.169.254", "169.254.170.2", "[fe80::1]", "[fe80::a9fe:a9fe]", "100.100.100.200", "168.63.129.16", "192.0.0.192",
        "[fd00:ec2::254]", "[fd20:ce::254]", "224.0.0.1", "[ff02::1]", "0.0.0.0", "[::]", "255.255.255.255", "0xa9fea9fe",
        "2852039166", "169.254.43518",
    ];

    /// <summary>The same addresses carried in IPv6: mapped, translated (::ffff:0:0:0/96), NAT64, 6to4, IPv4-compatible.
    /// Where address checks usually have gaps, so probed as often as the plain spellings.</summary>
    private static string[] RefusedEmbeddedHosts() =>
    [
        "[::ffff:169.254.169.254]", "[::ffff:a9fe:a9fe]", "[::ffff:6464:64c8]", "[::ffff:0:a9fe:a9fe]", "[::ffff:0:169.254.169.254]",
        "[::ffff:0:a9fe:aa02]", "[::ffff:0:6464:64c8]", "[::ffff:0:a83f:8110]", "[::ffff:0:c000:c0]", "[64:ff9b::a9fe:a9fe]",
        "[64:ff9b::6464:64c8]", "[2002:a9fe:a9fe::1]", "[2002:a83f:8110::]", "[::169.254.169.254]", "[::a9fe:a9fe]",
    ];

    private static readonly string[] RefusedPlain = RefusedPlainHosts();
    private static readonly string[] RefusedEmbedded = RefusedEmbeddedHosts();

    /// <summary>
    /// Hosts that are loopback or private in some spelling: the service may accept them when private networks are
    /// allowed, as the fuzz host allows, but a delivery to them would leave this machine. Only ever sent as a probe
    /// whose subscription is made quiet and deleted at once.
    /// </summary>
    public static readonly string[] LeavingHosts =
    [
        "[::ffff:0:7f00:1]", "[::ffff:0:127.0.0.1]", "[64:ff9b::7f00:1]", "[2002:7f00:1::]", "10.0.0.1", "192.168.1.1",
        "172.16.0.1", "100.64.0.1", "[fd12:3456::1]", "198.18.0.1", "192.0.2.1", "[2001:db8::1]", "[2001::1]",
        "[::ffff:10.0.0.1]", "[64:ff9b::a00:1]", "8.8.8.8", "example.com",
    ];

    /// <summary>Hosts that stay on this machine or do not resolve: safe for any request, accepted or not.</summary>
    private static readonly string[] StayingHosts =
    [
        "127.0.0.1", "127.0.0.2", "127.1", "0x7f.1", "2130706433", "0177.0.0.1", "127.000.000.001", "[::1]", "[0:0:0:0:0:0:0:1]",
        "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "localhost", "LOCALHOST", "localhost.", "a.localhost", "nowhere.invalid",
        "xn--mgbh0fb.invalid", "مثال.invalid", "ex\u00E4mple.invalid", "%6c%6f%63%61%6c%68%6f%73%74",
    ];

    /// <summary>A webhook URL whose every parse stays on this machine or goes nowhere (see <see cref="StayingHosts"/>).</summary>
    public static string StayingWebhook(Rng r, string receiverUrl)
    {
        if (r.Chance(0.3)) return receiverUrl;
        var host = r.Next(12) == 0 ? new string('a', r.Between(60, 300)) + ".invalid" : r.Pick(StayingHosts);
        var port = r.Pick("", ":" + new Uri(receiverUrl).Port, ":0", ":65535", ":65536", ":99999", ":-1", ":", ":80", ":443");
        var path = r.Pick("/hook", "/", "", "/a/../b", "/%2e%2e/", "/?q=1", "/#frag", "/" + new string('p', r.Between(100, 3000)),
            "/" + Uri.EscapeDataString(HostileText.Next(r, 30)), "/\u0000", "/ space", "/\u202Eevil");
        var scheme = r.Weighted((8, "http://"), (4, "https://"), (1, r.Pick("ftp://", "file://", "gopher://", "javascript:", "data:", "ws://",
            "HTTP://", "hTTps://", "http:/", "http:\\\\", "//", "")));
        var userinfo = r.Chance(0.08) ? r.Pick("user:pass@", "user@", "@", ":@", "a%40b@") : "";
        return r.Next(14) switch
        {
            0 => "",
            1 => " " + scheme + host + port + path + " ",
            2 => HostileText.Next(r, 60),
            3 => scheme + userinfo + host + port + path + new string('x', r.Between(1900, 2200)),
            _ => scheme + userinfo + host + port + path,
        };
    }

    private static readonly System.Net.IPAddress[] AlwaysRefusedAddresses =
        AlwaysRefusedHosts.Select(h => System.Net.IPAddress.Parse(new Uri("http://" + h).IdnHost)).ToArray();

    /// <summary>Whether the service must refuse <paramref name="url"/> as a webhook target whatever its settings.</summary>
    public static bool MustBeRefused(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) return false;
        try
        {
            return System.Net.IPAddress.TryParse(uri.IdnHost, out var address) && AlwaysRefusedAddresses.Contains(address);
        }
        catch (UriFormatException)
        {
            // A host name IDN cannot convert: not an address at all.
            return false;
        }
    }

    /// <summary>A URL at a host that the service must refuse, or that would take a delivery off this machine.</summary>
    public static string Probe(Rng r) =>
        r.Pick("https://", "http://") + r.Weighted((3, r.Pick(RefusedPlain)), (4, r.Pick(RefusedEmbedded)), (3, r.Pick(LeavingHosts))) + r.Pick("/", "/hook", ":8080/x", "/latest/meta-data/");

    /// <summary>An article's url: never fetched, only normalised and compared, so anything goes.</summary>
    public static string Article(Rng r) => r.Next(10) switch
    {
        < 4 => $"https://news.example/{r.Next(1_000_000)}",
        4 => $"HTTPS://News.Example:443/{r.Next(1000)}/?utm_source={r.Next(99)}#top",
        5 => $"https://news.example/{r.Next(1000)}/" + Uri.EscapeDataString(HostileText.Next(r, 50)),
        6 => "https://" + new string('h', r.Between(250, 2100)) + ".example/",
        7 => r.Pick("", " ", "not a url", "javascript:alert(1)", "file:///etc/passwd", "//news.example/x", "http://", "http://[::1",
            "http://%00/", "https://مثال.إختبار/مقالة", "https://xn--mgbh0fb.xn--kgbechtv/", "mailto:a@b", "data:text/html,<b>x</b>"),
        8 => HostileText.Next(r, 3000),
        _ => $"http://{r.Pick(AlwaysRefusedHosts)}/{r.Next(100)}",
    };
}
