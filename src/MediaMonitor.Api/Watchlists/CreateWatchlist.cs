using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using MediaMonitor.Matching.Rules;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace MediaMonitor.Watchlists;

public sealed record CreateWatchlist(string? Name, IReadOnlyList<WatchTermInput?>? Terms, string? Rule = null);

public static class CreateWatchlistEndpoint
{
    /// <exception cref="RuleSyntaxException">The rule cannot be parsed.</exception>
    public static (WatchlistCreated? Created, ValidationErrors Errors) Decide(CreateWatchlist command, Guid id, DateTimeOffset now)
    {
        var rule = WatchlistInput.CheckRule(command.Rule);
        var errors = new ValidationErrors();
        var name = WatchlistInput.CheckName(command.Name, errors);
        var terms = WatchlistInput.CheckTerms(command.Terms, errors, hasRule: rule is not null);
        return errors.Any ? (null, errors) : (new WatchlistCreated(id, name!, terms, now, rule), errors);
    }

    [WolverinePost("/api/watchlists"), Authorize(Policy = Scopes.Admin), Tags("Watchlists")]
    [ProducesResponseType<WatchlistResponse>(201), ProducesResponseType<ProblemDetails>(400), ProducesResponseType<ValidationProblemDetails>(422)]
    public static IResult Post(CreateWatchlist command, IDocumentSession session, TimeProvider clock)
    {
        WatchlistCreated? created;
        ValidationErrors errors;
        try
        {
            var now = clock.GetUtcNow();
            (created, errors) = Decide(command, Guid.CreateVersion7(now), now);
        }
        catch (RuleSyntaxException e)
        {
            return WatchlistInput.RuleProblem(e);
        }
        if (created is null) return Problems.Invalid(errors);

        session.Events.StartStream<Watchlist>(created.WatchlistId, created);
        var watchlist = Watchlist.Create(created);
        watchlist.Version = 1;
        return Results.Created($"/api/watchlists/{created.WatchlistId}", WatchlistResponse.From(watchlist, null));
    }
}
