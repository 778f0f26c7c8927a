using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace MediaMonitor.Watchlists;

/// <summary>Sets the boolean rule; an empty or null rule removes it (only when the watchlist keeps terms).</summary>
public sealed record ChangeWatchlistRule(string? Rule);

public static class ChangeWatchlistRuleEndpoint
{
    public static ProblemDetails Validate(ChangeWatchlistRule command, Watchlist watchlist)
    {
        if (WatchlistInput.RefuseArchived(watchlist) is { } refused) return refused;
        if (WatchlistInput.ParseRule(command.Rule, out var rule) is { } problem) return problem;
        if (rule is not null || watchlist.Terms.Count > 0) return WolverineContinue.NoProblems;
        var errors = new ValidationErrors();
        errors.Add("rule", "This watchlist has no terms, so it needs its rule.");
        return Problems.InvalidDetails(errors);
    }

    /// <summary>The rule has passed <see cref="Validate"/>: it parses.</summary>
    public static Events Decide(Watchlist watchlist, ChangeWatchlistRule command, DateTimeOffset now)
    {
        var rule = WatchlistInput.CheckRule(command.Rule);
        return rule == watchlist.Rule ? [] : [new WatchlistRuleChanged(watchlist.Id, rule, now)];
    }

    [WolverinePut("/api/watchlists/{id}/rule"), Authorize(Policy = Scopes.Admin), Tags("Watchlists")]
    [ProducesResponseType<Watchlist>(200), ProducesResponseType<ProblemDetails>(400), ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409), ProducesResponseType<ValidationProblemDetails>(422)]
    public static (UpdatedAggregate, Events) Put(ChangeWatchlistRule command,
        [WriteAggregate(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = WatchlistInput.Missing)] Watchlist watchlist, TimeProvider clock) =>
        (new UpdatedAggregate(), Decide(watchlist, command, clock.GetUtcNow()));
}
