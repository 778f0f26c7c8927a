using JasperFx.Events;
using JasperFx.Events.Projections;
using MediaMonitor.Alerts;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Marten;
using Wolverine.Postgresql;

namespace MediaMonitor.Webhooks;

public static class Configuration
{
    public const string DispatchQueue = "alert-dispatch";
    public const string DeliveryQueue = "webhooks";

    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidation>();
        services.AddSingleton<WebhookSender>();
        return services;
    }

    public static void AddWebhooks(this StoreOptions marten)
    {
        // Inline: a command's decision and the next read see the same state, in the same transaction.
        marten.Projections.Snapshot<Subscription>(SnapshotLifecycle.Inline);
        marten.Projections.Snapshot<Delivery>(SnapshotLifecycle.Inline);
        marten.Schema.For<Subscription>().Index(x => x.State);
        // Every index is written at each attempt (a delivery's document changes with each), so each one serves a query:
        // an alert's deliveries (explain),
        marten.Schema.For<Delivery>().Index(x => x.AlertId)
            // a subscription's deliveries, newest first: a page of a subscription with a long history reads only the page,
            .Index([x => x.SubscriptionId, x => x.CreatedAt])
            // the parked deliveries of a subscription, in their order.
            .Index([x => x.SubscriptionId, x => x.Status, x => x.Position]);
        marten.Schema.For<SubscriptionSecrets>();
        marten.Schema.For<EndpointCooldown>();
        // Async: counters fed by every delivery stream of a subscription.
        marten.Projections.Add<SubscriptionHealthProjection>(ProjectionLifecycle.Async);
    }

    /// <summary>Every <see cref="AlertRaised"/> not dispatched by the transaction that raised it, in log order, to
    /// <see cref="DispatchAlertHandler"/>.</summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddAlertDispatch(
        this MartenServiceCollectionExtensions.MartenConfigurationExpression marten) =>
        marten.PublishEventsToWolverine("AlertDispatch", relay => relay.PublishEvent<AlertRaised>((e, bus) =>
            DispatchAlertHandler.WasDispatched(e) ? ValueTask.CompletedTask : bus.PublishAsync(e)));

    /// <summary>How often a node polls the shard queues it owns for deliveries sent by other nodes.</summary>
    public static readonly TimeSpan ShardPolling = TimeSpan.FromMilliseconds(100);

    /// <summary>The group id of a subscription's deliveries: Wolverine hashes it to their queue and slot.</summary>
    public static string DeliveryGroup(Guid subscriptionId) => subscriptionId.ToString();

    public static void UseWebhookMessaging(this WolverineOptions opts, IConfiguration configuration)
    {
        var options = configuration.GetSection(WebhookOptions.Section).Get<WebhookOptions>() ?? new WebhookOptions();
        // One at a time, so deliveries are made in the order alerts were raised.
        opts.LocalQueue(DispatchQueue).Sequential();
        opts.PublishMessage<IEvent<AlertRaised>>().ToLocalQueue(DispatchQueue);
        // Wolverine's global partitioning: the deliveries of one subscription go to one shard, which one node of the
        // cluster listens to (the leader assigns it, and gives it to another node when that one dies). A message for a
        // shard this node owns goes straight to the shard's companion local queue (global-webhooks{n}); one for a shard
        // another node owns goes there through the shard's PostgreSQL queue table. In each companion queue a
        // subscription's messages take one slot, one at a time, in the order they came; other subscriptions go on in
        // the other slots. Solo: this node owns every shard.
        opts.MessagePartitioning.ByMessage<IDeliveryLaneMessage>(m => DeliveryGroup(m.SubscriptionId))
            .GlobalPartitioned(topology =>
            {
                topology.UseShardedPostgresqlQueues(DeliveryQueue, options.DeliveryQueues,
                    shards => shards.ConfigureListening(l => l.PollingInterval(ShardPolling)));
                topology.MessagesImplementing<IDeliveryLaneMessage>();
            });
        // The attempts of one subscription go a batch at a time (one round trip to read them, one commit): Wolverine
        // gathers them by group id, and runs each batch on its subscription's slot, in turn with its other lane messages.
        opts.BatchMessagesOf<DeliverWebhook>(batching =>
        {
            batching.BatchSize = WebhookOptions.DeliveriesPerBatch;
            batching.TriggerTime = WebhookOptions.BatchWait;
            batching.GroupByGroupId();
        });
        // A replay's batches take their turn with the alerts being dispatched: both create deliveries, and run side by
        // side they kept colliding on the same ones whenever the dispatch had a backlog.
        opts.PublishMessage<RunReplay>().ToLocalQueue(DispatchQueue);
        // Retries are scheduled messages in PostgreSQL; this is how soon one that falls due is picked up.
        opts.Durability.ScheduledJobPollingTime = TimeSpan.FromSeconds(1);
    }
}

/// <summary>Settings checked at start, and again when the configuration changes, with each problem named.</summary>
public sealed class WebhookOptionsValidation : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options) =>
        options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
