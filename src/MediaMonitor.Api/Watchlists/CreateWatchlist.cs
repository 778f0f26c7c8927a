using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace MediaMonitor.Watchlists;

public sealed record CreateWatchlist(string? Name, IReadOnlyList<WatchTermInput?>? Terms);

public static class CreateWatchlistEndpoint
{
    public static (WatchlistCreated? Created, ValidationErrors Errors) Decide(CreateWatchlist command, Guid id, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        var name = WatchlistInput.CheckName(command.Name, errors);
        var terms = WatchlistInput.CheckTerms(command.Terms, errors);
        return errors.Any ? (null, errors) : (new WatchlistCreated(id, name!, terms, now), errors);
    }

    [WolverinePost("/api/watchlists"), Authorize(Policy = Scopes.Admin), Tags("Watchlists")]
    [ProducesResponseType<WatchlistResponse>(201), ProducesResponseType<ValidationProblemDetails>(422)]
    public static IResult Post(CreateWatchlist command, IDocumentSession session, TimeProvider clock)
    {
        var (created, errors) = Decide(command, Guid.CreateVersion7(), clock.GetUtcNow());
        if (created is null) return Problems.Invalid(errors);

        session.Events.StartStream<Watchlist>(created.WatchlistId, created);
        var watchlist = Watchlist.Create(created);
        watchlist.Version = 1;
        return Results.Created($"/api/watchlists/{created.WatchlistId}", WatchlistResponse.From(watchlist, null));
    }
}
