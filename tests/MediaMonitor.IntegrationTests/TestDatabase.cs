using DotNet.Testcontainers.Builders;
using MediaMonitor.Postgres;
using Npgsql;
using Testcontainers.PostgreSql;

namespace MediaMonitor.IntegrationTests;

/// <summary>
/// A PostgreSQL of the tests' own, in this order: a fresh database on the server of
/// <c>ConnectionStrings__Postgres</c> when that is set (never the configured database itself, which the
/// tests wipe); a Testcontainers PostgreSQL where a Docker engine answers; else a throwaway private server
/// started from the binaries on PATH.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly Func<ValueTask> _dispose;

    private TestDatabase(string connectionString, Func<ValueTask> dispose)
    {
        ConnectionString = connectionString;
        _dispose = dispose;
    }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("ConnectionStrings__Postgres") is { Length: > 0 } configured)
        {
            return await FreshDatabaseAsync(configured);
        }

        if (await TryContainerAsync() is { } container) return container;

        var dataDirectory = Path.Combine(PostgresLocator.DataRoot(AppContext.BaseDirectory), $"test-pg-{Guid.NewGuid():N}");
        var server = await LocalPostgres.StartAsync(dataDirectory, throwaway: true);
        return new TestDatabase(server.ConnectionString, server.DisposeAsync);
    }

    public ValueTask DisposeAsync() => _dispose();

    /// <summary>Another fresh database on the same server, for a test that needs hosts of its own.</summary>
    public Task<TestDatabase> SiblingAsync() => FreshDatabaseAsync(ConnectionString);

    private static async Task<TestDatabase?> TryContainerAsync()
    {
        try
        {
            var container = new PostgreSqlBuilder("postgres:15-alpine").Build();
            await container.StartAsync();
            return new TestDatabase(container.GetConnectionString(), container.DisposeAsync);
        }
        catch (DockerUnavailableException)
        {
            return null;
        }
        catch (Exception e)
        {
            // An engine that answers but cannot run the image (no registry reachable, say): use a local server.
            Console.Error.WriteLine($"Testcontainers could not start PostgreSQL ({e.Message}); using a local server.");
            return null;
        }
    }

    private static async Task<TestDatabase> FreshDatabaseAsync(string serverConnectionString)
    {
        var name = $"mediamonitor_test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(serverConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
        return new TestDatabase(connectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(serverConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"drop database if exists {name} with (force)", admin);
            await drop.ExecuteNonQueryAsync();
        });
    }
}
