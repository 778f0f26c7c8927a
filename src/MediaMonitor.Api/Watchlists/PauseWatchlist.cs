using MediaMonitor.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace MediaMonitor.Watchlists;

/// <summary>A paused watchlist raises nothing until resumed. Pausing it again changes nothing.</summary>
public static class PauseWatchlistEndpoint
{
    public static ProblemDetails Validate(Watchlist watchlist) => WatchlistInput.RefuseArchived(watchlist) ?? WolverineContinue.NoProblems;

    public static Events Decide(Watchlist watchlist, DateTimeOffset now) =>
        watchlist.State == WatchlistState.Paused ? [] : [new WatchlistPaused(watchlist.Id, now)];

    [WolverinePost("/api/watchlists/{id}/pause"), Authorize(Policy = Scopes.Admin), Tags("Watchlists")]
    [ProducesResponseType<Watchlist>(200), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409)]
    public static (UpdatedAggregate, Events) Post(
        [WriteAggregate(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = WatchlistInput.Missing)] Watchlist watchlist, TimeProvider clock) =>
        (new UpdatedAggregate(), Decide(watchlist, clock.GetUtcNow()));
}
