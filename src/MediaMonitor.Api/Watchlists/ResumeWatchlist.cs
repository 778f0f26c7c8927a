using MediaMonitor.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace MediaMonitor.Watchlists;

/// <summary>A resumed watchlist matches the articles ingested from now on. Resuming an active one changes nothing.</summary>
public static class ResumeWatchlistEndpoint
{
    public static ProblemDetails Validate(Watchlist watchlist) => WatchlistInput.RefuseArchived(watchlist) ?? WolverineContinue.NoProblems;

    public static Events Decide(Watchlist watchlist, DateTimeOffset now) =>
        watchlist.State == WatchlistState.Active ? [] : [new WatchlistResumed(watchlist.Id, now)];

    [WolverinePost("/api/watchlists/{id}/resume"), Authorize(Policy = Scopes.Admin), Tags("Watchlists")]
    [ProducesResponseType<Watchlist>(200), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409)]
    public static (UpdatedAggregate, Events) Post(
        [WriteAggregate(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = WatchlistInput.Missing)] Watchlist watchlist, TimeProvider clock) =>
        (new UpdatedAggregate(), Decide(watchlist, clock.GetUtcNow()));
}
