using Marten;
using Npgsql;

namespace MediaMonitor.Infrastructure;

/// <summary>
/// Stores the JSON of events and documents with lz4 compression instead of PostgreSQL's default pglz. An article is
/// several kilobytes of text (Arabic is two bytes a character), stored in its event and in its view, so PostgreSQL
/// compresses every one it takes in, and pglz was its costliest function in a profile of ingestion (about an eighth
/// of its CPU); lz4 compresses several times faster. Set per column at start, after Marten has created the tables,
/// where the server supports lz4 (PostgreSQL 14 and later, built with it); it applies to values written from then on.
/// </summary>
public sealed class ToastCompression(IDocumentStore store, ILogger<ToastCompression> log) : IHostedService
{
    private const string Supported =
        "select coalesce((select 'lz4' = any(enumvals) from pg_settings where name = 'default_toast_compression'), false)";

    /// <summary>The service's jsonb columns not yet compressed with lz4 ('l').</summary>
    private const string Columns = """
        select format('alter table %I.%I alter column %I set compression lz4', n.nspname, c.relname, a.attname)
        from pg_attribute a
        join pg_class c on c.oid = a.attrelid
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = @schema and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
          and a.atttypid = 'jsonb'::regtype and a.attcompression is distinct from 'l'
        """;

    public async Task StartAsync(CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var supported = new NpgsqlCommand(Supported, connection);
        if (!(bool)(await supported.ExecuteScalarAsync(ct))!)
        {
            log.LogInformation("PostgreSQL has no lz4 compression here; events and documents keep pglz");
            return;
        }

        var alters = new List<string>();
        await using (var find = new NpgsqlCommand(Columns, connection))
        {
            find.Parameters.AddWithValue("schema", store.Options.DatabaseSchemaName);
            await using var reader = await find.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) alters.Add(reader.GetString(0));
        }
        try
        {
            // Each takes its table's lock for a moment: a change of metadata, no rewrite.
            foreach (var alter in alters)
            {
                await using var command = new NpgsqlCommand(alter, connection);
                await command.ExecuteNonQueryAsync(ct);
            }
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            log.LogWarning("Could not set lz4 compression on the service's tables ({Message}); they keep pglz", e.MessageText);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
