using System.Net;

namespace MediaMonitor.IntegrationTests.Webhooks;

/// <summary>
/// Server-side request forgery: by default no webhook may go to this machine or its networks. The tests' host allows
/// private networks (its receivers listen on 127.0.0.1); these tests switch that off for their duration, as a
/// production configuration would have it.
/// </summary>
public sealed class WebhookTargetRefusals(AppFixture app) : WebhookTest(app)
{
    private IDisposable PrivateNetworksRefused() => Setting("AllowPrivateNetworks", "false", restoreTo: "true");

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook", "loopback")]
    [InlineData("http://localhost/hook", "loopback")]
    [InlineData("http://10.1.2.3/hook", "private")]
    [InlineData("http://192.168.0.10/hook", "private")]
    [InlineData("http://[::1]/hook", "loopback")]
    [InlineData("http://169.254.10.10/hook", "link-local")]
    [InlineData("https://[::ffff:0:7f00:1]/hook", "loopback")]
    public async Task a_url_on_a_private_network_is_refused_by_default(string url, string kind)
    {
        using var _ = PrivateNetworksRefused();
        var problem = await Json(await PostJson("/api/subscriptions", new { url }), HttpStatusCode.UnprocessableEntity);
        Assert.Contains(kind, problem["errors"]!["url"]![0]!.GetValue<string>());
        Assert.Empty(await AllEvents());
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[fd00:ec2::254]/")]
    [InlineData("https://[::ffff:0:a9fe:a9fe]/")]
    [InlineData("https://[64:ff9b::a9fe:a9fe]/")]
    public async Task a_cloud_metadata_endpoint_is_refused_even_where_private_networks_are_allowed(string url)
    {
        var problem = await Json(await PostJson("/api/subscriptions", new { url }), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("metadata", problem["errors"]!["url"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("ftp://hooks.example/x")]
    [InlineData("https://user:password@hooks.example/x")]
    [InlineData("not a url")]
    [InlineData("")]
    public async Task a_url_that_is_not_a_plain_web_address_is_refused(string url)
    {
        var problem = await Json(await PostJson("/api/subscriptions", new { url }), HttpStatusCode.UnprocessableEntity);
        Assert.NotNull(problem["errors"]!["url"]);
    }

    [Fact]
    public async Task an_endpoint_that_became_private_after_subscribing_is_refused_at_delivery_time()
    {
        var receiver = await Receiver();
        await CreateWatchlist("Attacks", ("rocket attack", "en"));
        var (subscription, _) = await Subscribe(receiver.Url);

        using (PrivateNetworksRefused())
        {
            await RaiseAlert();
            var delivery = await Delivery(subscription, d => d["attempts"]!.AsArray().Count >= 1, "the refused attempt");
            var attempt = delivery["attempts"]![0]!;
            Assert.Null(attempt["statusCode"]);
            Assert.Contains("loopback", attempt["error"]!.GetValue<string>());
            await receiver.NothingMoreAsync(TimeSpan.FromSeconds(1));
        }
    }
}
