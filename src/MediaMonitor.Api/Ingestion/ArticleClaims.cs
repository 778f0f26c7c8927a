using System.Globalization;
using Marten;
using Npgsql;

namespace MediaMonitor.Ingestion;

/// <summary>
/// Transaction-scoped PostgreSQL advisory locks on the content and url hashes of the articles a transaction is about
/// to take in. Two requests carrying the same article then take turns: the second finds the first's article once the
/// first commits, and records a duplicate, instead of failing on the unique index. A failed append would cost the whole
/// transaction: its matching done again article by article, and a tombstone in the event log for each of its events.
/// </summary>
public static class ArticleClaims
{
    /// <summary>The first key of the two-key form, a lock space of its own (PostgreSQL keeps the two-key and the
    /// one-key forms apart, and the framework's own locks use the one-key form).</summary>
    private const int LockSpace = 0x4D4D4152; // "MMAR"

    /// <summary>Locks every hash of the chunk, in key order, so that two transactions never wait on each other in a
    /// circle. Two hashes sharing a key only make their transactions take turns. False when <paramref name="wait"/>
    /// went by first: the transaction is then spent, and takes nothing in.</summary>
    public static async Task<bool> ClaimAsync(IDocumentSession session, IReadOnlyList<ArticleCandidate> chunk, TimeSpan? wait, CancellationToken ct)
    {
        var keys = Keys(chunk);
        await session.BeginTransactionAsync(ct);
        try
        {
            // For the claims only: how long each lock may be waited for; the writes that follow wait as long as they must.
            if (wait is { } w) await LockTimeoutAsync(session, $"{Math.Max(1, (int)w.TotalMilliseconds)}ms", ct);
            await session.QueryAsync<int>(
                "select count(*)::int from (select pg_advisory_xact_lock(?, k) from unnest(?) with ordinality as u(k, n) order by n) locked",
                ct, LockSpace, keys);
            if (wait is not null) await LockTimeoutAsync(session, "0", ct);
            return true;
        }
        catch (Exception e) when (IsLockTimeout(e))
        {
            return false;
        }
    }

    /// <summary>Sets lock_timeout for the rest of the transaction.</summary>
    private static Task LockTimeoutAsync(IDocumentSession session, string value, CancellationToken ct) =>
        session.QueryAsync<string>("select set_config('lock_timeout', ?, true)", ct, value);

    public static bool IsLockTimeout(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable }) return true;
        }
        return false;
    }

    private static int[] Keys(IReadOnlyList<ArticleCandidate> chunk) =>
        chunk.SelectMany(c => new[] { c.ContentHash, c.UrlHash }).OfType<string>().Select(Key).Distinct().Order().ToArray();

    /// <summary>Both hashes are SHA-256 in hex: their first 32 bits are as good a key as any.</summary>
    private static int Key(string hash) => int.Parse(hash.AsSpan(0, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
