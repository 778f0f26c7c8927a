using MediaMonitor.Matching.Rules;
using MediaMonitor.Infrastructure;
using MediaMonitor.Watchlists;

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
        var decision = ChangeWatchlistRuleEndpoint.Decide(With(null, new WatchTerm("drone", "en")), new ChangeWatchlistRule("  drone NEAR/2 strike "), Now);

        var change = Assert.IsType<WatchlistRuleChanged>(Assert.IsType<Decision.Append>(decision).Event);
        Assert.Equal("drone NEAR/2 strike", change.Rule);
    }

    [Fact]
    public void when_the_rule_is_unchanged_nothing_is_recorded() =>
        Assert.IsType<Decision.NoChange>(ChangeWatchlistRuleEndpoint.Decide(With("drone AND strike"), new ChangeWatchlistRule("drone AND strike"), Now));

    [Fact]
    public void when_the_rule_of_a_watchlist_with_terms_is_removed_the_removal_is_recorded()
    {
        var decision = ChangeWatchlistRuleEndpoint.Decide(With("drone AND strike", new WatchTerm("drone", "en")), new ChangeWatchlistRule(" "), Now);

        Assert.Null(Assert.IsType<WatchlistRuleChanged>(Assert.IsType<Decision.Append>(decision).Event).Rule);
    }

    [Fact]
    public void when_the_rule_of_a_watchlist_without_terms_is_removed_it_is_refused() =>
        Assert.IsType<Decision.Refuse>(ChangeWatchlistRuleEndpoint.Decide(With("drone AND strike"), new ChangeWatchlistRule(null), Now));

    [Fact]
    public void when_the_rule_cannot_be_parsed_the_syntax_error_comes_out_with_its_position()
    {
        var error = Assert.Throws<RuleSyntaxException>(() =>
            ChangeWatchlistRuleEndpoint.Decide(With(null, new WatchTerm("drone", "en")), new ChangeWatchlistRule("drone AND"), Now));
        Assert.True(error.Position >= 0);
    }

    [Fact]
    public void when_a_watchlist_is_created_with_a_rule_and_no_terms_it_is_accepted()
    {
        var (created, errors) = CreateWatchlistEndpoint.Decide(new CreateWatchlist("Attacks", null, "drone NEAR/2 strike"), Guid.NewGuid(), Now);

        Assert.False(errors.Any);
        Assert.Equal("drone NEAR/2 strike", created!.Rule);
        Assert.Empty(created.Terms);
    }
}
