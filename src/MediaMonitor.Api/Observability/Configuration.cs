using JasperFx.OpenTelemetry;
using Marten;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MediaMonitor.Observability;

public static class Configuration
{
    /// <summary>The service's name in traces and metrics.</summary>
    public const string ServiceName = "mediamonitor";

    /// <summary>
    /// OpenTelemetry metrics for ASP.NET Core, HttpClient (webhooks), Npgsql, Wolverine, Marten and the domain, scraped
    /// at <c>/metrics</c> and, when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, exported over OTLP with traces of the
    /// same sources. Without an OTLP endpoint no trace is recorded at all: spans nobody collects would cost every request.
    /// </summary>
    public static IServiceCollection AddObservability(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<DomainMetrics>();
        services.AddSingleton<EventCounting>();
        services.AddSingleton<ProjectionLag>();
        services.AddHostedService(sp => sp.GetRequiredService<ProjectionLag>());
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        services.ConfigureMarten((sp, opts) =>
        {
            opts.Listeners.Add(sp.GetRequiredService<EventCounting>());
            // Marten's own counter of appended events, by type (marten.event.append).
            opts.OpenTelemetry.TrackEventCounters();
            // A span per connection use: wanted only where traces go somewhere.
            if (otlp) opts.OpenTelemetry.TrackConnections = TrackLevel.Normal;
        });
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    // Wolverine's meter is named after the service ("Wolverine:<name>"); Npgsql's is built in.
                    .AddMeter(DomainMetrics.MeterName, "Marten", "Wolverine*", "Npgsql")
                    // Each scrape collects afresh (the default caches a page for 300 ms): a scraper comes every few seconds,
                    // and a person or a test who just did something expects to see it.
                    .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
                if (otlp) metrics.AddOtlpExporter();
            });
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource("Wolverine", "Marten")
                .AddOtlpExporter());
        }
        return services;
    }

    /// <summary>The Prometheus scrape endpoint, <c>/metrics</c>: open, like the health checks; it names no article,
    /// watchlist or subscriber, only counts, durations and projection names.</summary>
    public static void MapMetrics(this WebApplication app) => app.MapPrometheusScrapingEndpoint().AllowAnonymous();
}
