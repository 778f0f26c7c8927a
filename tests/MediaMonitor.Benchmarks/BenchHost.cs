using Alba;
using MediaMonitor.Postgres;
using MediaMonitor.Webhooks;
using Microsoft.AspNetCore.Hosting;

namespace MediaMonitor.Benchmarks;

/// <summary>The service on a throwaway PostgreSQL of its own, as the end-to-end benchmarks run it.</summary>
public sealed class BenchHost : IAsyncDisposable
{
    public const string Key = "bench-admin-key-0123456789";

    private readonly LocalPostgres _postgres;

    private BenchHost(LocalPostgres postgres, IAlbaHost host)
    {
        _postgres = postgres;
        Host = host;
    }

    public IAlbaHost Host { get; }

    public string ConnectionString => _postgres.ConnectionString;

    /// <summary>A client of the in-memory server holding the admin key.</summary>
    public HttpClient Client()
    {
        var client = Host.Server.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return client;
    }

    /// <param name="settings">Further settings (name, value), on top of a production-like configuration.</param>
    public static async Task<BenchHost> StartAsync(params (string Name, string Value)[] settings)
    {
        var data = Path.Combine(Path.GetTempPath(), $"mediamonitor-bench-{Guid.NewGuid():N}");
        var postgres = await LocalPostgres.StartAsync(data, throwaway: true);
        // Where the service's project is: the host reads its appsettings there (test projects are told by a build step).
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_MEDIAMONITOR_API",
            Path.Combine(PostgresLocator.DataRoot(AppContext.BaseDirectory), "..", "src", "MediaMonitor.Api"));
        // Any type of the service's assembly names its entry point (this project has a Program of its own).
        var host = await AlbaHost.For<WebhookOptions>(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("ConnectionStrings:Postgres", postgres.ConnectionString);
            b.UseSetting("MediaMonitor:Seeds:Enabled", "false");
            b.UseSetting("MediaMonitor:Solo", "true");
            b.UseSetting("MediaMonitor:ApiKeys:0:Name", "bench");
            b.UseSetting("MediaMonitor:ApiKeys:0:Key", Key);
            b.UseSetting("MediaMonitor:ApiKeys:0:Scopes", "admin");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            foreach (var (name, value) in settings) b.UseSetting(name, value);
        });
        return new BenchHost(postgres, host);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        await Host.DisposeAsync();
        await _postgres.DisposeAsync();
    }
}
