using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace MediaMonitor.Watchlists;

public sealed record ChangeWatchlistTerms(IReadOnlyList<WatchTermInput?>? Terms);

public static class ChangeWatchlistTermsEndpoint
{
    public static Decision Decide(Watchlist current, ChangeWatchlistTerms command, DateTimeOffset now)
    {
        if (current.State == WatchlistState.Archived) return ChangeWatchlist.RefuseArchived(current);
        var errors = new ValidationErrors();
        var terms = WatchlistInput.CheckTerms(command.Terms, errors, hasRule: current.Rule is not null);
        if (errors.Any) return new Decision.Refuse(Problems.Invalid(errors));
        return terms.SequenceEqual(current.Terms)
            ? new Decision.NoChange()
            : new Decision.Append(new WatchlistTermsChanged(current.Id, terms, now));
    }

    [WolverinePut("/api/watchlists/{id}/terms"), Authorize(Policy = Scopes.Admin), Tags("Watchlists")]
    [ProducesResponseType<WatchlistResponse>(200), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409), ProducesResponseType<ValidationProblemDetails>(422)]
    public static Task<IResult> Put(Guid id, ChangeWatchlistTerms command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        ChangeWatchlist.ApplyAsync(session, id, w => Decide(w, command, clock.GetUtcNow()), ct);
}
