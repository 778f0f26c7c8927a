using MediaMonitor.Alerts;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace MediaMonitor.Api.Tests.Alerts;

public sealed class AlertDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static Alert In(AlertState state)
    {
        var alert = new Alert { Id = Guid.NewGuid(), RaisedAt = Now.AddHours(-2) };
        if (state != AlertState.Open) alert.Apply(new AlertAcknowledged(alert.Id, null, "ops", Now.AddHours(-1)));
        if (state == AlertState.Dismissed) alert.Apply(new AlertDismissed(alert.Id, null, "ops", Now.AddMinutes(-30)));
        return alert;
    }

    private static object? Acknowledged(AlertState state, string? note = null) =>
        AcknowledgeAlertEndpoint.Decide(In(state), new AcknowledgeAlert(note), "ops", Now).SingleOrDefault();

    private static object? Dismissed(AlertState state, string? note = null) =>
        DismissAlertEndpoint.Decide(In(state), new DismissAlert(note), "ops", Now).SingleOrDefault();

    private static ProblemDetails AcknowledgeChecked(AlertState state, string? note) => AcknowledgeAlertEndpoint.Validate(new AcknowledgeAlert(note), In(state));

    private static ProblemDetails DismissChecked(string? note) => DismissAlertEndpoint.Validate(new DismissAlert(note));

    [Fact]
    public void when_an_open_alert_is_acknowledged_the_acknowledgement_is_recorded_with_actor_note_and_time()
    {
        var open = In(AlertState.Open);

        var e = Assert.Single(AcknowledgeAlertEndpoint.Decide(open, new AcknowledgeAlert("  on it "), "ops", Now));

        Assert.Equal(new AlertAcknowledged(open.Id, "on it", "ops", Now), e);
    }

    [Fact]
    public void when_an_acknowledged_alert_is_acknowledged_again_nothing_changes() =>
        Assert.Null(Acknowledged(AlertState.Acknowledged, "again"));

    [Fact]
    public void when_a_dismissed_alert_is_acknowledged_the_change_is_refused_as_a_conflict() =>
        Assert.Equal(409, AcknowledgeChecked(AlertState.Dismissed, null).Status);

    [Theory]
    [InlineData(AlertState.Open)]
    [InlineData(AlertState.Acknowledged)]
    public void when_an_open_or_acknowledged_alert_is_dismissed_the_dismissal_is_recorded(AlertState state)
    {
        var e = Assert.IsType<AlertDismissed>(Dismissed(state, "noise"));
        Assert.Equal(("noise", "ops", Now), (e.Note, e.Actor, e.At));
    }

    [Fact]
    public void when_a_dismissed_alert_is_dismissed_again_nothing_changes() =>
        Assert.Null(Dismissed(AlertState.Dismissed));

    [Fact]
    public void when_an_alert_changes_state_it_keeps_when_the_note_and_who_changed_it_in_its_history()
    {
        var alert = In(AlertState.Acknowledged);
        alert.Apply(new AlertDismissed(alert.Id, "noise", "desk", Now));
        Assert.Equal((AlertState.Dismissed, Now, "noise"), (alert.State, alert.StateChangedAt, alert.Note));
        Assert.Equal(new AlertStateChange(AlertState.Dismissed, Now, "desk", "noise"), alert.History[^1]);
        Assert.Equal(2, alert.History.Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void when_the_note_is_missing_or_blank_the_change_has_no_note(string? note) =>
        Assert.Null(Assert.IsType<AlertAcknowledged>(Acknowledged(AlertState.Open, note)).Note);

    [Fact]
    public void when_the_note_is_1000_characters_after_trimming_it_is_kept_whole()
    {
        var note = new string('n', AlertInput.MaxNoteLength);
        Assert.True(ReferenceEquals(DismissChecked($"  {note}  "), WolverineContinue.NoProblems));
        Assert.Equal(note, Assert.IsType<AlertDismissed>(Dismissed(AlertState.Open, $"  {note}  ")).Note);
    }

    [Theory]
    [InlineData(AlertState.Open)]
    [InlineData(AlertState.Acknowledged)]
    [InlineData(AlertState.Dismissed)]
    public void when_the_note_is_too_long_or_unstorable_the_change_is_refused_whatever_the_state(AlertState state)
    {
        var tooLong = new string('n', AlertInput.MaxNoteLength + 1);
        Assert.Equal(422, AcknowledgeChecked(state, tooLong).Status);
        Assert.Equal(422, DismissChecked(tooLong).Status);
        Assert.Equal(422, AcknowledgeChecked(state, "nul\0").Status);
        Assert.Equal(422, DismissChecked("half \ud800 a pair").Status);
    }
}
