using MediaMonitor.IntegrationTests.Webhooks;
using MediaMonitor.Postgres;
using Testcontainers.PostgreSql;

namespace MediaMonitor.IntegrationTests.Infrastructure;

/// <summary>
/// A PostgreSQL server of one test's own that it can stop and start again on the same address: a private server from
/// the binaries on PATH, else a Testcontainers container bound to a fixed host port.
/// </summary>
public sealed class RestartableServer : IAsyncDisposable
{
    private readonly LocalPostgres? _local;
    private readonly PostgreSqlContainer? _container;

    private RestartableServer(LocalPostgres? local, PostgreSqlContainer? container, string connectionString)
    {
        _local = local;
        _container = container;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<RestartableServer> StartAsync()
    {
        if (LocalPostgres.FindOnPath("initdb") is not null)
        {
            var data = Path.Combine(PostgresLocator.DataRoot(AppContext.BaseDirectory), $"test-pg-{Guid.NewGuid():N}");
            var local = await LocalPostgres.StartAsync(data, throwaway: true);
            return new RestartableServer(local, null, local.ConnectionString);
        }
        var container = new PostgreSqlBuilder("postgres:15-alpine").WithPortBinding(TestReceiver.FreePort(), 5432).Build();
        await container.StartAsync();
        return new RestartableServer(null, container, container.GetConnectionString());
    }

    public Task StopAsync() => _local?.StopServerAsync() ?? _container!.StopAsync();

    public Task StartAgainAsync() => _local?.StartServerAsync() ?? _container!.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_local is not null) await _local.DisposeAsync();
        if (_container is not null) await _container.DisposeAsync();
    }
}
