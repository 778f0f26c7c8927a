using Microsoft.Extensions.Configuration;

namespace MediaMonitor.Postgres;

/// <summary>
/// Finds the PostgreSQL the service uses: the configured connection string, else a private server started
/// from the PostgreSQL binaries on PATH with its data under the repository's ignored <c>.data</c> folder.
/// </summary>
public static class PostgresLocator
{
    public const string ConnectionStringName = "Postgres";

    public static async Task<(string ConnectionString, LocalPostgres? Server)> LocateAsync(
        IConfiguration configuration, string contentRoot, CancellationToken ct = default)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured)) return (configured, null);

        var dataDirectory = configuration["MediaMonitor:LocalPostgres:DataDirectory"]
                            ?? Path.Combine(DataRoot(contentRoot), "postgres");
        var server = await LocalPostgres.StartAsync(dataDirectory, throwaway: false, ct);
        return (server.ConnectionString, server);
    }

    /// <summary>The repository's ignored <c>.data</c> folder, or one beside the content root outside a clone.</summary>
    public static string DataRoot(string startFrom)
    {
        for (var dir = new DirectoryInfo(startFrom); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MediaMonitor.sln")))
            {
                return Path.Combine(dir.FullName, ".data");
            }
        }
        return Path.Combine(startFrom, ".data");
    }
}
