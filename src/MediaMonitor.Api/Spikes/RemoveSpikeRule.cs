using MediaMonitor.Access;
using MediaMonitor.Watchlists;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace MediaMonitor.Spikes;

/// <summary>Stops watching the watchlist for surges; its spikes stay. Removing a rule that is not there changes nothing.</summary>
public static class RemoveSpikeRuleEndpoint
{
    public static ProblemDetails Validate(Watchlist watchlist) => WatchlistInput.RefuseArchived(watchlist) ?? WolverineContinue.NoProblems;

    public static Events Decide(Watchlist watchlist, DateTimeOffset now) =>
        watchlist.SpikeRule is null ? [] : [new WatchlistSpikeRuleRemoved(watchlist.Id, now)];

    [WolverineDelete("/api/watchlists/{id}/spike-rule"), Authorize(Policy = Scopes.Admin), Tags("Spikes")]
    [ProducesResponseType<Watchlist>(200), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409)]
    public static (UpdatedAggregate, Events) Delete(
        [WriteAggregate(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = WatchlistInput.Missing)] Watchlist watchlist, TimeProvider clock) =>
        (new UpdatedAggregate(), Decide(watchlist, clock.GetUtcNow()));
}
