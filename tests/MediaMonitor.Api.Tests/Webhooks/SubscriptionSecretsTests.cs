using MediaMonitor.Webhooks;

namespace MediaMonitor.Api.Tests.Webhooks;

public sealed class SubscriptionSecretsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void when_no_secret_was_rotated_only_the_current_one_signs()
    {
        var secrets = new SubscriptionSecrets { Id = Guid.NewGuid(), Current = "whsec_first" };

        Assert.Equal(["whsec_first"], secrets.SigningAt(Now));
    }

    [Fact]
    public void when_a_secret_was_rotated_both_sign_until_the_previous_one_expires_and_then_only_the_new_one()
    {
        var secrets = new SubscriptionSecrets { Id = Guid.NewGuid(), Current = "whsec_first" };

        secrets.Rotate("whsec_second", Now, Now.AddHours(24));

        Assert.Equal(["whsec_second", "whsec_first"], secrets.SigningAt(Now));
        Assert.Equal(["whsec_second", "whsec_first"], secrets.SigningAt(Now.AddHours(24).AddTicks(-1)));
        Assert.Equal(["whsec_second"], secrets.SigningAt(Now.AddHours(24)));
        Assert.Equal(["whsec_second"], secrets.SigningAt(Now.AddDays(3)));
    }

    [Fact]
    public void when_a_secret_is_rotated_twice_in_a_day_the_first_still_signs_for_its_full_day()
    {
        var secrets = new SubscriptionSecrets { Id = Guid.NewGuid(), Current = "whsec_first" };

        secrets.Rotate("whsec_second", Now, Now.AddHours(24));
        secrets.Rotate("whsec_third", Now.AddHours(1), Now.AddHours(25));

        Assert.Equal(["whsec_third", "whsec_first", "whsec_second"], secrets.SigningAt(Now.AddHours(2)));
        Assert.Equal(["whsec_third", "whsec_second"], secrets.SigningAt(Now.AddHours(24)));
        Assert.Equal(["whsec_third"], secrets.SigningAt(Now.AddHours(25)));
    }

    [Fact]
    public void an_expired_secret_is_forgotten_at_the_next_rotation()
    {
        var secrets = new SubscriptionSecrets { Id = Guid.NewGuid(), Current = "whsec_first" };
        secrets.Rotate("whsec_second", Now, Now.AddHours(24));

        secrets.Rotate("whsec_third", Now.AddDays(2), Now.AddDays(3));

        Assert.Equal(["whsec_second"], secrets.Previous.Select(p => p.Secret));
    }
}
