using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MediaMonitor.IntegrationTests;

/// <summary>Base of the integration tests: the real HTTP pipeline (in memory) of the one host, starting from an empty store.</summary>
[Collection(AppCollection.Name)]
public abstract class ApiTest(AppFixture app) : IAsyncLifetime
{
    protected AppFixture App { get; } = app;

    public virtual Task InitializeAsync() => App.ResetAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected HttpClient Client(string? key = AppFixture.AdminKey)
    {
        var client = App.Host.Server.CreateClient();
        if (key is not null) client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    protected Task<HttpResponseMessage> PostJson(string url, object body, string? key = AppFixture.AdminKey) =>
        Client(key).PostAsJsonAsync(url, body);

    protected Task<HttpResponseMessage> PutJson(string url, object body, string? key = AppFixture.AdminKey) =>
        Client(key).PutAsJsonAsync(url, body);

    protected Task<HttpResponseMessage> PostRaw(string url, byte[] body, string contentType, string? key = AppFixture.AdminKey)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return Client(key).PostAsync(url, content);
    }

    protected Task<HttpResponseMessage> PostRaw(string url, string body, string contentType, string? key = AppFixture.AdminKey) =>
        PostRaw(url, Encoding.UTF8.GetBytes(body), contentType, key);

    protected Task<HttpResponseMessage> Get(string url, string? key = AppFixture.AdminKey) => Client(key).GetAsync(url);

    protected static async Task<JsonNode> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>Creates a watchlist over HTTP and returns its id.</summary>
    protected async Task<Guid> CreateWatchlist(string name, params (string Phrase, string? Lang)[] terms)
    {
        var response = await PostJson("/api/watchlists", new { name, terms = terms.Select(t => new { phrase = t.Phrase, lang = t.Lang }) });
        var json = await Json(response, HttpStatusCode.Created);
        return json["id"]!.GetValue<Guid>();
    }

    /// <summary>Ingests one article over HTTP and returns the response body.</summary>
    protected async Task<JsonNode> Ingest(object article, HttpStatusCode expected = HttpStatusCode.Created) =>
        await Json(await PostJson("/api/articles", article, AppFixture.IngestKey), expected);

    /// <summary>
    /// Every domain event in the store, in order: what "nothing appended" is checked against. Marten's
    /// tombstones (it fills the sequence numbers of a rolled-back append with them) are not facts and are left out.
    /// </summary>
    protected async Task<IReadOnlyList<IEvent>> AllEvents()
    {
        await using var session = App.Store.QuerySession();
        var events = await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync();
        return events.Where(e => e.Data is not Tombstone).ToList();
    }

    /// <summary>Waits for an async projection to catch up, polling the condition for up to 30 seconds.</summary>
    protected static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting for {what}.");
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// Changes a setting of the running host until disposed, then sets it to <paramref name="restoreTo"/> (a key cannot
    /// be removed, and an empty one would bind as zero). The settings are read as they change; the integration tests
    /// run one at a time.
    /// </summary>
    protected IDisposable Setting(string section, string name, string value, string restoreTo)
    {
        var configuration = (IConfigurationRoot)App.Host.Services.GetRequiredService<IConfiguration>();
        var key = $"{section}:{name}";
        configuration[key] = value;
        configuration.Reload();
        return new Restore(configuration, key, restoreTo);
    }

    private sealed class Restore(IConfigurationRoot configuration, string key, string value) : IDisposable
    {
        public void Dispose()
        {
            configuration[key] = value;
            configuration.Reload();
        }
    }

    protected static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
}
