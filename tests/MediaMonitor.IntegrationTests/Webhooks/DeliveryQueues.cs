using MediaMonitor.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Wolverine.Configuration;
using Wolverine.Runtime;

namespace MediaMonitor.IntegrationTests.Webhooks;

public sealed class DeliveryQueues(AppFixture app) : WebhookTest(app)
{
    [Fact]
    public void every_delivery_shard_is_a_database_queue_one_node_listens_to_with_a_durable_local_queue_taking_one_delivery_of_a_subscription_at_a_time()
    {
        var runtime = App.Host.Services.GetRequiredService<IWolverineRuntime>();
        var queues = App.Host.Services.GetRequiredService<IOptions<WebhookOptions>>().Value.DeliveryQueues;

        for (var i = 1; i <= queues; i++)
        {
            var shard = runtime.Endpoints.EndpointFor(new Uri($"postgresql://{Configuration.DeliveryQueue}{i}"));
            Assert.NotNull(shard);
            Assert.Equal(ListenerScope.Exclusive, shard.ListenerScope);
            var localUri = new Uri($"local://global-{Configuration.DeliveryQueue}{i}");
            Assert.Equal(shard.Uri, runtime.Endpoints.GlobalPartitionSlotFor(localUri));

            var local = runtime.Endpoints.EndpointFor(localUri);
            Assert.NotNull(local);
            Assert.Equal(EndpointMode.Durable, local.Mode);
            Assert.Equal(WebhookOptions.SlotsPerQueue, local.GroupShardingSlotNumber);
        }
        Assert.Null(runtime.Endpoints.EndpointFor(new Uri($"postgresql://{Configuration.DeliveryQueue}{queues + 1}")));
    }
}
