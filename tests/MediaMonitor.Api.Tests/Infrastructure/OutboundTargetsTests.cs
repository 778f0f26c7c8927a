using System.Net;
using MediaMonitor.Infrastructure;

namespace MediaMonitor.Api.Tests.Infrastructure;

public sealed class OutboundTargetsTests
{
    private const string MetadataEndpoint = "a cloud metadata or link-local endpoint";

    private static string? Refusal(string address, bool allowPrivateNetworks = false) =>
        OutboundTargets.Refusal(IPAddress.Parse(address), allowPrivateNetworks);

    private static void AssertRefusals(string address, string? refused, string? refusedWhenPrivateNetworksAreAllowed)
    {
        Assert.Equal(refused, Refusal(address, allowPrivateNetworks: false));
        Assert.Equal(refusedWhenPrivateNetworksAreAllowed, Refusal(address, allowPrivateNetworks: true));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.5.5.5")]
    [InlineData("::1")]
    public void when_an_address_is_loopback_it_is_refused(string address) =>
        Assert.Equal("a loopback address", Refusal(address));

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("10.255.255.255")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.0.1")]
    [InlineData("192.168.255.254")]
    [InlineData("100.64.0.1")]
    [InlineData("100.127.255.254")]
    [InlineData("fc00::1")]
    [InlineData("fd12::1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("64:ff9b::a00:1")]
    [InlineData("2002:0a00:0001::")]
    public void when_an_address_is_in_a_private_range_it_is_refused(string address) =>
        Assert.Equal("a private address", Refusal(address));

    [Theory]
    [InlineData("169.254.1.1")]
    [InlineData("fe80::1")]
    public void when_an_address_is_link_local_it_is_refused_even_when_private_networks_are_allowed(string address)
    {
        Assert.Equal("a cloud metadata or link-local endpoint", Refusal(address));
        Assert.Equal("a cloud metadata or link-local endpoint", Refusal(address, allowPrivateNetworks: true));
    }

    [Theory]
    [InlineData("168.63.129.16")]
    [InlineData("192.0.0.192")]
    [InlineData("fd20:ce::254")]
    [InlineData("169.254.169.253")]
    public void when_an_address_is_another_clouds_host_agent_it_is_refused_whatever_the_settings(string address)
    {
        Assert.Equal("a cloud metadata or link-local endpoint", Refusal(address));
        Assert.Equal("a cloud metadata or link-local endpoint", Refusal(address, allowPrivateNetworks: true));
    }

    [Theory]
    [InlineData("192.0.2.1")]
    [InlineData("198.18.0.1")]
    [InlineData("240.0.0.1")]
    [InlineData("2001:db8::1")]
    public void when_an_address_is_reserved_it_is_refused(string address) =>
        Assert.Equal("a reserved address", Refusal(address));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.1")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.1")]
    [InlineData("11.0.0.1")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    [InlineData("2002:0808:0808::")]
    public void when_an_address_is_public_it_is_allowed(string address) => Assert.Null(Refusal(address));

    [Theory]
    [InlineData("169.254.169.254", false)]
    [InlineData("169.254.169.254", true)]
    [InlineData("169.254.170.2", true)]
    [InlineData("fd00:ec2::254", false)]
    [InlineData("fd00:ec2::254", true)]
    [InlineData("100.100.100.200", false)]
    [InlineData("100.100.100.200", true)]
    [InlineData("::ffff:169.254.169.254", true)]
    public void when_an_address_is_a_cloud_metadata_endpoint_it_is_refused_even_when_private_networks_are_allowed(
        string address, bool allowPrivateNetworks) =>
        Assert.Equal("a cloud metadata or link-local endpoint", Refusal(address, allowPrivateNetworks));

    [Theory]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("2002:a9fe:a9fe::")]
    public void when_a_metadata_address_is_embedded_in_a_nat64_or_6to4_address_it_is_refused_even_when_private_networks_are_allowed(
        string address) =>
        Assert.NotNull(Refusal(address, allowPrivateNetworks: true));

    [Theory]
    [InlineData("::ffff:127.0.0.1", "a loopback address", null)]
    [InlineData("::ffff:10.0.0.1", "a private address", null)]
    [InlineData("::ffff:169.254.169.254", MetadataEndpoint, MetadataEndpoint)]
    [InlineData("::ffff:8.8.8.8", null, null)]
    public void when_an_address_is_ipv4_mapped_it_is_judged_by_the_address_it_carries(
        string address, string? refused, string? refusedWhenPrivateNetworksAreAllowed) =>
        AssertRefusals(address, refused, refusedWhenPrivateNetworksAreAllowed);

    [Theory]
    [InlineData("::ffff:0:7f00:1", "a loopback address", null)]          // 127.0.0.1, as reported
    [InlineData("::ffff:0:10.0.0.1", "a private address", null)]
    [InlineData("::ffff:0:a9fe:a9fe", MetadataEndpoint, MetadataEndpoint)] // 169.254.169.254, as reported
    [InlineData("::ffff:0:8.8.8.8", null, null)]
    public void when_an_address_is_ipv4_translated_it_is_judged_by_the_address_it_carries(
        string address, string? refused, string? refusedWhenPrivateNetworksAreAllowed) =>
        AssertRefusals(address, refused, refusedWhenPrivateNetworksAreAllowed);

    [Theory]
    [InlineData("::127.0.0.1", "deprecated IPv4-compatible address")]
    [InlineData("::10.0.0.1", "deprecated IPv4-compatible address")]
    [InlineData("::169.254.169.254", MetadataEndpoint)]
    [InlineData("::8.8.8.8", "deprecated IPv4-compatible address")]
    public void when_an_address_is_ipv4_compatible_it_is_refused_whatever_it_carries_and_the_settings(string address, string refusal) =>
        AssertRefusals(address, refusal, refusal);

    [Theory]
    [InlineData("64:ff9b::127.0.0.1", "a loopback address", null)]
    [InlineData("64:ff9b::10.0.0.1", "a private address", null)]
    [InlineData("64:ff9b::169.254.169.254", MetadataEndpoint, MetadataEndpoint)]
    [InlineData("64:ff9b::8.8.8.8", null, null)]
    public void when_an_address_is_in_the_nat64_well_known_prefix_it_is_judged_by_the_address_it_carries(
        string address, string? refused, string? refusedWhenPrivateNetworksAreAllowed) =>
        AssertRefusals(address, refused, refusedWhenPrivateNetworksAreAllowed);

    [Theory]
    [InlineData("64:ff9b:1:a9fe:a9:fe00::")]      // 169.254.169.254 in a /48 prefix
    [InlineData("64:ff9b:1:a9:fe:a9fe::")]        // in a /56 prefix
    [InlineData("64:ff9b:1:0:a9:fea9:fe00:0")]    // in a /64 prefix
    [InlineData("64:ff9b:1::169.254.169.254")]    // in a /96 prefix
    public void when_an_address_in_the_nat64_local_use_prefix_carries_a_metadata_address_at_any_prefix_length_it_is_refused_whatever_the_settings(
        string address) =>
        AssertRefusals(address, MetadataEndpoint, MetadataEndpoint);

    [Theory]
    [InlineData("64:ff9b:1:7f7f:7f:7f7f:7f7f:7f7f")]   // 127.127.127.127 at every prefix length
    [InlineData("64:ff9b:1:a0a:a:a0a:a0a:a0a")]        // 10.10.10.10
    [InlineData("64:ff9b:1:808:8:808:808:808")]        // 8.8.8.8
    public void when_an_address_is_in_the_nat64_local_use_prefix_it_is_private(string address) =>
        AssertRefusals(address, "a private address", null);

    [Theory]
    [InlineData("64:ff9b:1::8.8.8.8")]
    [InlineData("64:ff9b:1::10.0.0.1")]
    public void when_an_address_in_the_nat64_local_use_prefix_reads_as_0_0_0_x_at_another_prefix_length_it_is_refused_whatever_the_settings(
        string address) =>
        AssertRefusals(address, "unspecified address", "unspecified address");

    [Theory]
    [InlineData("2002:7f00:1::", "a loopback address", null)]
    [InlineData("2002:a00:1::", "a private address", null)]
    [InlineData("2002:a9fe:a9fe::", MetadataEndpoint, MetadataEndpoint)]
    [InlineData("2002:808:808::", null, null)]
    public void when_an_address_is_6to4_it_is_judged_by_the_address_it_carries(
        string address, string? refused, string? refusedWhenPrivateNetworksAreAllowed) =>
        AssertRefusals(address, refused, refusedWhenPrivateNetworksAreAllowed);

    [Theory]
    [InlineData("2606:4700:4700:1:0:5efe:127.0.0.1", "a loopback address", null)]
    [InlineData("2606:4700:4700:1:0:5efe:10.0.0.1", "a private address", null)]
    [InlineData("2606:4700:4700:1:200:5efe:169.254.169.254", MetadataEndpoint, MetadataEndpoint)]
    [InlineData("2002:808:808:1:0:5efe:169.254.169.254", MetadataEndpoint, MetadataEndpoint)]
    [InlineData("2606:4700:4700:1:200:5efe:8.8.8.8", null, null)]
    public void when_an_address_has_an_isatap_interface_identifier_it_is_judged_by_the_address_it_carries(
        string address, string? refused, string? refusedWhenPrivateNetworksAreAllowed) =>
        AssertRefusals(address, refused, refusedWhenPrivateNetworksAreAllowed);

    [Theory]
    [InlineData("2001:0:4136:e378:8000:63bf:80ff:fffe")]   // client 127.0.0.1, stored inverted
    [InlineData("2001:0:4136:e378:8000:63bf:f5ff:fffe")]   // client 10.0.0.1
    [InlineData("2001:0:4136:e378:8000:63bf:5601:5601")]   // client 169.254.169.254
    [InlineData("2001:0:4136:e378:8000:63bf:f7f7:f7f7")]   // client 8.8.8.8
    public void when_an_address_is_teredo_it_is_refused_whatever_it_carries_and_the_settings(string address) =>
        AssertRefusals(address, "Teredo address", "Teredo address");

    [Theory]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("::", "unspecified")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("239.255.255.250", "multicast")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("255.255.255.255", "broadcast")]
    public void when_an_address_cannot_be_delivered_to_it_is_refused_even_when_private_networks_are_allowed(string address, string kind)
    {
        Assert.Equal($"{kind} address", Refusal(address, allowPrivateNetworks: false));
        Assert.Equal($"{kind} address", Refusal(address, allowPrivateNetworks: true));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("10.0.0.1")]
    [InlineData("172.16.0.1")]
    [InlineData("192.168.1.1")]
    [InlineData("100.64.0.1")]
    [InlineData("fd12::1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("64:ff9b::a00:1")]
    public void when_private_networks_are_allowed_a_non_public_address_is_allowed(string address) =>
        Assert.Null(Refusal(address, allowPrivateNetworks: true));

    [Fact]
    public void when_a_url_uses_https_it_is_accepted()
    {
        var (uri, problem) = OutboundTargets.CheckUrl("https://hooks.example.com/alerts?team=7", allowHttp: false);

        Assert.Null(problem);
        Assert.Equal("hooks.example.com", uri!.Host);
        Assert.Equal("/alerts?team=7", uri.PathAndQuery);
    }

    [Fact]
    public void when_a_url_has_blanks_around_it_they_are_trimmed() =>
        Assert.Equal("https://hooks.example.com/alerts", OutboundTargets.CheckUrl("  https://hooks.example.com/alerts ", false).Uri!.ToString());

    [Fact]
    public void when_a_url_uses_http_it_is_refused_unless_http_is_allowed()
    {
        var refused = OutboundTargets.CheckUrl("http://hooks.example.com/alerts", allowHttp: false);
        var allowed = OutboundTargets.CheckUrl("http://hooks.example.com/alerts", allowHttp: true);

        Assert.Null(refused.Uri);
        Assert.Equal("url must use https.", refused.Problem);
        Assert.Null(allowed.Problem);
        Assert.Equal("http", allowed.Uri!.Scheme);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void when_a_url_uses_ftp_it_is_refused(bool allowHttp)
    {
        var (uri, problem) = OutboundTargets.CheckUrl("ftp://hooks.example.com/alerts", allowHttp);

        Assert.Null(uri);
        Assert.Contains("must use", problem);
    }

    [Theory]
    [InlineData("/alerts")]
    [InlineData("alerts/new")]
    [InlineData("//hooks.example.com/alerts")]
    public void when_a_url_is_relative_it_is_refused(string url)
    {
        var (uri, problem) = OutboundTargets.CheckUrl(url, allowHttp: true);

        Assert.Null(uri);
        Assert.Equal("url is not an absolute URL.", problem);
    }

    [Fact]
    public void when_a_url_carries_user_info_it_is_refused()
    {
        var (uri, problem) = OutboundTargets.CheckUrl("https://ops:hunter2@hooks.example.com/alerts", allowHttp: false);

        Assert.Null(uri);
        Assert.Contains("user name or password", problem);
    }

    [Fact]
    public void when_a_url_has_a_fragment_it_is_refused()
    {
        var (uri, problem) = OutboundTargets.CheckUrl("https://hooks.example.com/alerts#latest", allowHttp: false);

        Assert.Null(uri);
        Assert.Equal("url must not have a fragment.", problem);
    }

    [Fact]
    public void when_a_url_is_longer_than_2048_characters_it_is_refused_and_at_2048_it_is_accepted()
    {
        const string start = "https://hooks.example.com/";
        var longest = start + new string('a', OutboundTargets.MaxUrlLength - start.Length);

        Assert.Null(OutboundTargets.CheckUrl(longest, allowHttp: false).Problem);
        var (uri, problem) = OutboundTargets.CheckUrl(longest + "a", allowHttp: false);
        Assert.Null(uri);
        Assert.Equal("url is longer than 2048 characters.", problem);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void when_a_url_is_blank_it_is_refused(string? url)
    {
        var (uri, problem) = OutboundTargets.CheckUrl(url, allowHttp: true);

        Assert.Null(uri);
        Assert.Equal("url is required.", problem);
    }

    [Fact]
    public async Task when_a_url_names_a_private_address_it_is_refused_unless_private_networks_are_allowed()
    {
        var uri = new Uri("https://10.0.0.1/x");

        Assert.Equal("url's host '10.0.0.1' resolves to 10.0.0.1, a private address.",
            await OutboundTargets.CheckResolvedAsync(uri, allowPrivateNetworks: false, CancellationToken.None));
        Assert.Null(await OutboundTargets.CheckResolvedAsync(uri, allowPrivateNetworks: true, CancellationToken.None));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task when_a_url_names_the_metadata_endpoint_it_is_refused_always(bool allowPrivateNetworks)
    {
        var problem = await OutboundTargets.CheckResolvedAsync(new Uri("https://169.254.169.254/"), allowPrivateNetworks, CancellationToken.None);

        Assert.Contains("a cloud metadata or link-local endpoint", problem);
    }

    [Fact]
    public async Task when_a_url_names_an_ipv6_loopback_literal_it_is_refused_unless_private_networks_are_allowed()
    {
        var uri = new Uri("https://[::1]:8443/hooks");

        Assert.Contains("a loopback address", await OutboundTargets.CheckResolvedAsync(uri, allowPrivateNetworks: false, CancellationToken.None));
        Assert.Null(await OutboundTargets.CheckResolvedAsync(uri, allowPrivateNetworks: true, CancellationToken.None));
    }

    [Fact]
    public async Task when_a_url_names_a_public_address_it_is_allowed() =>
        Assert.Null(await OutboundTargets.CheckResolvedAsync(new Uri("https://8.8.8.8/hooks"), allowPrivateNetworks: false, CancellationToken.None));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task when_a_url_names_an_ipv4_translated_metadata_literal_it_is_refused_always(bool allowPrivateNetworks) =>
        Assert.EndsWith(", a cloud metadata or link-local endpoint.",
            await OutboundTargets.CheckResolvedAsync(new Uri("https://[::ffff:0:a9fe:a9fe]/"), allowPrivateNetworks, CancellationToken.None));

    [Fact]
    public async Task when_a_url_names_an_ipv4_translated_loopback_literal_it_is_refused() =>
        Assert.EndsWith(", a loopback address.",
            await OutboundTargets.CheckResolvedAsync(new Uri("https://[::ffff:0:7f00:1]/"), allowPrivateNetworks: false, CancellationToken.None));

    [Fact]
    public void when_a_url_host_cannot_be_converted_to_ascii_it_is_refused_as_not_a_host_name()
    {
        var (uri, problem) = OutboundTargets.CheckUrl("https://a\u200Db.invalid/hook", allowHttp: false);

        Assert.Null(uri);
        Assert.Equal("url's host is not a valid host name.", problem);
    }
}
