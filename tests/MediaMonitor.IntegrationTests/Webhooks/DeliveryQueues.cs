using MediaMonitor.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Wolverine.Configuration;
using Wolverine.Runtime;

namespace MediaMonitor.IntegrationTests.Webhooks;

public sealed class DeliveryQueues(AppFixture app) : WebhookTest(app)
{
    [Fact]
    public void every_partitioned_delivery_queue_keeps_its_messages_in_the_database_and_takes_one_delivery_of_a_subscription_at_a_time()
    {
        var runtime = App.Host.Services.GetRequiredService<IWolverineRuntime>();
        var queues = App.Host.Services.GetRequiredService<IOptions<WebhookOptions>>().Value.DeliveryQueues;

        for (var i = 1; i <= queues; i++)
        {
            var endpoint = runtime.Endpoints.EndpointFor(new Uri($"local://{Configuration.DeliveryQueue}{i}"));
            Assert.NotNull(endpoint);
            Assert.Equal(EndpointMode.Durable, endpoint.Mode);
            Assert.Equal(WebhookOptions.SlotsPerQueue, endpoint.GroupShardingSlotNumber);
        }
        Assert.Null(runtime.Endpoints.EndpointFor(new Uri($"local://{Configuration.DeliveryQueue}{queues + 1}")));
    }
}
