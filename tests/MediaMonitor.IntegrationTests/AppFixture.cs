using Alba;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MediaMonitor.IntegrationTests;

/// <summary>The one host of the integration tests: the real service (Alba) on a real PostgreSQL.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    public const string AdminKey = "test-admin-key-0123456789";
    public const string IngestKey = "test-ingest-key-0123456789";
    public const string ReadKey = "test-read-key-0123456789";

    private TestDatabase? _database;

    public IAlbaHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.StartAsync();
        Host = await AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Postgres", _database.ConnectionString);
            builder.UseSetting("MediaMonitor:Seeds:Enabled", "false");
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
        });
    }

    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    /// <summary>Empties every document and event, so a test starts from nothing.</summary>
    public Task ResetAsync() => Host.ResetAllMartenDataAsync();

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
