using MediaMonitor.Audit;
using MediaMonitor.Stories;
using Alba;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MediaMonitor.IntegrationTests;

/// <summary>The one host of the integration tests: the real service (Alba) on a real PostgreSQL.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    public const string AdminKey = "test-admin-key-0123456789";
    public const string IngestKey = "test-ingest-key-0123456789";
    public const string ReadKey = "test-read-key-0123456789";

    private TestDatabase? _database;

    public IAlbaHost Host { get; private set; } = null!;

    /// <summary>What the fixture's host has logged at Warning or above.</summary>
    public LogCapture Logs { get; } = new();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.StartAsync();
        Host = await StartHostAsync(_database.ConnectionString, Logs);
    }

    public TestDatabase Database => _database!;

    /// <summary>
    /// The service as the tests run it. Webhooks may go to plain http on this machine (the tests' receivers), and
    /// retry after 0.2, 0.5 and 1 s instead of minutes.
    /// </summary>
    public static Task<IAlbaHost> StartHostAsync(string connectionString, LogCapture? logs = null) =>
        AlbaHost.For<Program>(builder =>
        {
            if (logs is not null) builder.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs));
            Configure(builder, connectionString);
        });

    /// <summary>
    /// The settings of <see cref="StartHostAsync"/>, for a host built another way (the fuzz suite serves the same
    /// service from Kestrel, which enforces what the in-memory server does not).
    /// </summary>
    public static void Configure(IWebHostBuilder builder, string connectionString)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Postgres", connectionString);
        builder.UseSetting("MediaMonitor:Webhooks:AllowHttp", "true");
        builder.UseSetting("MediaMonitor:Webhooks:AllowPrivateNetworks", "true");
        builder.UseSetting("MediaMonitor:Webhooks:RetrySchedule", RetrySchedule);
        builder.UseSetting("MediaMonitor:Webhooks:Timeout", "00:00:02");
        builder.UseSetting("MediaMonitor:Seeds:Enabled", "false");
        // Feeds polled every few seconds, so a test can see a schedule at work.
        builder.UseSetting("MediaMonitor:Feeds:MinIntervalSeconds", "1");
        builder.UseSetting("MediaMonitor:Solo", "true");
        builder.UseSetting("MediaMonitor:ApiKeys:0:Name", "admin");
        builder.UseSetting("MediaMonitor:ApiKeys:0:Key", AdminKey);
        builder.UseSetting("MediaMonitor:ApiKeys:0:Scopes", "admin");
        builder.UseSetting("MediaMonitor:ApiKeys:1:Name", "ingester");
        builder.UseSetting("MediaMonitor:ApiKeys:1:Key", IngestKey);
        builder.UseSetting("MediaMonitor:ApiKeys:1:Scopes", "ingest");
        builder.UseSetting("MediaMonitor:ApiKeys:2:Name", "reader");
        builder.UseSetting("MediaMonitor:ApiKeys:2:Key", ReadKey);
        builder.UseSetting("MediaMonitor:ApiKeys:2:Scopes", "read");
    }

    /// <summary>A client of <paramref name="host"/> (the fixture's or one a test started) holding the admin key.</summary>
    public static HttpClient AdminClient(IAlbaHost host)
    {
        var client = host.Server.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        return client;
    }

    public const string RetrySchedule = "00:00:00.200,00:00:00.500,00:00:01";

    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    /// <summary>Empties every document and event, so a test starts from nothing. The previous test's background work
    /// (webhook attempts, releases of parked deliveries) may still be writing, and PostgreSQL then breaks a deadlock
    /// between it and the reset's table-by-table truncation by failing one of them. The reset is tried again after a
    /// growing pause, so the retries that keep that work busy can finish in between; it gives up after 30 s.</summary>
    public async Task ResetAsync()
    {
        var giveUpAt = DateTime.UtcNow.AddSeconds(30);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Host.ResetAllMartenDataAsync();
                await ClearProjectionTablesAsync();
                // Its rows are gone: what the node holds of them must go too, as after a restart.
                Host.Services.GetRequiredService<StoryWindow>().Forget();
                return;
            }
            catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.DeadlockDetected && DateTime.UtcNow < giveUpAt)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt));
            }
        }
    }

    /// <summary>Marten's reset empties documents and events, not the tables projections keep of their own.</summary>
    private async Task ClearProjectionTablesAsync()
    {
        await using var session = Store.LightweightSession();
        foreach (var table in ProjectionTables.All(Store)) session.QueueSqlCommand($"delete from {table}");
        await session.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}
