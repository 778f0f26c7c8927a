using MediaMonitor.Alerts;
using MediaMonitor.Matching;
using Marten;
using JasperFx;
using JasperFx.Events;
using Npgsql;

namespace MediaMonitor.Ingestion;

public abstract record IngestOutcome
{
    public sealed record Created(Guid ArticleId, IReadOnlyList<RaisedAlert> Alerts) : IngestOutcome;
    public sealed record Duplicate(Guid ArticleId) : IngestOutcome;
}

public sealed record RaisedAlert(Guid AlertId, Guid WatchlistId, string WatchlistName, int WatchlistVersion);

/// <summary>
/// Appends articles with their matches and alerts: each chunk of articles commits in one transaction
/// (ingestion, matches and alerts together or not at all). Duplicates, by url or content, append nothing.
/// </summary>
public sealed class ArticleIngestor(IDocumentStore store, CurrentMatcher matchers, TimeProvider clock)
{
    /// <summary>Articles per transaction: large enough to amortise the commit, small enough to keep transactions short.</summary>
    public const int ChunkSize = 250;

    public async Task<IReadOnlyList<IngestOutcome>> IngestAsync(IReadOnlyList<ArticleCandidate> candidates, CancellationToken ct)
    {
        var outcomes = new List<IngestOutcome>(candidates.Count);
        foreach (var chunk in candidates.Chunk(ChunkSize))
        {
            outcomes.AddRange(await IngestChunkAsync(chunk, ct));
        }
        return outcomes;
    }

    private async Task<IReadOnlyList<IngestOutcome>> IngestChunkAsync(IReadOnlyList<ArticleCandidate> chunk, CancellationToken ct)
    {
        try
        {
            return await TryIngestAsync(chunk, ct);
        }
        catch (Exception e) when (IsUniqueViolation(e) && chunk.Count > 1)
        {
            // Another request committed one of these articles meanwhile: redo them one by one, so that only
            // the article that lost the race becomes a duplicate.
            var outcomes = new List<IngestOutcome>(chunk.Count);
            foreach (var candidate in chunk) outcomes.AddRange(await IngestChunkAsync([candidate], ct));
            return outcomes;
        }
        catch (Exception e) when (IsUniqueViolation(e))
        {
            return await TryIngestAsync(chunk, ct);
        }
    }

    private async Task<IReadOnlyList<IngestOutcome>> TryIngestAsync(IReadOnlyList<ArticleCandidate> chunk, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var known = await KnownArticlesAsync(session, chunk, ct);
        var compiled = await matchers.GetAsync(session, ct);
        var now = clock.GetUtcNow();

        // Duplicates first, in order (a later copy in the chunk is a duplicate of the earlier one); then the
        // matching, the CPU-heavy part, on all cores; then the appends, in order.
        var fresh = new List<(int Index, ArticleCandidate Candidate, Guid Id)>();
        var outcomes = new IngestOutcome?[chunk.Count];
        for (var i = 0; i < chunk.Count; i++)
        {
            if (known.Find(chunk[i]) is { } existing)
            {
                outcomes[i] = new IngestOutcome.Duplicate(existing);
                continue;
            }
            var id = Guid.CreateVersion7(now);
            known.Add(chunk[i], id);
            fresh.Add((i, chunk[i], id));
        }

        var decisions = fresh.AsParallel().AsOrdered()
            .Select(f => IngestDecision.Decide(f.Candidate, compiled, f.Id, now, Guid.CreateVersion7))
            .ToList();

        for (var i = 0; i < fresh.Count; i++)
        {
            var decision = decisions[i];
            session.Events.StartStream<ArticleView>(decision.Ingested.ArticleId, [decision.Ingested, .. decision.Matches]);
            foreach (var alert in decision.Alerts)
            {
                session.Events.StartStream<AlertView>(alert.AlertId, alert);
            }
            outcomes[fresh[i].Index] = new IngestOutcome.Created(decision.Ingested.ArticleId,
                decision.Alerts.Select(a => new RaisedAlert(a.AlertId, a.WatchlistId, a.WatchlistName, a.WatchlistVersion)).ToList());
        }

        await session.SaveChangesAsync(ct);
        return outcomes.Select(o => o!).ToList();
    }

    private static async Task<KnownArticles> KnownArticlesAsync(IQuerySession session, IReadOnlyList<ArticleCandidate> chunk, CancellationToken ct)
    {
        var hashes = chunk.Select(c => c.ContentHash).Distinct().ToArray();
        var urls = chunk.Where(c => c.UrlHash is not null).Select(c => c.UrlHash!).Distinct().ToArray();
        var existing = await session.Query<ArticleView>()
            .Where(x => x.ContentHash.IsOneOf(hashes) || x.UrlHash.IsOneOf(urls))
            .Select(x => new KnownArticle(x.Id, x.ContentHash, x.UrlHash))
            .ToListAsync(ct);
        var known = new KnownArticles();
        foreach (var article in existing) known.Add(article.ContentHash, article.UrlHash, article.Id);
        return known;
    }

    private static bool IsUniqueViolation(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is DocumentAlreadyExistsException or ExistingStreamIdCollisionException
                or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }) return true;
        }
        return false;
    }

    private sealed record KnownArticle(Guid Id, string ContentHash, string? UrlHash);

    private sealed class KnownArticles
    {
        private readonly Dictionary<string, Guid> _byHash = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Guid> _byUrl = new(StringComparer.Ordinal);

        public Guid? Find(ArticleCandidate c) =>
            c.UrlHash is not null && _byUrl.TryGetValue(c.UrlHash, out var byUrl) ? byUrl
            : _byHash.TryGetValue(c.ContentHash, out var byHash) ? byHash : null;

        public void Add(ArticleCandidate c, Guid id) => Add(c.ContentHash, c.UrlHash, id);

        public void Add(string hash, string? urlHash, Guid id)
        {
            _byHash.TryAdd(hash, id);
            if (urlHash is not null) _byUrl.TryAdd(urlHash, id);
        }
    }
}
