using System.Buffers.Text;
using System.Globalization;
using System.Text;
using MediaMonitor.Infrastructure;
using Marten;
using Marten.Linq.MatchesSql;

namespace MediaMonitor.Alerts;

/// <summary>
/// The alert feed as it stood at a past instant. Marten's cursor paging streams the stored documents, which hold the
/// current state, so this mode reads each page itself, rewinds every alert on it, and pages by a keyset cursor of its
/// own: the raised time and id of the page's last alert, in the feed's order (raised time, then id, descending).
/// </summary>
public static class AlertFeedAsOf
{
    public static async Task<IResult> PageAsync(
        IQuerySession session, IQueryable<AlertView> filtered, DateTimeOffset asOf, AlertState? state, string? cursor, int limit, CancellationToken ct)
    {
        var after = cursor is null ? null : Cursor.Decode(cursor);
        if (cursor is not null && after is null)
        {
            return Problems.BadRequest("Invalid cursor.", "The cursor is not one this feed gave out; start again without a cursor.");
        }

        var sql = new Sql(session.DocumentStore.Options.DatabaseSchemaName);
        var query = filtered.Where(x => x.MatchesSql(sql.RaisedAtOrBefore, Text(asOf)));
        if (state is { } s) query = query.Where(x => x.MatchesSql(sql.StateAt, Text(asOf), s.ToString()));
        if (after is { } a) query = query.Where(x => x.MatchesSql(sql.Beyond, Text(a.RaisedAt), a.Id));

        var rows = await query.OrderByDescending(x => x.RaisedAt).ThenByDescending(x => x.Id).Take(limit + 1).ToListAsync(ct);
        var page = rows.Take(limit).Select(x => x.AsOf(asOf)).ToList();
        var next = rows.Count > limit ? Cursor.Encode(new Cursor(page[^1].RaisedAt, page[^1].Id)) : null;
        return Results.Ok(new CursorPage<AlertView>(page, next));
    }

    /// <summary>A place in the feed: after the alert with this raised time and id.</summary>
    public sealed record Cursor(DateTimeOffset RaisedAt, Guid Id)
    {
        public static string Encode(Cursor c) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Text(c.RaisedAt)}|{c.Id:N}"));

        /// <summary>Null for anything <see cref="Encode"/> did not make.</summary>
        public static Cursor? Decode(string cursor)
        {
            byte[] bytes;
            try { bytes = Base64Url.DecodeFromChars(cursor); }
            catch (FormatException) { return null; }
            var parts = Encoding.UTF8.GetString(bytes).Split('|');
            return parts.Length == 2
                   && DateTimeOffset.TryParseExact(parts[0], "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var raisedAt)
                   && Guid.TryParseExact(parts[1], "N", out var id)
                ? new Cursor(raisedAt, id)
                : null;
        }
    }

    // Instants go to PostgreSQL as text and are read with the function that reads the stored JSON times, so both sides
    // round to the microsecond alike: a time given back exactly as the feed showed it compares equal to itself.
    private static string Text(DateTimeOffset instant) => instant.ToString("O", CultureInfo.InvariantCulture);

    private sealed class Sql(string schema)
    {
        private readonly string _raisedAt = $"{schema}.mt_immutable_timestamptz(d.data ->> 'raisedAt')";
        private string Instant => $"{schema}.mt_immutable_timestamptz(?)";

        public string RaisedAtOrBefore => $"{_raisedAt} <= {Instant}";

        /// <summary>The state of the last change made by then, as <see cref="AlertView.AsOf"/> tells it.</summary>
        public string StateAt => $"""
            coalesce((select h.value ->> 'state' from jsonb_array_elements(d.data -> 'history') with ordinality as h(value, n)
                      where {schema}.mt_immutable_timestamptz(h.value ->> 'at') <= {Instant} order by h.n desc limit 1), 'Open') = ?
            """;

        /// <summary>Further down the feed than the cursor: the expressions Marten orders by, compared as a row.</summary>
        public string Beyond => $"({_raisedAt}, d.id) < ({Instant}, ?)";
    }
}
