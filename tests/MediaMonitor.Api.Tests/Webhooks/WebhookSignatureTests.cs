using System.Security.Cryptography;
using System.Text;
using MediaMonitor.Webhooks;

namespace MediaMonitor.Api.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long Timestamp = 1614265330;
    private const string Payload = """{"test": 2432232314}""";
    private const string Published = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static byte[] Body => Encoding.UTF8.GetBytes(Payload);

    private static string Expected(string secret, string id, long timestamp, string body) =>
        "v1," + Convert.ToBase64String(HMACSHA256.HashData(
            Convert.FromBase64String(secret["whsec_".Length..]), Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));

    [Fact]
    public void the_published_standard_webhooks_example_is_the_hmac_of_id_timestamp_and_body() =>
        Assert.Equal(Published, Expected(Secret, Id, Timestamp, Payload));

    [Fact]
    public void when_the_standard_webhooks_example_is_signed_the_published_signature_comes_out() =>
        Assert.Equal(Published, WebhookSignature.Sign(Secret, Id, Timestamp, Body));

    [Fact]
    public void when_any_signed_part_changes_the_signature_changes()
    {
        Assert.NotEqual(Published, WebhookSignature.Sign(Secret, Id + "x", Timestamp, Body));
        Assert.NotEqual(Published, WebhookSignature.Sign(Secret, Id, Timestamp + 1, Body));
        Assert.NotEqual(Published, WebhookSignature.Sign(Secret, Id, Timestamp, Encoding.UTF8.GetBytes("""{"test": 2432232315}""")));
    }

    [Fact]
    public void when_a_secret_is_made_it_has_the_prefix_and_32_random_bytes()
    {
        var first = WebhookSignature.NewSecret();
        var second = WebhookSignature.NewSecret();

        Assert.StartsWith("whsec_", first);
        Assert.Equal(32, WebhookSignature.KeyOf(first).Length);
        Assert.Equal(32, Convert.FromBase64String(first["whsec_".Length..]).Length);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void when_two_secrets_sign_the_header_has_two_signatures_each_verifiable()
    {
        var current = WebhookSignature.NewSecret();
        var previous = WebhookSignature.NewSecret();

        var header = WebhookSignature.Header([current, previous], Id, Timestamp, Body);

        var signatures = header.Split(' ');
        Assert.Equal(2, signatures.Length);
        Assert.All(signatures, s => Assert.StartsWith("v1,", s));
        Assert.Equal(Expected(current, Id, Timestamp, Payload), signatures[0]);
        Assert.Equal(Expected(previous, Id, Timestamp, Payload), signatures[1]);
    }

    [Fact]
    public void when_one_secret_signs_the_header_is_that_one_signature() =>
        Assert.Equal(Published, WebhookSignature.Header([Secret], Id, Timestamp, Body));

    [Fact]
    public void when_a_secret_has_no_whsec_prefix_it_is_refused()
    {
        Assert.Throws<ArgumentException>(() => WebhookSignature.KeyOf("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        Assert.Throws<ArgumentException>(() => WebhookSignature.Sign("WHSEC_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", Id, Timestamp, Body));
    }
}
