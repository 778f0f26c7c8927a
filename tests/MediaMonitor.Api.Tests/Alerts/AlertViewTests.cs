using MediaMonitor.Alerts;

namespace MediaMonitor.Api.Tests.Alerts;

public sealed class AlertViewTests
{
    private static readonly DateTimeOffset Raised = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Acknowledged = Raised.AddHours(1);
    private static readonly DateTimeOffset Dismissed = Raised.AddHours(2);

    private static AlertView Lived()
    {
        var alert = new AlertView { Id = Guid.NewGuid(), RaisedAt = Raised, WatchlistName = "Rockets" };
        return alert
            .After(new AlertAcknowledged(alert.Id, "looking", "ops", Acknowledged))
            .After(new AlertDismissed(alert.Id, null, "lead", Dismissed));
    }

    [Fact]
    public void each_change_moves_the_state_and_is_kept_in_the_history_in_order()
    {
        var alert = Lived();

        Assert.Equal((AlertState.Dismissed, Dismissed, (string?)null), (alert.State, alert.StateChangedAt, alert.Note));
        Assert.Equal(
            [new AlertStateChange(AlertState.Acknowledged, Acknowledged, "ops", "looking"), new AlertStateChange(AlertState.Dismissed, Dismissed, "lead", null)],
            alert.History);
    }

    [Fact]
    public void a_change_leaves_the_alert_it_was_folded_into_unchanged()
    {
        var open = new AlertView { Id = Guid.NewGuid(), RaisedAt = Raised };

        var acknowledged = open.After(new AlertAcknowledged(open.Id, null, "ops", Acknowledged));

        Assert.Equal((AlertState.Open, 0), (open.State, open.History.Count));
        Assert.Equal((AlertState.Acknowledged, 1), (acknowledged.State, acknowledged.History.Count));
    }

    [Fact]
    public void as_of_a_time_before_any_change_the_alert_is_open_with_no_history()
    {
        var then = Lived().AsOf(Acknowledged.AddTicks(-1));

        Assert.Equal((AlertState.Open, (DateTimeOffset?)null, (string?)null), (then.State, then.StateChangedAt, then.Note));
        Assert.Empty(then.History);
    }

    [Fact]
    public void as_of_the_instant_of_a_change_the_change_counts()
    {
        var then = Lived().AsOf(Acknowledged);

        Assert.Equal((AlertState.Acknowledged, (DateTimeOffset?)Acknowledged, "looking"), (then.State, then.StateChangedAt, then.Note));
        Assert.Single(then.History);
    }

    [Fact]
    public void as_of_a_time_after_every_change_the_alert_is_as_it_is_now()
    {
        var alert = Lived();

        var then = alert.AsOf(Dismissed.AddDays(1));

        Assert.Equal((alert.State, alert.StateChangedAt, alert.Note, alert.WatchlistName), (then.State, then.StateChangedAt, then.Note, then.WatchlistName));
        Assert.Equal(alert.History, then.History);
    }

    [Fact]
    public void looking_back_leaves_the_alert_as_it_is_now()
    {
        var alert = Lived();

        alert.AsOf(Raised);

        Assert.Equal((AlertState.Dismissed, 2), (alert.State, alert.History.Count));
    }

    [Fact]
    public void a_feed_cursor_reads_back_the_place_it_was_made_for()
    {
        var place = new AlertFeedAsOf.Cursor(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero).AddTicks(1234567), Guid.NewGuid());

        var cursor = AlertFeedAsOf.Cursor.Encode(place);

        Assert.Equal(place, AlertFeedAsOf.Cursor.Decode(cursor));
        Assert.DoesNotContain(cursor, c => c is '+' or '/' or '=');
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("!!!")]
    [InlineData("eyJ4IjoxfQ")]
    [InlineData("MjAyNi0xMS0yOVQwOTowMDowMC4wMDAwMDAwKzAwOjAw")]
    public void a_cursor_the_feed_did_not_make_reads_as_none(string cursor) =>
        Assert.Null(AlertFeedAsOf.Cursor.Decode(cursor));
}
