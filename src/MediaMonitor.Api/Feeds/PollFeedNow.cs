using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace MediaMonitor.Feeds;

/// <summary>Polls an active feed now, in the background (202); its schedule starts again from this poll.</summary>
public static class PollFeedNowEndpoint
{
    public static ProblemDetails Validate(Feed feed) => feed.State == FeedState.Active
        ? WolverineContinue.NoProblems
        : Problems.ConflictDetails($"Feed {feed.Id} is {feed.State.ToString().ToLowerInvariant()}; only an active feed is polled.");

    public static Events Decide(Feed feed, DateTimeOffset now) => [new FeedPollRequested(feed.Id, now)];

    [WolverinePost("/api/feeds/{id}/poll"), Authorize(Policy = Scopes.Admin), Tags("Feeds")]
    [ProducesResponseType<FeedResponse>(202), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409)]
    public static async Task<(IResult, Events, OutgoingMessages)> Post(
        [WriteAggregate(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = FeedInput.Missing)] Feed feed,
        IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var events = Decide(feed, clock.GetUtcNow());
        var after = feed.After(events);
        var answer = FeedResponse.From(after, await session.LoadAsync<FeedCheck>(feed.Id, ct));
        return (Results.Accepted($"/api/feeds/{feed.Id}", answer), events, [new PollFeed(feed.Id, after.Generation)]);
    }
}
