using MediaMonitor.Alerts;
using MediaMonitor.Matchers;
using MediaMonitor.Observability;
using MediaMonitor.Webhooks;
using Marten;
using Wolverine;
using Wolverine.Marten;
using Wolverine.Runtime;

namespace MediaMonitor.Ingestion;

public abstract record IngestOutcome
{
    public sealed record Created(Guid ArticleId, IReadOnlyList<RaisedAlert> Alerts) : IngestOutcome;
    public sealed record Duplicate(Guid ArticleId) : IngestOutcome;
}

public sealed record RaisedAlert(Guid AlertId, Guid WatchlistId, string WatchlistName, int WatchlistVersion);

/// <summary>
/// Appends articles with their matches and alerts: each chunk of articles commits in one transaction
/// (ingestion, matches, alerts and their deliveries together or not at all). Duplicates, by url or content, append nothing.
/// </summary>
public sealed class ArticleIngestor(
    IDocumentStore store, CurrentMatcher matchers, DomainMetrics metrics, TimeProvider clock, IWolverineRuntime wolverine,
    IHostApplicationLifetime lifetime)
{
    /// <summary>Articles per transaction: large enough to amortise the commit, small enough to keep transactions short.</summary>
    public const int ChunkSize = 250;

    /// <summary>Alerts and their deliveries per transaction: a chunk of articles that match many watchlists, watched by
    /// many subscriptions, commits in parts, so that one transaction's work, and how far a batch can run past its time
    /// budget, stay bounded (an alert to twenty subscriptions is twenty-one streams and twenty messages).</summary>
    public const int MaxAlertWritesPerTransaction = 2_000;

    /// <summary>An alert or a delivery costs about as much to store as this many characters of text cost to match
    /// and store: about a millisecond on a 2-core machine.</summary>
    public const int CharactersPerWrite = 5_000;

    /// <summary>The first transaction of a batch with a time budget, in units of work (characters, and
    /// <see cref="CharactersPerWrite"/> for each alert and delivery): small enough to be quick whatever the articles
    /// hold, large enough to tell the pace of the rest.</summary>
    public const long PaceWork = 100_000;

    /// <summary>Every article taken in (or found a duplicate), in order.</summary>
    /// <param name="requester">The message context of the request that sends them, whose correlation id and caller
    /// (set by Wolverine) the events and messages record; null for the system's own work.</param>
    public async Task<IReadOnlyList<IngestOutcome>> IngestAsync(IReadOnlyList<ArticleCandidate> candidates, IMessageContext? requester, CancellationToken ct) =>
        (await IngestAsync(candidates, deadline: null, requester, ct)).Select(o => o!).ToList();

    /// <summary>
    /// The articles in order, transaction by transaction, as many as fit before <paramref name="deadline"/> at the pace
    /// of the first (at least one is taken, unless another transaction holds it past the deadline): the outcome of each article taken in, and null for those not reached, which are not stored.
    /// The pace is time per unit of work, counted in characters of text (a batch mixes a line of news with a book) and in
    /// alerts and deliveries written (an article that matches many watchlists watched by many subscriptions costs more
    /// to store than to match).
    /// </summary>
    public async Task<IReadOnlyList<IngestOutcome?>> IngestAsync(
        IReadOnlyList<ArticleCandidate> candidates, DateTimeOffset? deadline, IMessageContext? requester, CancellationToken ct)
    {
        var outcomes = new IngestOutcome?[candidates.Count];
        var next = 0;
        long work = 0;
        var started = clock.GetUtcNow();
        while (next < candidates.Count)
        {
            var allowance = next == 0 ? FirstAllowance(deadline) : NextAllowance(deadline, started, work);
            if (allowance is null) break;
            var size = Fitting(candidates, next, ChunkSize, allowance.Value);
            if (size == 0) break;
            var chunk = candidates.Skip(next).Take(size).ToList();
            if (await IngestChunkAsync(chunk, allowance.Value, requester, ct) is not { Outcomes.Count: > 0 } taken) break;
            for (var i = 0; i < taken.Outcomes.Count; i++) outcomes[next + i] = taken.Outcomes[i];
            next += taken.Outcomes.Count;
            work += taken.Work;
        }
        return outcomes;
    }

    /// <summary>What one transaction may take on, in units of work; how long it may wait for its claims (null: as long
    /// as it takes); whether it takes its first article whatever that costs (so that every batch moves on).</summary>
    private readonly record struct Allowance(long Work, TimeSpan? ClaimWait, bool TakesOne);

    /// <summary>The outcomes of the articles a transaction took in, and the work they were.</summary>
    private sealed record Taken(IReadOnlyList<IngestOutcome> Outcomes, long Work);

    private static readonly Allowance Unbounded = new(long.MaxValue, null, true);

    private static long Length(ArticleCandidate c) => c.Body.Length + (c.Title?.Length ?? 0) + 1;

    /// <summary>Without a deadline, a whole chunk; with one, a little work to learn the pace (one article when the
    /// time is spent already, say on reading a large body), so that not even the first transaction runs far past it.
    /// Its claims are waited for until the deadline (a moment once it has gone by): an article another transaction holds
    /// as long as that is deferred with the rest.</summary>
    private Allowance? FirstAllowance(DateTimeOffset? deadline)
    {
        if (deadline is not { } d) return Unbounded;
        var left = d - clock.GetUtcNow();
        return new Allowance(left <= TimeSpan.Zero ? 0 : PaceWork, left > MinimumClaimWait ? left : MinimumClaimWait, true);
    }

    /// <summary>How long the first transaction of a batch whose time is spent still waits for its claims: enough for
    /// claims no other transaction holds.</summary>
    private static readonly TimeSpan MinimumClaimWait = TimeSpan.FromMilliseconds(50);

    /// <summary>How much more work fits in the time left, at the pace of the work done so far: a transaction started
    /// just before the deadline would otherwise run a whole chunk past it. None once the time is spent.</summary>
    private Allowance? NextAllowance(DateTimeOffset? deadline, DateTimeOffset started, long work)
    {
        if (deadline is not { } d) return Unbounded;
        var now = clock.GetUtcNow();
        if (now >= d) return null;
        var perUnit = (now - started) / Math.Max(1, work);
        return new Allowance(perUnit <= TimeSpan.Zero ? long.MaxValue : (long)((d - now) / perUnit), d - now, false);
    }

    /// <summary>The articles from <paramref name="next"/> on whose text fits in the allowance's work (their alerts
    /// and deliveries are counted once matched), at most <paramref name="count"/>.</summary>
    private static int Fitting(IReadOnlyList<ArticleCandidate> candidates, int next, int count, Allowance allowance)
    {
        var size = 0;
        long total = 0;
        while (size < count && next + size < candidates.Count)
        {
            total += Length(candidates[next + size]);
            if (total > allowance.Work && (size > 0 || !allowance.TakesOne)) break;
            size++;
        }
        return size;
    }

    /// <summary>Takes in the chunk's articles in order, up to <see cref="MaxAlertWritesPerTransaction"/> alerts and
    /// deliveries and the allowance's work (and its first article if the allowance says so); returns the outcomes of those taken and their work,
    /// or null when the chunk's claims could not be had within the allowance's wait (nothing is taken then).</summary>
    private async Task<Taken?> IngestChunkAsync(IReadOnlyList<ArticleCandidate> chunk, Allowance allowance, IMessageContext? requester, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        // A batch commits transaction by transaction, so it opens its sessions itself: each records the request's
        // correlation id and caller, as the sessions Wolverine opens for an endpoint do.
        if (requester is not null)
        {
            session.CorrelationId = requester.CorrelationId;
            session.LastModifiedBy = requester.UserName;
        }
        // Once the service runs, the alerts' deliveries are scheduled in this transaction and their first attempts go
        // out through Wolverine's outbox the moment it commits. Before that (the ingest command, the seeds at start),
        // the alert dispatch subscription finds the alerts in the log.
        var outbox = lifetime.ApplicationStarted.IsCancellationRequested ? new MartenOutbox(wolverine, session) : null;
        // The attempts belong to the request that raised the alerts: their envelopes carry its correlation id and caller.
        if (outbox is not null && requester is not null)
        {
            outbox.CorrelationId = requester.CorrelationId;
            outbox.UserName = requester.UserName;
        }
        if (!await ArticleClaims.ClaimAsync(session, chunk, allowance.ClaimWait, ct)) return null;
        var known = await KnownArticlesAsync(session, chunk, ct);
        var compiled = await matchers.GetAsync(session, ct);
        // Read once a transaction raises an alert: most articles raise none.
        IReadOnlyList<Subscription>? subscriptions = null;
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

        var taken = chunk.Count;
        var writes = 0;
        long work = 0;
        for (var i = 0; i < fresh.Count; i++)
        {
            var decision = decisions[i];
            if (outbox is not null && decision.Alerts.Count > 0) subscriptions ??= await DispatchAlertHandler.ActiveSubscriptionsAsync(session, ct);
            var articleWrites = decision.Alerts.Count
                                + (subscriptions is null ? 0 : decision.Alerts.Sum(a => DispatchAlertHandler.Recipients(subscriptions, a).Count()));
            var articleWork = Length(fresh[i].Candidate) + (long)CharactersPerWrite * articleWrites;
            if ((writes + articleWrites > MaxAlertWritesPerTransaction || work + articleWork > allowance.Work) && (i > 0 || !allowance.TakesOne))
            {
                taken = fresh[i].Index;
                break;
            }
            writes += articleWrites;
            work += articleWork;
            session.Events.StartStream<ArticleView>(decision.Ingested.ArticleId, [decision.Ingested, .. decision.Matches]);
            foreach (var alert in decision.Alerts)
            {
                if (outbox is null)
                {
                    session.Events.StartStream<AlertView>(alert.AlertId, alert);
                    continue;
                }
                foreach (var deliver in DispatchAlertHandler.Raise(session, subscriptions!, alert, now)) await outbox.PublishAsync(deliver);
            }
            outcomes[fresh[i].Index] = new IngestOutcome.Created(decision.Ingested.ArticleId,
                decision.Alerts.Select(a => new RaisedAlert(a.AlertId, a.WatchlistId, a.WatchlistName, a.WatchlistVersion)).ToList());
        }

        await session.SaveChangesAsync(ct);
        var result = outcomes.Take(taken).Select(o => o!).ToList();
        metrics.Duplicates(result.Count(o => o is IngestOutcome.Duplicate));
        return new Taken(result, chunk.Take(taken).Sum(Length) + (long)CharactersPerWrite * writes);
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
