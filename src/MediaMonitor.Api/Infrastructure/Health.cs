using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MediaMonitor.Infrastructure;

/// <summary>Ready when PostgreSQL answers and the event store's schema is in place.</summary>
public sealed class PostgresReady(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var session = store.QuerySession();
            var schema = store.Options.Events.DatabaseSchemaName;
            var rows = await session.AdvancedSql.QueryAsync<bool>(
                $"select to_regclass('{schema}.mt_events') is not null and to_regclass('{schema}.mt_streams') is not null", ct);
            return rows[0] ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The event store schema is not applied yet.");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer.", e);
        }
    }
}
