using System.Net;
using MediaMonitor.IntegrationTests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MediaMonitor.Fuzz.Http;

/// <summary>Where the fuzzer sends its requests, and the keys it holds there.</summary>
public interface IServiceUnderTest : IAsyncDisposable
{
    Uri BaseAddress { get; }

    string AdminKey { get; }

    /// <summary>Keys with fewer scopes, when known: requests with them must be refused (403) where admin is needed.</summary>
    IReadOnlyDictionary<string, string[]> LesserKeys { get; }

    /// <summary>The service's errors as logged, when the fuzzer can see its log.</summary>
    CapturedLogs? Logs { get; }

    string Description { get; }
}

/// <summary>
/// The service in this process, served by Kestrel on 127.0.0.1 (not the in-memory test server: Kestrel enforces what a
/// real client meets, such as refusing synchronous body I/O), with the integration tests' settings and keys, on a
/// throwaway PostgreSQL.
/// </summary>
public sealed class InProcessService : IServiceUnderTest
{
    private readonly TestDatabase _database;
    private readonly WebApplicationFactory<Program> _factory;

    private InProcessService(TestDatabase database, WebApplicationFactory<Program> factory, Uri baseAddress, CapturedLogs logs)
    {
        _database = database;
        _factory = factory;
        BaseAddress = baseAddress;
        Logs = logs;
    }

    public Uri BaseAddress { get; }

    public string AdminKey => AppFixture.AdminKey;

    public IReadOnlyDictionary<string, string[]> LesserKeys { get; } = new Dictionary<string, string[]>
    {
        [AppFixture.IngestKey] = ["ingest"],
        [AppFixture.ReadKey] = ["read"],
    };

    public CapturedLogs? Logs { get; }

    public string Description => $"the service in process on Kestrel at {BaseAddress}";

    public static async Task<InProcessService> StartAsync()
    {
        // As Alba does: the service's Main runs its command line parser, which would take the factory's settings for
        // unknown commands instead of starting the host.
        JasperFx.CommandLine.JasperFxEnvironment.AutoStartHost = true;
        var database = await TestDatabase.StartAsync();
        var logs = new CapturedLogs();
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            AppFixture.Configure(builder, database.ConnectionString);
            // Only the captured log: the console's would drown the fuzzer's report (a client mistake logged with its
            // stack trace is one of the things the fuzz looks for).
            builder.ConfigureServices(services =>
            {
                services.RemoveAll<ILoggerProvider>();
                services.AddSingleton<ILoggerProvider>(logs);
            });
        });
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new InProcessService(database, factory, new Uri(address), logs);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }
}

/// <summary>A service already running elsewhere on this machine (its log is not visible from here).</summary>
public sealed class RemoteService(Uri baseAddress, string adminKey) : IServiceUnderTest
{
    public Uri BaseAddress { get; } = baseAddress;

    public string AdminKey { get; } = adminKey;

    public IReadOnlyDictionary<string, string[]> LesserKeys { get; } = new Dictionary<string, string[]>();

    public CapturedLogs? Logs => null;

    public string Description => $"the service at {BaseAddress} (its log is not watched from here)";

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
