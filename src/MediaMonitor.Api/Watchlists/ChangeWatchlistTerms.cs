using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace MediaMonitor.Watchlists;

public sealed record ChangeWatchlistTerms(IReadOnlyList<WatchTermInput?>? Terms);

public static class ChangeWatchlistTermsEndpoint
{
    public static ProblemDetails Validate(ChangeWatchlistTerms command, Watchlist watchlist)
    {
        if (WatchlistInput.RefuseArchived(watchlist) is { } refused) return refused;
        var errors = new ValidationErrors();
        WatchlistInput.CheckTerms(command.Terms, errors, hasRule: watchlist.Rule is not null);
        return errors.Any ? Problems.InvalidDetails(errors) : WolverineContinue.NoProblems;
    }

    public static Events Decide(Watchlist watchlist, ChangeWatchlistTerms command, DateTimeOffset now)
    {
        var terms = WatchlistInput.CheckTerms(command.Terms, new ValidationErrors(), hasRule: watchlist.Rule is not null);
        return terms.SequenceEqual(watchlist.Terms) ? [] : [new WatchlistTermsChanged(watchlist.Id, terms, now)];
    }

    [WolverinePut("/api/watchlists/{id}/terms"), Authorize(Policy = Scopes.Admin), Tags("Watchlists")]
    [ProducesResponseType<Watchlist>(200), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409), ProducesResponseType<ValidationProblemDetails>(422)]
    public static (UpdatedAggregate, Events) Put(ChangeWatchlistTerms command,
        [WriteAggregate(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = WatchlistInput.Missing)] Watchlist watchlist, TimeProvider clock) =>
        (new UpdatedAggregate(), Decide(watchlist, command, clock.GetUtcNow()));
}
