using JasperFx.Events;
using JasperFx.Events.Projections;
using MediaMonitor.Alerts;
using Marten;
using Wolverine;
using Wolverine.Marten;

namespace MediaMonitor.Webhooks;

public static class Configuration
{
    public const string DispatchQueue = "alert-dispatch";
    public const string DeliveryQueue = "webhooks";

    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section))
            .Validate(o => !o.Problems().Any(), "Invalid webhook settings.").ValidateOnStart();
        var problems = configuration.GetSection(WebhookOptions.Section).Get<WebhookOptions>()?.Problems().ToList() ?? [];
        if (problems.Count > 0) throw new InvalidOperationException("Invalid webhook settings: " + string.Join(" ", problems));
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<SubscriptionGate>();
        return services;
    }

    public static void AddWebhooks(this StoreOptions marten)
    {
        // Inline: a command's decision and the next read see the same state, in the same transaction.
        marten.Projections.Snapshot<Subscription>(SnapshotLifecycle.Inline);
        marten.Projections.Snapshot<Delivery>(SnapshotLifecycle.Inline);
        marten.Schema.For<Subscription>().Index(x => x.State);
        marten.Schema.For<Delivery>().Index(x => x.SubscriptionId).Index(x => x.CreatedAt).Index(x => x.AlertId);
        marten.Schema.For<SubscriptionSecrets>();
        // Async: counters fed by every delivery stream of a subscription.
        marten.Projections.Add<SubscriptionHealthProjection>(ProjectionLifecycle.Async);
    }

    /// <summary>Every <see cref="AlertRaised"/>, in log order, to <see cref="DispatchAlertHandler"/>.</summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddAlertDispatch(
        this MartenServiceCollectionExtensions.MartenConfigurationExpression marten) =>
        marten.PublishEventsToWolverine("AlertDispatch", relay => relay.PublishEvent<AlertRaised>());

    public static void UseWebhookMessaging(this WolverineOptions opts, IConfiguration configuration)
    {
        var options = configuration.GetSection(WebhookOptions.Section).Get<WebhookOptions>() ?? new WebhookOptions();
        // One at a time, so deliveries are made in the order alerts were raised.
        opts.LocalQueue(DispatchQueue).Sequential();
        opts.PublishMessage<IEvent<AlertRaised>>().ToLocalQueue(DispatchQueue);
        opts.LocalQueue(DeliveryQueue).MaximumParallelMessages(options.MaxParallelDeliveries);
        opts.PublishMessage<DeliverWebhook>().ToLocalQueue(DeliveryQueue);
        // Retries are scheduled messages in PostgreSQL; this is how soon one that falls due is picked up.
        opts.Durability.ScheduledJobPollingTime = TimeSpan.FromSeconds(1);
    }
}
