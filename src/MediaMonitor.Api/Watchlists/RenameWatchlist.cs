using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace MediaMonitor.Watchlists;

public sealed record RenameWatchlist(string? Name);

public static class RenameWatchlistEndpoint
{
    public static Decision Decide(Watchlist current, RenameWatchlist command, DateTimeOffset now)
    {
        if (current.State == WatchlistState.Archived) return ChangeWatchlist.RefuseArchived(current);
        var errors = new ValidationErrors();
        var name = WatchlistInput.CheckName(command.Name, errors);
        if (errors.Any) return new Decision.Refuse(Problems.Invalid(errors));
        return name == current.Name
            ? new Decision.NoChange()
            : new Decision.Append(new WatchlistRenamed(current.Id, name!, now));
    }

    [WolverinePut("/api/watchlists/{id}/name"), Authorize(Policy = Scopes.Admin), Tags("Watchlists")]
    [ProducesResponseType<WatchlistResponse>(200), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409), ProducesResponseType<ValidationProblemDetails>(422)]
    public static Task<IResult> Put(Guid id, RenameWatchlist command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        ChangeWatchlist.ApplyAsync(session, id, w => Decide(w, command, clock.GetUtcNow()), ct);
}
