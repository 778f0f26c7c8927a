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

    public static void Configure(HandlerChain chain) =>
        chain.RetryUntilDone([TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)],
            TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5));

    public static async Task<(Events, OutgoingMessages, IMartenOp)> Handle(
        PollFeed command, [WriteAggregate] Feed feed, IDocumentSession session, FeedFetcher fetcher, FeedItems items,
        IOptionsMonitor<FeedOptions> settings, IMessageContext context, DomainMetrics metrics, TimeProvider clock, CancellationToken ct)
    {
        if (feed.State != FeedState.Active || command.Generation != feed.Generation) return ([], [], MartenOps.Nothing());
        var check = await session.LoadAsync<FeedCheck>(feed.Id, ct) ?? new FeedCheck { Id = feed.Id };
        var outcome = await PollAsync(command, feed, check, fetcher, items, settings.CurrentValue, context, clock, ct);
        metrics.FeedPolled(check.Outcome);
        return outcome;
    }

    private static async Task<(Events, OutgoingMessages, IMartenOp)> PollAsync(
        PollFeed command, Feed feed, FeedCheck check, FeedFetcher fetcher, FeedItems items, FeedOptions options,
        IMessageContext context, TimeProvider clock, CancellationToken ct)
    {
        var events = new Events();
        var messages = new OutgoingMessages();
        var fetched = await fetcher.GetAsync(new Uri(feed.Url), FeedItems.FeedAccept, check.ETag, check.LastModified, ct);
        var now = clock.GetUtcNow();
        if (fetched.Moved && fetched.Url.AbsoluteUri != feed.Url) events.Add(new FeedMoved(feed.Id, feed.Url, fetched.Url.AbsoluteUri, now));
        check.CheckedAt = now;
        check.Status = fetched.Status;

        string? failure = fetched.Error;
        if (failure is null && fetched.Status == 410)
        {
            events.Add(new FeedPaused(feed.Id, "The feed is gone (410 Gone).", now));
            return Paused(events, messages, check);
        }
        if (failure is null && !fetched.NotModified && !fetched.Ok) failure = $"The server answered {fetched.Status}.";

        if (failure is null && fetched.NotModified)
        {
            check.Outcome = FeedOutcome.NotModified;
            if (feed.ConsecutiveFailures > 0) events.Add(new FeedPolled(feed.Id, now, 0, [], 0, 0, 0, 0, []));
        }
        else if (failure is null)
        {
            FeedDocument document;
            try
            {
                document = FeedParser.Parse(fetched.Body!, fetched.ContentType);
            }
            catch (FeedFormatException e)
            {
                return Failed(feed, e.Message, fetched, events, messages, check, options, now, command);
            }
            var taken = await items.TakeAsync(feed, document, context, ct);
            check.ETag = fetched.ETag;
            check.LastModified = fetched.LastModified;
            check.Outcome = taken.NewItemKeys.Count > 0 ? FeedOutcome.NewItems : FeedOutcome.NothingNew;
            if (taken.NewItemKeys.Count > 0 || feed.ConsecutiveFailures > 0)
            {
                events.Add(new FeedPolled(feed.Id, now, document.Entries.Count, taken.NewItemKeys, taken.Created, taken.Duplicates,
                    taken.Rejected, document.Skipped, document.Problems.Concat(taken.Problems).Take(MaxProblems).ToList()));
            }
        }
        else
        {
            return Failed(feed, failure, fetched, events, messages, check, options, now, command);
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
        events.Add(new FeedFailed(feed.Id, now, reason, fetched.Status, retryAt));
        if (FeedSchedule.FailedTooLong(feed.FailingSince ?? now, options, now))
        {
            events.Add(new FeedPaused(feed.Id, $"Failing since {feed.FailingSince ?? now:u}: {reason}", now));
            return Paused(events, messages, check);
        }
        check.Outcome = FeedOutcome.Failed;
        check.NextPollAt = retryAt;
        messages.Schedule(command, retryAt);
        return (events, messages, MartenOps.Store(check));
    }

    private static (Events, OutgoingMessages, IMartenOp) Paused(Events events, OutgoingMessages messages, FeedCheck check)
    {
        check.Outcome = FeedOutcome.Paused;
        check.NextPollAt = null;
        return (events, messages, MartenOps.Store(check));
    }
}
