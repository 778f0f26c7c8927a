using MediaMonitor.Alerts;
using MediaMonitor.Infrastructure;

namespace MediaMonitor.Api.Tests.Alerts;

public sealed class AlertDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static AlertView In(AlertState state)
    {
        var alert = new AlertView { Id = Guid.NewGuid(), RaisedAt = Now.AddHours(-2) };
        if (state != AlertState.Open) alert = alert.After(new AlertAcknowledged(alert.Id, null, "ops", Now.AddHours(-1)));
        if (state == AlertState.Dismissed) alert = alert.After(new AlertDismissed(alert.Id, null, "ops", Now.AddMinutes(-30)));
        return alert;
    }

    private static Decision Acknowledge(AlertState state, string? note = null) =>
        AcknowledgeAlertEndpoint.Decide(In(state), new AcknowledgeAlert(note), "ops", Now);

    private static Decision Dismiss(AlertState state, string? note = null) =>
        DismissAlertEndpoint.Decide(In(state), new DismissAlert(note), "ops", Now);

    [Fact]
    public void when_an_open_alert_is_acknowledged_the_acknowledgement_is_recorded_with_actor_note_and_time()
    {
        var open = In(AlertState.Open);

        var decision = AcknowledgeAlertEndpoint.Decide(open, new AcknowledgeAlert("  on it "), "ops", Now);

        var e = Assert.IsType<AlertAcknowledged>(Assert.IsType<Decision.Append>(decision).Event);
        Assert.Equal(new AlertAcknowledged(open.Id, "on it", "ops", Now), e);
    }

    [Fact]
    public void when_an_acknowledged_alert_is_acknowledged_again_nothing_changes() =>
        Assert.IsType<Decision.NoChange>(Acknowledge(AlertState.Acknowledged, "again"));

    [Fact]
    public void when_a_dismissed_alert_is_acknowledged_the_change_is_refused() =>
        Assert.IsType<Decision.Refuse>(Acknowledge(AlertState.Dismissed));

    [Theory]
    [InlineData(AlertState.Open)]
    [InlineData(AlertState.Acknowledged)]
    public void when_an_open_or_acknowledged_alert_is_dismissed_the_dismissal_is_recorded(AlertState state)
    {
        var e = Assert.IsType<AlertDismissed>(Assert.IsType<Decision.Append>(Dismiss(state, "noise")).Event);
        Assert.Equal(("noise", "ops", Now), (e.Note, e.Actor, e.At));
    }

    [Fact]
    public void when_a_dismissed_alert_is_dismissed_again_nothing_changes() =>
        Assert.IsType<Decision.NoChange>(Dismiss(AlertState.Dismissed));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void when_the_note_is_missing_or_blank_the_change_has_no_note(string? note) =>
        Assert.Null(Assert.IsType<AlertAcknowledged>(Assert.IsType<Decision.Append>(Acknowledge(AlertState.Open, note)).Event).Note);

    [Fact]
    public void when_the_note_is_1000_characters_after_trimming_it_is_kept_whole()
    {
        var note = new string('n', ChangeAlert.MaxNoteLength);
        var e = Assert.IsType<AlertDismissed>(Assert.IsType<Decision.Append>(Dismiss(AlertState.Open, $"  {note}  ")).Event);
        Assert.Equal(note, e.Note);
    }

    [Theory]
    [InlineData(AlertState.Open)]
    [InlineData(AlertState.Acknowledged)]
    [InlineData(AlertState.Dismissed)]
    public void when_the_note_is_too_long_or_unstorable_the_change_is_refused_whatever_the_state(AlertState state)
    {
        var tooLong = new string('n', ChangeAlert.MaxNoteLength + 1);
        Assert.IsType<Decision.Refuse>(Acknowledge(state, tooLong));
        Assert.IsType<Decision.Refuse>(Dismiss(state, tooLong));
        Assert.IsType<Decision.Refuse>(Acknowledge(state, "nul\0"));
        Assert.IsType<Decision.Refuse>(Dismiss(state, "half \ud800 a pair"));
    }
}
