using System.Text.Encodings.Web;
using JasperFx;
using JasperFx.Events;
using MediaMonitor.Access;
using MediaMonitor.Audit;
using MediaMonitor.Alerts;
using MediaMonitor.Ingestion;
using MediaMonitor.Watchlists;
using MediaMonitor.Webhooks;
using Marten;
using Weasel.Core;
using Wolverine;
using Wolverine.Marten;

namespace MediaMonitor.Infrastructure;

public static class Persistence
{
    /// <summary>Marten's event store and documents, run under Wolverine (outbox, async daemon).</summary>
    public static IServiceCollection AddPersistence(this IServiceCollection services, string connectionString)
    {
        services.AddMarten(opts =>
            {
                opts.Connection(connectionString);
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
                opts.Listeners.Add(new EventStamping());
                opts.Schema.For<StoredApiKey>();

                opts.AddWatchlists();
                opts.AddIngestion();
                opts.AddAlerts();
                opts.AddWebhooks();
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .IntegrateWithWolverine(x => x.UseWolverineManagedEventSubscriptionDistribution = true)
            .AddAlertDispatch();
        services.ConfigureMarten((sp, opts) => opts.Logger(new MartenLogging(sp.GetRequiredService<ILogger<IDocumentStore>>())));
        return services;
    }

    public static void UseMediaMonitorMessaging(this WolverineOptions opts, IConfiguration configuration)
    {
        // Handlers and endpoints live here, whichever assembly starts the process (tests, benchmarks, commands).
        opts.ApplicationAssembly = typeof(Persistence).Assembly;
        opts.UseRuntimeCompilation();
        opts.Policies.AutoApplyTransactions();
        opts.Policies.UseDurableLocalQueues();
        // Solo (development, tests): this node runs every agent at once. Otherwise nodes elect a leader through
        // PostgreSQL and share the agents, which takes some seconds after start.
        if (configuration.GetValue("MediaMonitor:Solo", false))
        {
            opts.Durability.Mode = DurabilityMode.Solo;
        }
    }
}
