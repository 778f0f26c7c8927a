using MediaMonitor.Watchlists;
using MediaMonitor.Infrastructure;

namespace MediaMonitor.Api.Tests.Watchlists;

public sealed class WatchlistDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static Watchlist In(WatchlistState state) => new()
    {
        Id = Guid.NewGuid(), Name = "Rockets", Terms = [new WatchTerm("rocket attack", "en")], State = state, Version = 3,
    };

    [Fact]
    public void when_an_active_watchlist_is_paused_a_pause_is_recorded() =>
        Assert.IsType<WatchlistPaused>(Assert.IsType<Decision.Append>(ChangeWatchlistStateEndpoints.Pause(In(WatchlistState.Active), Now)).Event);

    [Fact]
    public void when_a_paused_watchlist_is_paused_again_nothing_changes() =>
        Assert.IsType<Decision.NoChange>(ChangeWatchlistStateEndpoints.Pause(In(WatchlistState.Paused), Now));

    [Fact]
    public void when_an_active_watchlist_is_resumed_nothing_changes() =>
        Assert.IsType<Decision.NoChange>(ChangeWatchlistStateEndpoints.Resume(In(WatchlistState.Active), Now));

    [Theory]
    [InlineData("pause")]
    [InlineData("resume")]
    [InlineData("terms")]
    [InlineData("rename")]
    public void when_an_archived_watchlist_is_changed_the_change_is_refused(string change)
    {
        var archived = In(WatchlistState.Archived);
        var decision = change switch
        {
            "pause" => ChangeWatchlistStateEndpoints.Pause(archived, Now),
            "resume" => ChangeWatchlistStateEndpoints.Resume(archived, Now),
            "terms" => ChangeWatchlistTermsEndpoint.Decide(archived, new ChangeWatchlistTerms([new WatchTermInput("drone", "en")]), Now),
            _ => RenameWatchlistEndpoint.Decide(archived, new RenameWatchlist("Drones"), Now),
        };
        Assert.IsType<Decision.Refuse>(decision);
    }

    [Fact]
    public void when_the_terms_given_are_the_current_terms_nothing_changes() =>
        Assert.IsType<Decision.NoChange>(ChangeWatchlistTermsEndpoint.Decide(
            In(WatchlistState.Active), new ChangeWatchlistTerms([new WatchTermInput(" rocket attack ", "EN")]), Now));

    [Fact]
    public void when_a_watchlist_is_created_repeated_terms_are_kept_once_and_the_name_trimmed()
    {
        var id = Guid.NewGuid();
        var (created, errors) = CreateWatchlistEndpoint.Decide(new CreateWatchlist("  Drones ",
            [new WatchTermInput("drone strike", "en"), new WatchTermInput("drone strike ", "en"), new WatchTermInput("مسيرة", "ar")]), id, Now);

        Assert.False(errors.Any);
        Assert.Equal(id, created!.WatchlistId);
        Assert.Equal("Drones", created.Name);
        Assert.Equal([new WatchTerm("drone strike", "en"), new WatchTerm("مسيرة", "ar")], created.Terms);
    }

    [Fact]
    public void when_a_watchlist_has_no_name_and_no_terms_both_are_reported()
    {
        var (created, errors) = CreateWatchlistEndpoint.Decide(new CreateWatchlist(" ", []), Guid.NewGuid(), Now);

        Assert.Null(created);
        Assert.Equal(["name", "terms"], errors.ToDictionary().Keys.Order());
    }

    [Fact]
    public void when_a_change_is_folded_in_the_version_moves_on()
    {
        var w = In(WatchlistState.Active);
        w.Advance(new WatchlistRenamed(w.Id, "Rocket fire", Now));
        Assert.Equal(4, w.Version);
        Assert.Equal("Rocket fire", w.Name);
        Assert.Equal(Now, w.UpdatedAt);
    }
}
