using MediaMonitor.Infrastructure;
using MediaMonitor.Observability;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Marten;
using Wolverine.Persistence;
using Wolverine.Runtime.Handlers;

namespace MediaMonitor.Feeds;

/// <summary>Poll a feed now. Sent scheduled, one chain per feed: each poll schedules the next in its own transaction.</summary>
/// <param name="Generation">The feed's <see cref="Feed.Generation"/> when this chain started; a poll of an older one is dropped.</param>
public sealed record PollFeed(Guid FeedId, int Generation);

/// <summary>
/// One poll: fetch, parse, take the new items in as articles (through the same path as posted ones: duplicates,
/// matching, alerts, webhooks), then record the outcome on the feed and schedule the next poll, in one transaction
/// (Wolverine's outbox), so the schedule survives restarts and is never lost nor doubled. The articles commit first,
/// in transactions of their own: if this poll's transaction then fails, the retry finds them duplicates, so nothing is
/// taken twice. Scheduled messages are stored in PostgreSQL and each is handed to one node when due.
/// </summary>
public static class PollFeedHandler
{
    public const int MaxProblems = 20;
    public const int MaxProblemLength = 300;

    /// <summary>Longer than a poll can take: its feed request, its full-text pages (<see cref="FeedOptions.FullTextBudget"/>)
    /// and its articles' transactions. Wolverine cancels a handler after 60 s unless told.</summary>
    public const int TimeoutSeconds = 600;

    public static void Configure(HandlerChain chain)
    {
        chain.ExecutionTimeoutInSeconds = TimeoutSeconds;
        // What the feed does wrong is recorded on the feed (see PollAsync); what is left to retry is the database.
        chain.RetryUntilDone([TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)],
            TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5));
    }

    public static async Task<(Events, OutgoingMessages, IMartenOp)> Handle(
        PollFeed command, [WriteAggregate] Feed feed, IDocumentSession session, FeedFetcher fetcher, FeedItems items,
        IOptionsMonitor<FeedOptions> settings, IMessageContext context, DomainMetrics metrics, TimeProvider clock, CancellationToken ct)
    {
        if (feed.State != FeedState.Active || command.Generation != feed.Generation) return ([], [], MartenOps.Nothing());
        var check = await session.LoadAsync<FeedCheck>(feed.Id, ct) ?? new FeedCheck { Id = feed.Id };
        var outcome = await PollAsync(command, feed, check, session, fetcher, items, settings.CurrentValue, context, clock, ct);
        metrics.FeedPolled(check.Outcome);
        return outcome;
    }

    private static async Task<(Events, OutgoingMessages, IMartenOp)> PollAsync(
        PollFeed command, Feed feed, FeedCheck check, IQuerySession session, FeedFetcher fetcher, FeedItems items, FeedOptions options,
        IMessageContext context, TimeProvider clock, CancellationToken ct)
    {
        var events = new Events();
        var messages = new OutgoingMessages();
        var fetched = await fetcher.GetAsync(new Uri(feed.Url), FeedItems.FeedAccept, check.ETag, check.LastModified, null, ct);
        var now = clock.GetUtcNow();
        check.CheckedAt = now;
        check.Status = fetched.Status;

        if (fetched.Error is null && fetched.Status == 410)
        {
            events.Add(new FeedPaused(feed.Id, "The feed is gone (410 Gone).", now));
            return Paused(events, messages, check);
        }
        if (fetched.Error is { } error) return Failed(feed, error, fetched, events, messages, check, options, now, command);
        if (!fetched.NotModified && !fetched.Ok) return Failed(feed, $"The server answered {fetched.Status}.", fetched, events, messages, check, options, now, command);

        FeedDocument? document = null;
        if (!fetched.NotModified)
        {
            try
            {
                document = FeedParser.Parse(fetched.Body!, fetched.ContentType);
            }
            // Whatever a document does to the parsers is the feed's failure, recorded with the rest: were it thrown, the
            // poll would be retried for ever on the same document, with no backoff and no pause.
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var reason = e is FeedFormatException ? e.Message : $"The feed could not be read: {e.Message}";
                return Failed(feed, reason, fetched, events, messages, check, options, now, command);
            }
        }
        // A move is recorded once the new address has answered with a feed (a redirect to an error page moves nothing),
        // and not onto another feed's address: that feed polls it already, and this one keeps following the redirect.
        if (fetched.Moved && fetched.Url.AbsoluteUri != feed.Url && await FeedInput.ExistingAsync(session, fetched.Url, ct) is null)
            events.Add(new FeedMoved(feed.Id, feed.Url, fetched.Url.AbsoluteUri, now));

        if (document is null)
        {
            check.Outcome = FeedOutcome.NotModified;
            if (feed.ConsecutiveFailures > 0) events.Add(new FeedPolled(feed.Id, now, 0, [], 0, 0, 0, 0, []));
        }
        else
        {
            var taken = await items.TakeAsync(feed, document, context, now + options.FullTextBudget, ct);
            check.ETag = fetched.ETag;
            check.LastModified = fetched.LastModified;
            check.Outcome = taken.NewItemKeys.Count > 0 ? FeedOutcome.NewItems : FeedOutcome.NothingNew;
            if (taken.NewItemKeys.Count > 0 || feed.ConsecutiveFailures > 0)
            {
                events.Add(new FeedPolled(feed.Id, now, document.Entries.Count, taken.NewItemKeys, taken.Created, taken.Duplicates,
                    taken.Rejected, document.Skipped, document.Problems.Concat(taken.Problems).Take(MaxProblems).Select(Shorten).ToList()));
            }
        }

        check.NextPollAt = FeedSchedule.AfterSuccess(feed, now);
        messages.Schedule(command, check.NextPollAt.Value);
        return (events, messages, MartenOps.Store(check));
    }

    private static (Events, OutgoingMessages, IMartenOp) Failed(
        Feed feed, string reason, Fetched fetched, Events events, OutgoingMessages messages, FeedCheck check, FeedOptions options,
        DateTimeOffset now, PollFeed command)
    {
        var failures = feed.ConsecutiveFailures + 1;
        var retryAt = FeedSchedule.AfterFailure(feed, failures, fetched.RetryAfter, options, now);
        events.Add(new FeedFailed(feed.Id, now, Shorten(reason), fetched.Status, retryAt));
        if (FeedSchedule.FailedTooLong(feed.FailingSince ?? now, options, now))
        {
            events.Add(new FeedPaused(feed.Id, Shorten($"Failing since {feed.FailingSince ?? now:u}: {reason}"), now));
            return Paused(events, messages, check);
        }
        check.Outcome = FeedOutcome.Failed;
        check.NextPollAt = retryAt;
        messages.Schedule(command, retryAt);
        return (events, messages, MartenOps.Store(check));
    }

    /// <summary>A problem as kept in the feed's history: its start, when an item's link or title made it long.</summary>
    public static string Shorten(string problem) => problem.Length <= MaxProblemLength ? problem : problem[..MaxProblemLength] + "…";

    private static (Events, OutgoingMessages, IMartenOp) Paused(Events events, OutgoingMessages messages, FeedCheck check)
    {
        check.Outcome = FeedOutcome.Paused;
        check.NextPollAt = null;
        return (events, messages, MartenOps.Store(check));
    }
}
