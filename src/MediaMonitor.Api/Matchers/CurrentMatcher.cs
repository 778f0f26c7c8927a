using MediaMonitor.Matching;
using MediaMonitor.Watchlists;
using Marten;

namespace MediaMonitor.Matchers;

/// <summary>The active watchlists compiled into one matcher, with what each match must cite.</summary>
public sealed record CompiledWatchlists(Matcher Matcher, IReadOnlyDictionary<string, Watchlist> ByKey, CatalogStamp Stamp)
{
    public static string Key(Guid watchlistId) => watchlistId.ToString("N");
}

/// <summary>
/// A summary of the watchlist table that any watchlist event changes: the count and sum of stream versions,
/// and the last write time (which also tells a table emptied and refilled from the one before).
/// </summary>
public sealed record CatalogStamp(string Value);

/// <summary>
/// Keeps the compiled matcher of this node. Before each use it reads the <see cref="CatalogStamp"/>, so a
/// change committed by any node is used by the next article here, and compilation happens only when
/// something changed.
/// </summary>
public sealed class CurrentMatcher(ILogger<CurrentMatcher> logger)
{
    private readonly SemaphoreSlim _compiling = new(1, 1);
    private volatile CompiledWatchlists? _current;

    public async Task<CompiledWatchlists> GetAsync(IQuerySession session, CancellationToken ct)
    {
        var stamp = await ReadStampAsync(session, ct);
        if (_current is { } current && current.Stamp == stamp) return current;

        await _compiling.WaitAsync(ct);
        try
        {
            if (_current is { } fresh && fresh.Stamp == stamp) return fresh;
            var active = await session.Query<Watchlist>().Where(x => x.State == WatchlistState.Active).ToListAsync(ct);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var compiled = Compile(active, stamp);
            logger.LogInformation("Compiled {Watchlists} active watchlists ({Terms} terms) in {Elapsed} ms",
                compiled.Matcher.WatchlistCount, compiled.Matcher.TermCount, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return _current = compiled;
        }
        finally
        {
            _compiling.Release();
        }
    }

    public static CompiledWatchlists Compile(IReadOnlyCollection<Watchlist> active, CatalogStamp stamp)
    {
        var definitions = active.Select(w => new WatchlistDefinition(
            CompiledWatchlists.Key(w.Id), w.Version, w.Terms.Select(t => new TermDefinition(t.Phrase, t.Lang)).ToList(), w.Rule));
        return new CompiledWatchlists(Matcher.Compile(definitions), active.ToDictionary(w => CompiledWatchlists.Key(w.Id)), stamp);
    }

    private static async Task<CatalogStamp> ReadStampAsync(IQuerySession session, CancellationToken ct)
    {
        var table = session.DocumentStore.Options.Schema.For<Watchlist>();
        var rows = await session.AdvancedSql.QueryAsync<string>(
            $"select count(*) || ':' || coalesce(sum(mt_version), 0) || ':' || coalesce(max(mt_last_modified)::text, '') from {table}", ct);
        return new CatalogStamp(rows[0]);
    }
}
