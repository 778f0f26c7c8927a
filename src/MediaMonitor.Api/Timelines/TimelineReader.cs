using Marten;
using Npgsql;
using NpgsqlTypes;
using static MediaMonitor.Timelines.TimelineTables;

namespace MediaMonitor.Timelines;

/// <summary>Reads the hour rows (or, for a zone whose buckets need them, the quarter-hour rows) of one key (language
/// and source, or '*') for some watchlists over a window, in primary-key order, and folds them into the window's
/// buckets as they stream in.</summary>
public static class TimelineReader
{
    private static string Sql(string table) => $"""
        select watchlist_id, slot, articles, alerts, by_ingest_time from {table}
        where watchlist_id = any(@ids) and lang = @lang and source = @source and slot >= @from and slot < @to
        order by watchlist_id, slot
        """;

    private static readonly string FromHours = Sql(Hours);
    private static readonly string FromQuarters = Sql(Counts);

    public static async Task<Dictionary<Guid, TimelineCounts>> ReadAsync(
        IQuerySession session, IReadOnlyList<Guid> watchlists, string? lang, string? source, TimelineWindow window, CancellationToken ct)
    {
        var counts = watchlists.Distinct().ToDictionary(id => id, _ => new TimelineCounts(window.Buckets));
        await using var command = new NpgsqlCommand(window.OnWholeHours ? FromHours : FromQuarters)
        {
            Parameters =
            {
                new("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = counts.Keys.ToArray() },
                new("lang", NpgsqlDbType.Text) { Value = lang ?? All },
                new("source", NpgsqlDbType.Text) { Value = source ?? All },
                new("from", NpgsqlDbType.TimestampTz) { Value = window.From.UtcDateTime },
                new("to", NpgsqlDbType.TimestampTz) { Value = window.To.UtcDateTime },
            },
        };
        await using var reader = await session.ExecuteReaderAsync(command, ct);
        while (await reader.ReadAsync(ct))
        {
            counts[reader.GetGuid(0)].Add(new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero),
                reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4));
        }
        return counts;
    }

    /// <summary>The language filter as the projection keys it (lower case), or null for every language.</summary>
    public static string? Lang(string? lang) => string.IsNullOrWhiteSpace(lang) ? null : lang.Trim().ToLowerInvariant();

    /// <summary>The source filter as given (trimmed), or null for every source.</summary>
    public static string? Source(string? source) => string.IsNullOrWhiteSpace(source) ? null : source.Trim();
}
