using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace MediaMonitor.Watchlists;

public sealed record RenameWatchlist(string? Name);

public static class RenameWatchlistEndpoint
{
    public static ProblemDetails Validate(RenameWatchlist command, Watchlist watchlist)
    {
        if (WatchlistInput.RefuseArchived(watchlist) is { } refused) return refused;
        var errors = new ValidationErrors();
        WatchlistInput.CheckName(command.Name, errors);
        return errors.Any ? Problems.InvalidDetails(errors) : WolverineContinue.NoProblems;
    }

    public static Events Decide(Watchlist watchlist, RenameWatchlist command, DateTimeOffset now)
    {
        var name = command.Name!.Trim();
        return name == watchlist.Name ? [] : [new WatchlistRenamed(watchlist.Id, name, now)];
    }

    [WolverinePut("/api/watchlists/{id}/name"), Authorize(Policy = Scopes.Admin), Tags("Watchlists")]
    [ProducesResponseType<Watchlist>(200), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409), ProducesResponseType<ValidationProblemDetails>(422)]
    public static (UpdatedAggregate, Events) Put(RenameWatchlist command,
        [WriteAggregate(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = WatchlistInput.Missing)] Watchlist watchlist, TimeProvider clock) =>
        (new UpdatedAggregate(), Decide(watchlist, command, clock.GetUtcNow()));
}
