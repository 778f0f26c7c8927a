using MediaMonitor.Access;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace MediaMonitor.Feeds;

/// <summary>A paused feed (by a user, or by the service: gone, failing too long) is polled again at once, its failures
/// forgiven. Resuming an active feed changes nothing.</summary>
public static class ResumeFeedEndpoint
{
    public static ProblemDetails Validate(Feed feed) => FeedInput.RefuseDeleted(feed) ?? WolverineContinue.NoProblems;

    public static Events Decide(Feed feed, DateTimeOffset now) =>
        feed.State == FeedState.Active ? [] : [new FeedResumed(feed.Id, now)];

    [WolverinePost("/api/feeds/{id}/resume"), Authorize(Policy = Scopes.Admin), Tags("Feeds")]
    [ProducesResponseType<FeedResponse>(200), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409)]
    public static async Task<(IResult, Events, OutgoingMessages)> Post(
        [WriteAggregate(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = FeedInput.Missing)] Feed feed,
        IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var events = Decide(feed, clock.GetUtcNow());
        var after = feed.After(events);
        OutgoingMessages poll = events.Count == 0 ? [] : [new PollFeed(feed.Id, after.Generation)];
        return (await FeedCommand.AnswerAsync(feed, events, session, ct), events, poll);
    }
}
