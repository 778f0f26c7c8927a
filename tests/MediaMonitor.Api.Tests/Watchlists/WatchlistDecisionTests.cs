using MediaMonitor.Watchlists;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace MediaMonitor.Api.Tests.Watchlists;

public sealed class WatchlistDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static Watchlist In(WatchlistState state) => new()
    {
        Id = Guid.NewGuid(), Name = "Rockets", Terms = [new WatchTerm("rocket attack", "en")], State = state, Version = 3,
    };

    private static bool GoesOn(ProblemDetails problem) => ReferenceEquals(problem, WolverineContinue.NoProblems);

    [Fact]
    public void when_an_active_watchlist_is_paused_a_pause_is_recorded() =>
        Assert.IsType<WatchlistPaused>(Assert.Single(PauseWatchlistEndpoint.Decide(In(WatchlistState.Active), Now)));

    [Fact]
    public void when_a_paused_watchlist_is_paused_again_nothing_changes() =>
        Assert.Empty(PauseWatchlistEndpoint.Decide(In(WatchlistState.Paused), Now));

    [Fact]
    public void when_an_active_watchlist_is_resumed_nothing_changes() =>
        Assert.Empty(ResumeWatchlistEndpoint.Decide(In(WatchlistState.Active), Now));

    [Fact]
    public void when_an_archived_watchlist_is_archived_again_nothing_changes() =>
        Assert.Empty(ArchiveWatchlistEndpoint.Decide(In(WatchlistState.Archived), Now));

    [Theory]
    [InlineData("pause")]
    [InlineData("resume")]
    [InlineData("terms")]
    [InlineData("rename")]
    [InlineData("rule")]
    public void when_an_archived_watchlist_is_changed_the_change_is_refused_as_a_conflict(string change)
    {
        var archived = In(WatchlistState.Archived);
        var problem = change switch
        {
            "pause" => PauseWatchlistEndpoint.Validate(archived),
            "resume" => ResumeWatchlistEndpoint.Validate(archived),
            "terms" => ChangeWatchlistTermsEndpoint.Validate(new ChangeWatchlistTerms([new WatchTermInput("drone", "en")]), archived),
            "rule" => ChangeWatchlistRuleEndpoint.Validate(new ChangeWatchlistRule("drone"), archived),
            _ => RenameWatchlistEndpoint.Validate(new RenameWatchlist("Drones"), archived),
        };
        Assert.Equal(409, problem.Status);
    }

    [Fact]
    public void when_an_active_watchlist_is_paused_or_resumed_the_command_goes_on()
    {
        Assert.True(GoesOn(PauseWatchlistEndpoint.Validate(In(WatchlistState.Active))));
        Assert.True(GoesOn(ResumeWatchlistEndpoint.Validate(In(WatchlistState.Paused))));
    }

    [Fact]
    public void when_the_terms_given_are_the_current_terms_nothing_changes() =>
        Assert.Empty(ChangeWatchlistTermsEndpoint.Decide(
            In(WatchlistState.Active), new ChangeWatchlistTerms([new WatchTermInput(" rocket attack ", "EN")]), Now));

    [Fact]
    public void when_a_watchlist_is_renamed_the_new_name_is_recorded_trimmed()
    {
        var w = In(WatchlistState.Active);
        var renamed = Assert.IsType<WatchlistRenamed>(Assert.Single(RenameWatchlistEndpoint.Decide(w, new RenameWatchlist("  Rocket fire "), Now)));
        Assert.Equal((w.Id, "Rocket fire", Now), (renamed.WatchlistId, renamed.Name, renamed.At));
    }

    [Fact]
    public void when_a_watchlist_is_renamed_to_a_blank_name_it_is_refused_naming_the_field()
    {
        var problem = Assert.IsType<ValidationProblemDetails>(RenameWatchlistEndpoint.Validate(new RenameWatchlist("  "), In(WatchlistState.Active)));
        Assert.Equal(422, problem.Status);
        Assert.Equal(["name"], problem.Errors.Keys);
    }

    [Fact]
    public void when_a_watchlist_is_created_repeated_terms_are_kept_once_and_the_name_trimmed()
    {
        var id = Guid.NewGuid();
        var command = new CreateWatchlist("  Drones ",
            [new WatchTermInput("drone strike", "en"), new WatchTermInput("drone strike ", "en"), new WatchTermInput("مسيرة", "ar")]);

        Assert.True(GoesOn(CreateWatchlistEndpoint.Validate(command)));
        var created = CreateWatchlistEndpoint.Decide(command, id, Now);
        Assert.Equal(id, created.WatchlistId);
        Assert.Equal("Drones", created.Name);
        Assert.Equal([new WatchTerm("drone strike", "en"), new WatchTerm("مسيرة", "ar")], created.Terms);
    }

    [Fact]
    public void when_a_watchlist_has_no_name_and_no_terms_both_are_reported()
    {
        var problem = Assert.IsType<ValidationProblemDetails>(CreateWatchlistEndpoint.Validate(new CreateWatchlist(" ", [])));

        Assert.Equal(422, problem.Status);
        Assert.Equal(["name", "terms"], problem.Errors.Keys.Order());
    }
}
