using JasperFx.Events;
using MediaMonitor.Alerts;
using MediaMonitor.Infrastructure;
using MediaMonitor.Matchers;
using MediaMonitor.Matching.Stories;
using MediaMonitor.Observability;
using MediaMonitor.Stories;
using MediaMonitor.Webhooks;
using Marten;
using Wolverine;
using Wolverine.Marten;
using Wolverine.Runtime;

namespace MediaMonitor.Ingestion;

public abstract record IngestOutcome
{
    public sealed record Created(Guid ArticleId, Guid StoryId, IReadOnlyList<RaisedAlert> Alerts) : IngestOutcome;
    public sealed record Duplicate(Guid ArticleId) : IngestOutcome;
}

public sealed record RaisedAlert(Guid AlertId, Guid WatchlistId, string WatchlistName, int WatchlistVersion);

/// <summary>
/// Appends articles with their matches and alerts: each chunk of articles commits in one transaction
/// (ingestion, matches, alerts and their deliveries together or not at all). Duplicates, by url or content, append nothing.
/// </summary>
public sealed class ArticleIngestor(
    IDocumentStore store, CurrentMatcher matchers, DomainMetrics metrics, TimeProvider clock, IWolverineRuntime wolverine,
    IHostApplicationLifetime lifetime, StoryWindow stories)
{
    /// <summary>Articles per transaction: large enough to amortise the commit, small enough to keep transactions short.</summary>
    public const int ChunkSize = 250;

    /// <summary>Alerts and their deliveries per transaction: a chunk of articles that match many watchlists, watched by
    /// many subscriptions, commits in parts, so that one transaction's work, and how far a batch can run past its time
    /// budget, stay bounded (an alert to twenty subscriptions is twenty-one streams and twenty messages).</summary>
    public const int MaxAlertWritesPerTransaction = 2_000;

    /// <summary>Every article taken in (or found a duplicate), in order.</summary>
    /// <param name="requester">The message context of the request that sends them, whose correlation id and caller
    /// (set by Wolverine) the events and messages record; null for the system's own work.</param>
    public async Task<IReadOnlyList<IngestOutcome>> IngestAsync(IReadOnlyList<ArticleCandidate> candidates, IMessageContext? requester, CancellationToken ct) =>
        (await IngestAsync(candidates, deadline: null, requester, ct)).Select(o => o!).ToList();

    /// <summary>Every article taken in (or found a duplicate), in order, each recorded as sent by its own request
    /// (<paramref name="requesters"/>, one for each article).</summary>
    public async Task<IReadOnlyList<IngestOutcome>> IngestAsync(
        IReadOnlyList<ArticleCandidate> candidates, IReadOnlyList<IMessageContext?> requesters, CancellationToken ct) =>
        (await IngestAsync(candidates, requesters, deadline: null, ct)).Select(o => o!).ToList();

    /// <summary>
    /// The articles in order, transaction by transaction, as many as fit before <paramref name="deadline"/> at the pace
    /// the batch goes (see <see cref="BatchPace"/>; at least one is taken, unless another transaction holds it past the
    /// deadline): the outcome of each article taken in, and null for those not reached, which are not stored.
    /// </summary>
    public Task<IReadOnlyList<IngestOutcome?>> IngestAsync(
        IReadOnlyList<ArticleCandidate> candidates, DateTimeOffset? deadline, IMessageContext? requester, CancellationToken ct) =>
        IngestAsync(candidates, Enumerable.Repeat(requester, candidates.Count).ToList(), deadline, ct);

    private async Task<IReadOnlyList<IngestOutcome?>> IngestAsync(
        IReadOnlyList<ArticleCandidate> candidates, IReadOnlyList<IMessageContext?> requesters, DateTimeOffset? deadline, CancellationToken ct)
    {
        var outcomes = new IngestOutcome?[candidates.Count];
        var pace = new BatchPace(deadline, clock.GetUtcNow());
        var next = 0;
        while (next < candidates.Count)
        {
            if (pace.Next(clock.GetUtcNow()) is not { } allowance) break;
            var size = pace.Fitting(candidates, next, ChunkSize, allowance);
            if (size == 0) break;
            var chunk = candidates.Skip(next).Take(size).ToList();
            var from = requesters.Skip(next).Take(size).ToList();
            if (await IngestChunkAsync(chunk, from, allowance, ct) is not { Outcomes.Count: > 0 } taken) break;
            for (var i = 0; i < taken.Outcomes.Count; i++) outcomes[next + i] = taken.Outcomes[i];
            next += taken.Outcomes.Count;
            pace.Taken(taken.Work, taken.Text);
        }
        return outcomes;
    }

    /// <summary>The outcomes of the articles a transaction took in, the work they were, and their text.</summary>
    private sealed record Taken(IReadOnlyList<IngestOutcome> Outcomes, long Work, long Text);

    /// <summary>Takes in the chunk's articles in order, up to <see cref="MaxAlertWritesPerTransaction"/> alerts and
    /// deliveries and the allowance's work (its first article on its own, if the allowance fits it); returns the outcomes of those taken and their work,
    /// or null when the chunk's claims could not be had within the allowance's wait (nothing is taken then).</summary>
    private async Task<Taken?> IngestChunkAsync(
        IReadOnlyList<ArticleCandidate> chunk, IReadOnlyList<IMessageContext?> requesters, Allowance allowance, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        // A batch commits transaction by transaction, so it opens its sessions itself: each records the request's
        // correlation id and caller, as the sessions Wolverine opens for an endpoint do. Articles of several requests
        // (see ArticleGroupCommit) have theirs set on their events one by one.
        var senders = new Senders(requesters);
        if (senders.Single is { } requester)
        {
            session.CorrelationId = requester.CorrelationId;
            session.LastModifiedBy = requester.UserName;
        }
        // Once the service runs, the alerts' deliveries are scheduled in this transaction and their first attempts go
        // out through Wolverine's outbox the moment it commits. Before that (the ingest command, the seeds at start),
        // the alert dispatch subscription finds the alerts in the log.
        var dispatch = lifetime.ApplicationStarted.IsCancellationRequested;
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

        var decided = fresh.AsParallel().AsOrdered()
            .Select(f => (Decision: IngestDecision.Decide(f.Candidate, compiled, f.Id, now),
                Signature: StorySignature.Of(f.Candidate.Body, f.Candidate.Lang)))
            .ToList();
        var decisions = decided.Select(d => d.Decision).ToList();
        var placed = await StoryGrouping.PlaceAsync(stories, session, decided.Select(d => new StoryArrival(d.Decision.Ingested.ArticleId,
            d.Decision.Ingested.Lang, ArticleTime.Of(d.Decision.Ingested.PublishedAt, now).At, d.Signature,
            d.Decision.Matches.Select(m => m.WatchlistId).ToList())).ToList(), () => Guid.CreateVersion7(now), ct);

        var taken = chunk.Count;
        var writes = 0;
        long work = 0;
        for (var i = 0; i < fresh.Count; i++)
        {
            var decision = decisions[i];
            var story = placed[i];
            var alerts = decision.Alerts.Select(a => a with
            {
                StoryId = story.Story.StoryId, RepeatInStory = story.MatchedBefore.Contains(a.WatchlistId),
            }).ToList();
            if (dispatch && alerts.Count > 0) subscriptions ??= await DispatchAlertHandler.ActiveSubscriptionsAsync(session, ct);
            var articleWrites = alerts.Count
                                + (subscriptions is null ? 0 : alerts.Sum(a => DispatchAlertHandler.Recipients(subscriptions, a).Count()));
            var articleWork = BatchPace.Length(fresh[i].Candidate) + (long)BatchPace.CharactersPerWrite * articleWrites;
            if (i > 0 ? writes + articleWrites > MaxAlertWritesPerTransaction || !allowance.Fits(work, articleWork, first: false)
                      : !allowance.Fits(0, articleWork, first: true))
            {
                taken = fresh[i].Index;
                break;
            }
            writes += articleWrites;
            work += articleWork;
            // Each step caused by the one before: the intake, each match, each match's alert (the lists run in step).
            var ingested = session.Events.BuildEvent(decision.Ingested with { Story = story.Story });
            var matches = decision.Matches.Select(m => session.Events.BuildEvent(m).CausedBy(ingested.Id)).ToList();
            session.Events.StartStream<ArticleView>(decision.Ingested.ArticleId, [ingested, .. matches]);
            var sender = requesters[fresh[i].Index];
            for (var a = 0; a < alerts.Count; a++)
            {
                if (!dispatch)
                {
                    session.Events.StartStream<AlertView>(alerts[a].AlertId, session.Events.BuildEvent(alerts[a]).CausedBy(matches[a].Id));
                    continue;
                }
                var outbox = senders.Outbox(sender, wolverine, session);
                foreach (var deliver in DispatchAlertHandler.Raise(session, subscriptions!, alerts[a], now, matches[a].Id)) await outbox.PublishAsync(deliver);
            }
            senders.Stamp(session, sender);
            outcomes[fresh[i].Index] = new IngestOutcome.Created(decision.Ingested.ArticleId, story.Story.StoryId,
                alerts.Select(a => new RaisedAlert(a.AlertId, a.WatchlistId, a.WatchlistName, a.WatchlistVersion)).ToList());
        }

        await session.SaveChangesAsync(ct);
        var result = outcomes.Take(taken).Select(o => o!).ToList();
        metrics.Duplicates(result.Count(o => o is IngestOutcome.Duplicate));
        var text = chunk.Take(taken).Sum(BatchPace.Length);
        return new Taken(result, text + (long)BatchPace.CharactersPerWrite * writes, text);
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

    /// <summary>The requests whose articles a transaction takes in, and the outbox through which each one's webhook
    /// attempts go (their envelopes carry its correlation id and caller).</summary>
    private sealed class Senders(IReadOnlyList<IMessageContext?> requesters)
    {
        private readonly Dictionary<object, MartenOutbox> _outboxes = new(ReferenceEqualityComparer.Instance);
        private readonly bool _several = requesters.Distinct(ReferenceEqualityComparer.Instance).Skip(1).Any();
        private int _stamped;

        /// <summary>The one request all the articles come from, if there is one.</summary>
        public IMessageContext? Single => _several ? null : requesters.FirstOrDefault();

        public MartenOutbox Outbox(IMessageContext? requester, IWolverineRuntime wolverine, IDocumentSession session)
        {
            var key = (object?)requester ?? this;
            if (_outboxes.TryGetValue(key, out var outbox)) return outbox;
            outbox = new MartenOutbox(wolverine, session);
            if (requester is not null)
            {
                outbox.CorrelationId = requester.CorrelationId;
                outbox.UserName = requester.UserName;
            }
            return _outboxes[key] = outbox;
        }

        /// <summary>Marks the events appended since the last call as <paramref name="requester"/>'s: Marten gives the
        /// session's correlation id and user name only to events that have none.</summary>
        public void Stamp(IDocumentSession session, IMessageContext? requester)
        {
            // One request's articles have its correlation id and caller from the session.
            if (!_several) return;
            var streams = session.PendingChanges.Streams();
            foreach (var e in streams.Skip(_stamped).SelectMany(s => s.Events))
            {
                e.CorrelationId = requester?.CorrelationId;
                e.UserName = requester?.UserName;
            }
            _stamped = streams.Count;
        }
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
