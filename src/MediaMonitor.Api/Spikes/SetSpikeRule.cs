using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using MediaMonitor.Watchlists;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace MediaMonitor.Spikes;

/// <summary>Sets (or replaces) a watchlist's spike rule. Durations in ISO-8601 or hh:mm:ss; <paramref name="Compare"/>
/// "sameHours" (the default) or "preceding"; <paramref name="MinimumCount"/> defaults to 5 and <paramref name="Cooldown"/> to 6 hours.</summary>
public sealed record SetSpikeRule(string? Window, string? Baseline, string? Compare, double? Sensitivity, int? MinimumCount = null, string? Cooldown = null);

public static class SetSpikeRuleEndpoint
{
    public static ProblemDetails Validate(SetSpikeRule command, Watchlist watchlist)
    {
        if (WatchlistInput.RefuseArchived(watchlist) is { } refused) return refused;
        var errors = new ValidationErrors();
        SpikeRuleInput.Check(command, errors);
        return errors.Any ? Problems.InvalidDetails(errors) : WolverineContinue.NoProblems;
    }

    /// <summary>The command has passed <see cref="Validate"/>.</summary>
    public static Events Decide(Watchlist watchlist, SetSpikeRule command, DateTimeOffset now)
    {
        var rule = SpikeRuleInput.Check(command, new ValidationErrors())!;
        return rule == watchlist.SpikeRule ? [] : [new WatchlistSpikeRuleSet(watchlist.Id, rule, now)];
    }

    /// <summary>Watches the watchlist's volume for surges from its next live match on; the matches counted so far (the last
    /// 29 days of them) are its history.</summary>
    [WolverinePut("/api/watchlists/{id}/spike-rule"), Authorize(Policy = Scopes.Admin), Tags("Spikes")]
    [ProducesResponseType<Watchlist>(200), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409),
     ProducesResponseType<ValidationProblemDetails>(422)]
    public static (UpdatedAggregate, Events) Put(SetSpikeRule command,
        [WriteAggregate(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = WatchlistInput.Missing)] Watchlist watchlist, TimeProvider clock) =>
        (new UpdatedAggregate(), Decide(watchlist, command, clock.GetUtcNow()));
}
