using MediaMonitor.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace MediaMonitor.Watchlists;

/// <summary>Archiving is final: an archived watchlist raises nothing and takes no change. Archiving it again changes nothing.</summary>
public static class ArchiveWatchlistEndpoint
{
    public static Events Decide(Watchlist watchlist, DateTimeOffset now) =>
        watchlist.State == WatchlistState.Archived ? [] : [new WatchlistArchived(watchlist.Id, now)];

    [WolverinePost("/api/watchlists/{id}/archive"), Authorize(Policy = Scopes.Admin), Tags("Watchlists")]
    [ProducesResponseType<Watchlist>(200), ProducesResponseType<ProblemDetails>(404)]
    public static (UpdatedAggregate, Events) Post(
        [WriteAggregate(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = WatchlistInput.Missing)] Watchlist watchlist, TimeProvider clock) =>
        (new UpdatedAggregate(), Decide(watchlist, clock.GetUtcNow()));
}
