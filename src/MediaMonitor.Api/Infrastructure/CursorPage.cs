using System.Text;
using Marten;
using Marten.Linq.CursorPaging;

namespace MediaMonitor.Infrastructure;

/// <summary>One page of a feed and the cursor of the next (null on the last page).</summary>
public sealed record CursorPage<T>(IReadOnlyList<T> Items, string? NextCursor) where T : notnull
{
    /// <summary>
    /// A page of an ordered query by Marten's keyset paging (its cursor and seek), read back into <typeparamref name="T"/>
    /// and answered like any other response. Marten's own result would stream the stored jsonb as PostgreSQL prints it
    /// (its key order, its spacing, enums as stored): one resource would then look different in a feed and alone.
    /// </summary>
    public static async Task<CursorPage<T>> ReadAsync(IQuerySession session, IQueryable<T> ordered, string? cursor, int limit, CancellationToken ct)
    {
        var page = await ordered.ToJsonPageByCursorAsync(cursor, limit, ct);
        using var json = new MemoryStream(Encoding.UTF8.GetBytes(page.ItemsJson));
        return new CursorPage<T>(session.DocumentStore.Options.Serializer().FromJson<List<T>>(json), page.NextCursor);
    }
}
