using Microsoft.Extensions.Options;

namespace MediaMonitor.Infrastructure;

/// <summary>
/// Configuration section <c>MediaMonitor:Outbound</c>: where the service may send requests of its own (webhooks,
/// feeds, article pages), one policy for all of them. The webhook settings of the same names
/// (<c>MediaMonitor:Webhooks:AllowHttp</c>, <c>...:AllowPrivateNetworks</c>) still count: either section allowing it
/// allows it.
/// </summary>
public sealed class OutboundOptions
{
    public const string Section = "MediaMonitor:Outbound";
    /// <summary>Plain http URLs are accepted (development and tests); otherwise https only.</summary>
    public bool AllowHttp { get; set; }

    /// <summary>
    /// Targets may resolve to loopback, private, link-local or other non-public addresses (development and tests).
    /// Cloud metadata endpoints stay refused whatever this says.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }
}

public static class OutboundConfiguration
{
    private const string WebhookSection = "MediaMonitor:Webhooks";

    public static IServiceCollection AddOutbound(this IServiceCollection services)
    {
        services.AddOptions<OutboundOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            options.AllowHttp = Allowed(configuration, nameof(OutboundOptions.AllowHttp));
            options.AllowPrivateNetworks = Allowed(configuration, nameof(OutboundOptions.AllowPrivateNetworks));
        });
        // Read from the configuration by hand, so the options monitor must be told when that changes.
        services.AddSingleton<IOptionsChangeTokenSource<OutboundOptions>>(sp =>
            new ConfigurationChangeTokenSource<OutboundOptions>(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<OutboundConnector>();
        return services;
    }

    private static bool Allowed(IConfiguration configuration, string name) =>
        configuration.GetValue<bool>($"{OutboundOptions.Section}:{name}") || configuration.GetValue<bool>($"{WebhookSection}:{name}");
}
