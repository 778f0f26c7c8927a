using MediaMonitor.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace MediaMonitor.Feeds;

/// <summary>Deleting is final: the feed is not polled again; it and its history stay readable, and the articles it
/// brought stay. Its URL may be added again as a new feed. Deleting it again changes nothing.</summary>
public static class DeleteFeedEndpoint
{
    public static Events Decide(Feed feed, DateTimeOffset now) => feed.State == FeedState.Deleted ? [] : [new FeedDeleted(feed.Id, now)];

    [WolverineDelete("/api/feeds/{id}"), Authorize(Policy = Scopes.Admin), Tags("Feeds")]
    [ProducesResponseType(204), ProducesResponseType<ProblemDetails>(404)]
    public static (IResult, Events) Delete(
        [WriteAggregate(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = FeedInput.Missing)] Feed feed, TimeProvider clock) =>
        (Results.NoContent(), Decide(feed, clock.GetUtcNow()));
}
