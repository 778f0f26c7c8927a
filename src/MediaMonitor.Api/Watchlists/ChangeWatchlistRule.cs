using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using MediaMonitor.Matching.Rules;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace MediaMonitor.Watchlists;

/// <summary>Sets the boolean rule; an empty or null rule removes it (only when the watchlist keeps terms).</summary>
public sealed record ChangeWatchlistRule(string? Rule);

public static class ChangeWatchlistRuleEndpoint
{
    /// <exception cref="RuleSyntaxException">The rule cannot be parsed.</exception>
    public static Decision Decide(Watchlist current, ChangeWatchlistRule command, DateTimeOffset now)
    {
        if (current.State == WatchlistState.Archived) return ChangeWatchlist.RefuseArchived(current);
        var rule = WatchlistInput.CheckRule(command.Rule);
        if (rule is null && current.Terms.Count == 0)
        {
            var errors = new ValidationErrors();
            errors.Add("rule", "This watchlist has no terms, so it needs its rule.");
            return new Decision.Refuse(Problems.Invalid(errors));
        }
        return rule == current.Rule
            ? new Decision.NoChange()
            : new Decision.Append(new WatchlistRuleChanged(current.Id, rule, now));
    }

    [WolverinePut("/api/watchlists/{id}/rule"), Authorize(Policy = Scopes.Admin), Tags("Watchlists")]
    [ProducesResponseType<WatchlistResponse>(200), ProducesResponseType<ProblemDetails>(400), ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409), ProducesResponseType<ValidationProblemDetails>(422)]
    public static async Task<IResult> Put(Guid id, ChangeWatchlistRule command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        try
        {
            return await ChangeWatchlist.ApplyAsync(session, id, w => Decide(w, command, clock.GetUtcNow()), ct);
        }
        catch (RuleSyntaxException e)
        {
            return WatchlistInput.RuleProblem(e);
        }
    }
}
