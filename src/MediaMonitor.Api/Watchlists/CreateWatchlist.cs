using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace MediaMonitor.Watchlists;

public sealed record CreateWatchlist(string? Name, IReadOnlyList<WatchTermInput?>? Terms, string? Rule = null);

public static class CreateWatchlistEndpoint
{
    public static ProblemDetails Validate(CreateWatchlist command)
    {
        if (WatchlistInput.ParseRule(command.Rule, out var rule) is { } problem) return problem;
        var errors = new ValidationErrors();
        WatchlistInput.CheckName(command.Name, errors);
        WatchlistInput.CheckTerms(command.Terms, errors, hasRule: rule is not null);
        return errors.Any ? Problems.InvalidDetails(errors) : WolverineContinue.NoProblems;
    }

    /// <summary>The command has passed <see cref="Validate"/>.</summary>
    public static WatchlistCreated Decide(CreateWatchlist command, Guid id, DateTimeOffset now)
    {
        var rule = WatchlistInput.CheckRule(command.Rule);
        var errors = new ValidationErrors();
        var name = WatchlistInput.CheckName(command.Name, errors)!;
        var terms = WatchlistInput.CheckTerms(command.Terms, errors, hasRule: rule is not null);
        return new WatchlistCreated(id, name, terms, now, rule);
    }

    [WolverinePost("/api/watchlists"), Authorize(Policy = Scopes.Admin), Tags("Watchlists")]
    [ProducesResponseType<WatchlistResponse>(201), ProducesResponseType<ProblemDetails>(400), ProducesResponseType<ValidationProblemDetails>(422)]
    public static (IResult, IStartStream) Post(CreateWatchlist command, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var created = Decide(command, Guid.CreateVersion7(now), now);
        // The answer is the new stream's first state: the creation event folded, at version 1, and no matches yet.
        var watchlist = Watchlist.Create(created);
        watchlist.Version = 1;
        return (Results.Created($"/api/watchlists/{created.WatchlistId}", WatchlistResponse.From(watchlist, null)),
            MartenOps.StartStream<Watchlist>(created.WatchlistId, created));
    }
}
