using MediaMonitor.Watchlists;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace MediaMonitor.Api.Tests.Watchlists;

public sealed class WatchlistRuleDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static Watchlist With(string? rule, params WatchTerm[] terms) => new()
    {
        Id = Guid.NewGuid(), Name = "Attacks", Terms = terms, Rule = rule, State = WatchlistState.Active, Version = 2,
    };

    [Fact]
    public void when_a_new_rule_is_given_a_rule_change_is_recorded_trimmed()
    {
        var events = ChangeWatchlistRuleEndpoint.Decide(With(null, new WatchTerm("drone", "en")), new ChangeWatchlistRule("  drone NEAR/2 strike "), Now);

        Assert.Equal("drone NEAR/2 strike", Assert.IsType<WatchlistRuleChanged>(Assert.Single(events)).Rule);
    }

    [Fact]
    public void when_the_rule_is_unchanged_nothing_is_recorded() =>
        Assert.Empty(ChangeWatchlistRuleEndpoint.Decide(With("drone AND strike"), new ChangeWatchlistRule("drone AND strike"), Now));

    [Fact]
    public void when_the_rule_of_a_watchlist_with_terms_is_removed_the_removal_is_recorded()
    {
        var events = ChangeWatchlistRuleEndpoint.Decide(With("drone AND strike", new WatchTerm("drone", "en")), new ChangeWatchlistRule(" "), Now);

        Assert.Null(Assert.IsType<WatchlistRuleChanged>(Assert.Single(events)).Rule);
    }

    [Fact]
    public void when_the_rule_of_a_watchlist_without_terms_is_removed_it_is_refused_naming_the_rule()
    {
        var problem = Assert.IsType<ValidationProblemDetails>(ChangeWatchlistRuleEndpoint.Validate(new ChangeWatchlistRule(null), With("drone AND strike")));
        Assert.Equal(["rule"], problem.Errors.Keys);
    }

    [Fact]
    public void when_the_rule_cannot_be_parsed_it_is_refused_with_the_position_of_the_error()
    {
        var problem = ChangeWatchlistRuleEndpoint.Validate(new ChangeWatchlistRule("drone AND"), With(null, new WatchTerm("drone", "en")));

        Assert.Equal(400, problem.Status);
        Assert.True((int)problem.Extensions["position"]! >= 0);
    }

    [Fact]
    public void when_a_watchlist_is_created_with_a_rule_and_no_terms_it_is_accepted()
    {
        var command = new CreateWatchlist("Attacks", null, "drone NEAR/2 strike");

        Assert.True(ReferenceEquals(CreateWatchlistEndpoint.Validate(command), WolverineContinue.NoProblems));
        var created = CreateWatchlistEndpoint.Decide(command, Guid.NewGuid(), Now);
        Assert.Equal("drone NEAR/2 strike", created.Rule);
        Assert.Empty(created.Terms);
    }
}
