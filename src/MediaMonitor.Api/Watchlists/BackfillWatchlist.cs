using MediaMonitor.Access;
using MediaMonitor.Alerts;
using MediaMonitor.Infrastructure;
using MediaMonitor.Ingestion;
using MediaMonitor.Matchers;
using MediaMonitor.Webhooks;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Runtime.Handlers;

namespace MediaMonitor.Watchlists;

/// <param name="From">Articles taken in at or after this time; left out, from the first.</param>
/// <param name="To">Articles taken in before this time; left out, now.</param>
public sealed record BackfillWatchlist(DateTimeOffset? From, DateTimeOffset? To);

/// <summary>Run the next batch of a backfill.</summary>
public sealed record RunBackfill(Guid BackfillId);

public static class BackfillWatchlistEndpoints
{
    /// <summary>
    /// Matches the watchlist, as it is now, against past articles, in the background: 202 with the backfill, whose
    /// progress <c>GET /api/backfills/{id}</c> shows. Its matches and alerts are recorded as backfill (webhook
    /// payloads say <c>"backfill": true</c>; a subscription may leave them out). One alert per article and watchlist:
    /// an article the watchlist alerted on before, at any version (a rename, a pause and resume, a change of terms, an
    /// earlier backfill), keeps that alert and is skipped, and <c>alreadyAlerted</c> counts those.
    /// </summary>
    [WolverinePost("/api/watchlists/{id}/backfill"), Authorize(Policy = Scopes.Admin), Tags("Watchlists")]
    [ProducesResponseType<Backfill>(202), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409),
     ProducesResponseType<ValidationProblemDetails>(422)]
    public static async Task<(IResult, OutgoingMessages)> Post(
        Guid id, BackfillWatchlist command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var now = clock.GetUtcNow();
        var to = command.To ?? now;
        if (command.From is { } from && from >= to)
        {
            var errors = new ValidationErrors();
            errors.Add("to", "to must be after from.");
            return (Problems.Invalid(errors), messages);
        }
        var watchlist = await session.LoadAsync<Watchlist>(id, ct);
        if (watchlist is null) return (Problems.NotFound("Watchlist", id), messages);
        if (watchlist.State != WatchlistState.Active)
            return (Problems.Conflict($"Watchlist {id} is {watchlist.State.ToString().ToLowerInvariant()}; only an active watchlist is backfilled."), messages);
        if (await session.Query<Backfill>().AnyAsync(b => b.WatchlistId == id && b.Status == BackfillStatus.Running, ct))
            return (Problems.Conflict($"A backfill of watchlist {id} is running already."), messages);

        var started = new BackfillStarted(Guid.CreateVersion7(now), id, watchlist.Version, command.From, to, now);
        session.Events.StartStream<Backfill>(started.BackfillId, started);
        messages.Add(new RunBackfill(started.BackfillId));
        var backfill = Backfill.Create(started);
        backfill.Version = 1;
        return (Results.Accepted($"/api/backfills/{started.BackfillId}", backfill), messages);
    }

    [WolverineGet("/api/backfills/{id}"), Authorize(Policy = Scopes.Read), Tags("Watchlists")]
    [ProducesResponseType<Backfill>(200), ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<Backfill>(id, ct) is { } backfill ? Results.Ok(backfill) : Problems.NotFound("Backfill", id);
}

/// <summary>
/// One batch of a backfill in one transaction: its matches, alerts and progress commit together with the message for
/// the next batch (Wolverine's outbox), so a backfill cut short by a restart goes on from its last batch, and a batch
/// that did not commit is simply done again.
/// </summary>
public static class RunBackfillHandler
{
    public const int BatchSize = 200;

    public static void Configure(HandlerChain chain) =>
        chain.RetryUntilDone([TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1)],
            TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5));

    public static async Task<OutgoingMessages> Handle(RunBackfill message, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var stream = await session.Events.FetchForWriting<Backfill>(message.BackfillId, ct);
        if (stream.Aggregate is not { Status: BackfillStatus.Running } backfill) return messages;
        var now = clock.GetUtcNow();

        var batch = await NextBatchAsync(session, backfill, ct);
        if (batch.Count == 0)
        {
            stream.AppendOne(new BackfillCompleted(backfill.Id, now));
            return messages;
        }

        // Pausing, archiving or changing the watchlist stops its backfill: the user no longer wants that version's alerts.
        var current = await session.LoadAsync<Watchlist>(backfill.WatchlistId, ct);
        if (current is not { State: WatchlistState.Active } || current.Version != backfill.WatchlistVersion)
        {
            stream.AppendOne(new BackfillCompleted(backfill.Id, now, "The watchlist was paused, archived or changed."));
            return messages;
        }
        var watchlist = await session.Events.AggregateStreamAsync<Watchlist>(backfill.WatchlistId, backfill.WatchlistVersion, token: ct)
                        ?? throw new InvalidOperationException($"Watchlist {backfill.WatchlistId} has no version {backfill.WatchlistVersion}.");
        var compiled = CurrentMatcher.Compile([watchlist], new CatalogStamp($"backfill:{backfill.Id}"));
        var matched = 0;
        var alreadyAlerted = 0;
        IReadOnlyList<Subscription>? subscriptions = null;
        foreach (var article in batch.Where(a => InRange(a, backfill)))
        {
            // One alert per article and watchlist: an article it alerted on, at any version, keeps that alert.
            if (article.Matches.Any(m => m.WatchlistId == backfill.WatchlistId))
            {
                alreadyAlerted++;
                continue;
            }
            var ingested = new ArticleIngested(article.Id, article.Title, article.Body, article.Lang, article.Source, article.Url,
                article.PublishedAt, article.ContentHash, article.IngestedAt, article.UrlHash);
            var (matches, alerts) = IngestDecision.Match(ingested, compiled, now, backfill: true);
            if (matches.Count == 0) continue;
            // A removal of this article committing meanwhile fails this batch, and so does an alert for the pair raised
            // meanwhile (its stream exists: AlertIds); the retry sees the article removed or alerted and leaves it alone.
            var matchEvents = matches.Select(m => session.Events.BuildEvent(m)).ToList();
            await session.Events.AppendOptimistic(article.Id, ct, matchEvents.Cast<object>().ToArray());
            // Dispatched here, as on intake: the deliveries commit with the batch and go out when it commits.
            subscriptions ??= await DispatchAlertHandler.ActiveSubscriptionsAsync(session, ct);
            // A backfill alert names the article's story but is never a repeat in it: backfills are asked for, and a
            // subscriber that takes them wants each.
            foreach (var deliver in alerts.SelectMany((alert, a) =>
                         DispatchAlertHandler.Raise(session, subscriptions, alert with { StoryId = article.StoryId }, now, matchEvents[a].Id)))
                messages.Add(deliver);
            matched += matches.Count;
        }
        var lastArticle = batch[^1];
        stream.AppendOne(new BackfillProgressed(backfill.Id, lastArticle.IngestedAt, lastArticle.Id, batch.Count, matched, now, alreadyAlerted));
        messages.Add(new RunBackfill(backfill.Id));
        return messages;
    }

    /// <summary>
    /// The next articles of the range, in id order after the last one done. The range is read on the indexed
    /// <c>ingested_at</c> column, so a narrow range over a large store reads its own rows only; that column keeps
    /// microseconds (rounded for rows it was added to, cut for rows written since), the documents ticks, so the range
    /// is widened by a microsecond each side here and checked exactly on the documents (<see cref="InRange"/>). The
    /// keyset is the id alone: exact, so no article is read twice or passed over.
    /// </summary>
    private static async Task<IReadOnlyList<ArticleView>> NextBatchAsync(IQuerySession session, Backfill backfill, CancellationToken ct)
    {
        var microsecond = TimeSpan.FromMicroseconds(1);
        var (sql, parameters) = ("where d.ingested_at < ?", new List<object> { backfill.To + microsecond });
        if (backfill.From is { } from)
        {
            sql += " and d.ingested_at >= ?";
            parameters.Add(from - microsecond);
        }
        if (backfill.LastArticleId is { } last)
        {
            sql += " and d.id > ?";
            parameters.Add(last);
        }
        parameters.Add(BatchSize);
        return await session.QueryAsync<ArticleView>(sql + " order by d.id limit ?", ct, parameters.ToArray());
    }

    /// <summary>In the range and not removed.</summary>
    public static bool InRange(ArticleView article, Backfill backfill) =>
        article.RemovedAt is null && article.IngestedAt < backfill.To && (backfill.From is not { } from || article.IngestedAt >= from);
}
