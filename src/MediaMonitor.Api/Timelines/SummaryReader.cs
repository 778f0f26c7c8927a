using Marten;
using Npgsql;
using NpgsqlTypes;
using static MediaMonitor.Timelines.TimelineTables;

namespace MediaMonitor.Timelines;

/// <summary>One dimension's key in a summary, summed over the range.</summary>
public sealed record SummaryRow(string Dim, string Key, long Articles, long Alerts);

/// <summary>Reads a watchlist's summary rows over a <see cref="SummaryRange"/>: day rows for its whole UTC days, hour rows
/// for the edges, summed per dimension and key.</summary>
public static class SummaryReader
{
    private const string Sql = $"""
        select dim, key, sum(articles)::bigint, sum(alerts)::bigint from {Summary}
        where watchlist_id = @id
          and (grain = 'd' and slot >= @daysFrom and slot < @daysTo
               or grain = 'h' and (slot >= @from and slot < @daysFrom or slot >= @daysTo and slot < @to))
        group by dim, key
        """;

    public static async Task<List<SummaryRow>> ReadAsync(IQuerySession session, Guid id, SummaryRange range, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(Sql)
        {
            Parameters =
            {
                new("id", NpgsqlDbType.Uuid) { Value = id },
                new("from", NpgsqlDbType.TimestampTz) { Value = range.From.UtcDateTime },
                new("to", NpgsqlDbType.TimestampTz) { Value = range.To.UtcDateTime },
                new("daysFrom", NpgsqlDbType.TimestampTz) { Value = range.DaysFrom.UtcDateTime },
                new("daysTo", NpgsqlDbType.TimestampTz) { Value = range.DaysTo.UtcDateTime },
            },
        };
        var rows = new List<SummaryRow>();
        await using var reader = await session.ExecuteReaderAsync(command, ct);
        while (await reader.ReadAsync(ct)) rows.Add(new SummaryRow(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3)));
        return rows;
    }
}
