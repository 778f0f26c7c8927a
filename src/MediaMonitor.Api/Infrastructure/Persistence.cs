using System.Data.Common;
using System.Text.Encodings.Web;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.Events;
using MediaMonitor.Access;
using MediaMonitor.Audit;
using MediaMonitor.Feeds;
using MediaMonitor.Alerts;
using MediaMonitor.Ingestion;
using MediaMonitor.Stories;
using MediaMonitor.Timelines;
using MediaMonitor.Watchlists;
using MediaMonitor.Spikes;
using MediaMonitor.Webhooks;
using Marten;
using Npgsql;
using Weasel.Core;
using Wolverine;
using Wolverine.Marten;

namespace MediaMonitor.Infrastructure;

public static class Persistence
{
    /// <summary>
    /// Connections one node opens at most, unless the connection string says otherwise: PostgreSQL's default
    /// <c>max_connections</c> (100) then holds two nodes with room for administration. Wolverine's inbox, outbox and
    /// agents share this pool with Marten (one data source).
    /// </summary>
    public const int DefaultMaxPoolSize = 40;

    /// <summary>
    /// Statements Npgsql prepares on each connection once they have run a few times, unless the connection string says
    /// otherwise (<c>Max Auto Prepare=0</c> behind a pooler in transaction mode): PostgreSQL then skips parsing and
    /// planning Marten's and Wolverine's repeated statements. The ingest benchmark measured a third less PostgreSQL CPU
    /// an article with it.
    /// </summary>
    public const int DefaultMaxAutoPrepare = 100;

    /// <summary>The connection string with <see cref="DefaultMaxPoolSize"/> and <see cref="DefaultMaxAutoPrepare"/>
    /// where it states no pool size or automatic preparation of its own.</summary>
    public static string WithDefaults(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "").ToLowerInvariant()).ToHashSet();
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // Npgsql's two spellings of each: "Maximum Pool Size" and "MaxPoolSize", "Max Auto Prepare" and "MaxAutoPrepare".
        if (!given.Overlaps(["maximumpoolsize", "maxpoolsize"])) builder.MaxPoolSize = DefaultMaxPoolSize;
        if (!given.Contains("maxautoprepare")) builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        return builder.ConnectionString;
    }

    /// <summary>Marten's event store and documents, run under Wolverine (outbox, async daemon).</summary>
    public static IServiceCollection AddPersistence(this IServiceCollection services, string connectionString)
    {
        services.AddMarten(opts =>
            {
                opts.Connection(WithDefaults(connectionString));
                opts.DatabaseSchemaName = "mediamonitor";
                // camelCase names and C# enum names in the stored JSON: the API's shape, so raw-JSON reads (the alert
                // feed) stream it as it is.
                // Unescaped non-ASCII: an Arabic article as \uXXXX escapes is three times the bytes to send and parse.
                opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase,
                    json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
                opts.Events.StreamIdentity = StreamIdentity.AsGuid;
                opts.Events.MetadataConfig.CorrelationIdEnabled = true;
                opts.Events.MetadataConfig.CausationIdEnabled = true;
                opts.Events.MetadataConfig.HeadersEnabled = true;
                // Who: the session's LastModifiedBy, which Wolverine sets from the caller (EnableRelayOfUserName).
                opts.Events.MetadataConfig.UserNameEnabled = true;
                // (type, seq_id): the event log filtered by type, and the daemon's loading of a projection that takes
                // a few of the many event types, read only those events instead of every one.
                opts.Events.EnableEventTypeIndex = true;
                opts.Schema.For<StoredApiKey>();

                opts.AddWatchlists();
                opts.AddIngestion();
                opts.AddStories();
                opts.AddAlerts();
                opts.AddWebhooks();
                opts.AddFeeds();
                opts.AddAudit();
                opts.AddTimelines();
                opts.AddSpikes();
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .IntegrateWithWolverine(x => x.UseWolverineManagedEventSubscriptionDistribution = true)
            .AddAlertDispatch()
            .AddSpikeDispatch();
        services.ConfigureMarten((sp, opts) => opts.Logger(new MartenLogging(sp.GetRequiredService<ILogger<IDocumentStore>>())));
        // After Marten's own start-up work (registered above), which creates the tables.
        services.AddHostedService<ToastCompression>();
        return services;
    }

    public static void UseMediaMonitorMessaging(this WolverineOptions opts, IConfiguration configuration)
    {
        // Handlers and endpoints live here, whichever assembly starts the process (tests, benchmarks, commands).
        opts.ApplicationAssembly = typeof(Persistence).Assembly;
        // The handler and endpoint adapters are generated ahead of time into Internal/Generated (`codegen write`, kept
        // current by a test) and compiled in: a node compiles nothing with Roslyn at run time, where each first request
        // of an endpoint or message type took 1.5-2.5 s of CPU. Roslyn stays referenced for the codegen command.
        opts.UseRuntimeCompilation();
        opts.CodeGeneration.TypeLoadMode = TypeLoadMode.Static;
        opts.Policies.AutoApplyTransactions();
        opts.Policies.UseDurableLocalQueues();
        // The caller's name (an API key's) goes from the request onto the sessions Wolverine opens, so onto the events
        // (their user name), and onto the messages sent, so onto the events their handlers append.
        opts.EnableRelayOfUserName = true;
        // A node that stops beating (kill -9, a lost host) is found stale after StaleAfter, and on the second look a beat
        // later its agents and the messages in its inbox go to the other nodes. Wolverine's defaults (a beat every 10 s,
        // stale after a minute) left a dead node's webhooks waiting 55-85 s. A beat is one small update per node.
        var nodes = configuration.GetSection("MediaMonitor:Nodes");
        var beat = nodes.GetValue("HeartbeatPeriod", TimeSpan.FromSeconds(2));
        opts.Durability.HealthCheckPollingTime = beat;
        opts.Durability.StaleNodeTimeout = nodes.GetValue("StaleAfter", TimeSpan.FromSeconds(6));
        opts.Durability.NodeReassignmentPollingTime = beat;
        opts.Durability.OrphanedMessageSweepPollingTime = beat;
        // Solo (development, tests): this node runs every agent at once. Otherwise nodes elect a leader through
        // PostgreSQL and share the agents, which takes some seconds after start.
        if (configuration.GetValue("MediaMonitor:Solo", false))
        {
            opts.Durability.Mode = DurabilityMode.Solo;
        }
    }
}
