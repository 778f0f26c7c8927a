using MediaMonitor.Access;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace MediaMonitor.Feeds;

/// <summary>A paused feed is not polled: its scheduled poll finds it paused and schedules no other. Pausing it again
/// changes nothing.</summary>
public static class PauseFeedEndpoint
{
    public static ProblemDetails Validate(Feed feed) => FeedInput.RefuseDeleted(feed) ?? WolverineContinue.NoProblems;

    public static Events Decide(Feed feed, DateTimeOffset now) =>
        feed.State == FeedState.Paused ? [] : [new FeedPaused(feed.Id, null, now)];

    [WolverinePost("/api/feeds/{id}/pause"), Authorize(Policy = Scopes.Admin), Tags("Feeds")]
    [ProducesResponseType<FeedResponse>(200), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409)]
    public static async Task<(IResult, Events)> Post(
        [WriteAggregate(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = FeedInput.Missing)] Feed feed,
        IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var events = Decide(feed, clock.GetUtcNow());
        return (await FeedCommand.AnswerAsync(feed, events, session, ct), events);
    }
}
