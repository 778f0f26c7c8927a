using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using JasperFx.Core;
using MediaMonitor.IntegrationTests.Infrastructure;
using MediaMonitor.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MediaMonitor.IntegrationTests.Webhooks;

/// <summary>Webhook tests: subscriptions over the API, alerts raised by ingesting articles, a real receiver.</summary>
public abstract class WebhookTest(AppFixture app) : ApiTest(app)
{
    private readonly List<TestReceiver> _receivers = [];

    protected async Task<TestReceiver> Receiver(params TestReceiver.Answer[] script)
    {
        var receiver = await TestReceiver.StartAsync(0, script);
        _receivers.Add(receiver);
        return receiver;
    }

    public override async Task DisposeAsync()
    {
        foreach (var receiver in _receivers) await receiver.DisposeAsync();
        await base.DisposeAsync();
    }

    protected async Task<(Guid Id, string Secret)> Subscribe(string url, params Guid[] watchlistIds)
    {
        var response = await PostJson("/api/subscriptions", new { url, watchlistIds = watchlistIds.Length == 0 ? null : watchlistIds });
        var json = await Json(response, HttpStatusCode.Created);
        return (json["subscription"]!["id"]!.GetValue<Guid>(), json["secret"]!.GetValue<string>());
    }

    /// <summary>Ingests an article that mentions a rocket attack; returns the alerts it raised.</summary>
    protected async Task<JsonArray> RaiseAlert(string body = "A rocket attack hit the town.") =>
        (await Ingest(new { title = "Attack", body, source = "test", url = $"https://news.example/{Guid.NewGuid():N}" }))["alerts"]!.AsArray();

    protected async Task<JsonNode> Delivery(Guid subscriptionId, Func<JsonNode, bool> condition, string what)
    {
        JsonNode? found = null;
        await Eventually(async () =>
        {
            var page = await Json(await Get($"/api/subscriptions/{subscriptionId}/deliveries"), HttpStatusCode.OK);
            found = page["items"]!.AsArray().FirstOrDefault(d => condition(d!));
            return found is not null;
        }, what);
        return found!;
    }

    /// <summary>Changes a webhook setting of the running host until disposed (see <see cref="ApiTest.Setting"/>).</summary>
    protected IDisposable Setting(string name, string value, string restoreTo) => Setting("MediaMonitor:Webhooks", name, value, restoreTo);

    /// <summary>The delivery queue and slot of a subscription: its deliveries take turns with those of every other
    /// subscription of that lane. Wolverine's own hashing of the group id, as it shards sending and processing.</summary>
    protected (int Queue, int Slot) Lane(Guid subscriptionId)
    {
        var queues = App.Host.Services.GetRequiredService<IOptions<WebhookOptions>>().Value.DeliveryQueues;
        var groupId = Configuration.DeliveryGroup(subscriptionId);
        return (Math.Abs(groupId.GetDeterministicHashCode() % queues),
            Math.Abs(groupId.DeterministicJavaCompliantHash() % (int)WebhookOptions.SlotsPerQueue));
    }

    /// <summary>A service process of its own (not solo) on <paramref name="connectionString"/>, retrying as the tests do.</summary>
    protected static Task<ServiceProcess> StartNodeAsync(string connectionString) =>
        ServiceProcess.StartAsync("Testing", connectionString, AppFixture.AdminKey,
            [("MediaMonitor__Webhooks__RetrySchedule", AppFixture.RetrySchedule)]);

    protected async Task<JsonNode> Subscription(Guid id) => await Json(await Get($"/api/subscriptions/{id}"), HttpStatusCode.OK);
}
