using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using MediaMonitor.Alerts;
using Marten;

namespace MediaMonitor.IntegrationTests.Alerts;

/// <summary>
/// Acknowledging and dismissing an alert: each change an event on the alert's stream, with the key's name and the
/// note, folded into the alert as its state and history; repeats are no-ops, a dismissed alert stays dismissed.
/// </summary>
public sealed class AlertLifecycle(AppFixture app) : ApiTest(app)
{
    [Fact]
    public async Task acknowledging_then_dismissing_records_actor_and_note_in_the_alerts_stream_and_in_the_alert()
    {
        var id = await RaiseAlert();

        var acknowledged = await Json(await PostJson($"/api/alerts/{id}/acknowledge", new { note = "  Checking with the desk.  " }), HttpStatusCode.OK);
        var dismissed = await Json(await PostJson($"/api/alerts/{id}/dismiss", new { note = "Old footage, not news." }), HttpStatusCode.OK);

        var events = await StreamOf(id);
        Assert.Equal(3, events.Count);
        Assert.IsType<AlertRaised>(events[0]);
        var ack = Assert.IsType<AlertAcknowledged>(events[1]);
        var dismissal = Assert.IsType<AlertDismissed>(events[2]);
        Assert.Equal((id, "Checking with the desk.", "admin"), (ack.AlertId, ack.Note, ack.Actor));
        Assert.Equal((id, "Old footage, not news.", "admin"), (dismissal.AlertId, dismissal.Note, dismissal.Actor));
        Assert.True(dismissal.At > ack.At);

        Assert.Equal(("Acknowledged", "Checking with the desk."), StateAndNote(acknowledged));
        Assert.Equal(ack.At, acknowledged["stateChangedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(("Dismissed", "Old footage, not news."), StateAndNote(dismissed));
        Assert.Equal(dismissal.At, dismissed["stateChangedAt"]!.GetValue<DateTimeOffset>());
        var expectedHistory = new[] { ("Acknowledged", ack.At, "admin", ack.Note), ("Dismissed", dismissal.At, "admin", dismissal.Note) };
        Assert.Equal(expectedHistory, History(dismissed));

        var detail = await Json(await Get($"/api/alerts/{id}"), HttpStatusCode.OK);
        Assert.Equal(("Dismissed", "Old footage, not news."), StateAndNote(detail));
        Assert.Equal(expectedHistory, History(detail));
        var item = Assert.Single((await Json(await Get("/api/alerts"), HttpStatusCode.OK))["items"]!.AsArray())!;
        Assert.Equal(("Dismissed", "Old footage, not news."), StateAndNote(item));
        Assert.Equal(expectedHistory, History(item));
    }

    [Fact]
    public async Task an_open_alert_can_be_dismissed_without_being_acknowledged()
    {
        var id = await RaiseAlert();

        var dismissed = await Json(await PostJson($"/api/alerts/{id}/dismiss", new { }), HttpStatusCode.OK);

        Assert.Equal(("Dismissed", (string?)null), StateAndNote(dismissed));
        Assert.IsType<AlertDismissed>(Assert.Single((await StreamOf(id)).Skip(1)));
    }

    public static TheoryData<string, string?> BodiesWithoutANote => new()
    {
        { "acknowledge", null },
        { "acknowledge", "" },
        { "acknowledge", "{}" },
        { "acknowledge", """{"note": null}""" },
        { "acknowledge", """{"note": "   "}""" },
        { "dismiss", null },
        { "dismiss", "" },
        { "dismiss", "{}" },
    };

    [Theory, MemberData(nameof(BodiesWithoutANote))]
    public async Task a_change_without_a_body_with_an_empty_body_or_without_a_note_is_recorded_without_a_note(string change, string? body)
    {
        var id = await RaiseAlert();

        var response = await Client().PostAsync($"/api/alerts/{id}/{change}",
            body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"));

        var alert = await Json(response, HttpStatusCode.OK);
        Assert.Null(alert["note"]);
        var change1 = Assert.Single(History(alert));
        Assert.Equal(("admin", (string?)null), (change1.Actor, change1.Note));
        Assert.Equal(2, (await StreamOf(id)).Count);
    }

    [Fact]
    public async Task acknowledging_an_acknowledged_alert_again_changes_nothing_not_even_the_note()
    {
        var id = await RaiseAlert();
        var first = await Json(await PostJson($"/api/alerts/{id}/acknowledge", new { note = "Mine." }), HttpStatusCode.OK);
        var before = (await AllEvents()).Count;

        var again = await Json(await PostJson($"/api/alerts/{id}/acknowledge", new { note = "No, mine." }), HttpStatusCode.OK);

        Assert.Equal(("Acknowledged", "Mine."), StateAndNote(again));
        Assert.Equal(first["stateChangedAt"]!.GetValue<DateTimeOffset>(), again["stateChangedAt"]!.GetValue<DateTimeOffset>());
        Assert.Single(History(again));
        Assert.Equal(before, (await AllEvents()).Count);
    }

    [Fact]
    public async Task dismissing_a_dismissed_alert_again_changes_nothing()
    {
        var id = await RaiseAlert();
        await Json(await PostJson($"/api/alerts/{id}/dismiss", new { note = "Duplicate story." }), HttpStatusCode.OK);
        var before = (await AllEvents()).Count;

        var again = await Json(await PostJson($"/api/alerts/{id}/dismiss", new { note = "Again." }), HttpStatusCode.OK);

        Assert.Equal(("Dismissed", "Duplicate story."), StateAndNote(again));
        Assert.Single(History(again));
        Assert.Equal(before, (await AllEvents()).Count);
    }

    [Fact]
    public async Task acknowledging_a_dismissed_alert_is_refused_with_409_and_appends_nothing()
    {
        var id = await RaiseAlert();
        await Json(await PostJson($"/api/alerts/{id}/dismiss", new { }), HttpStatusCode.OK);
        var before = (await AllEvents()).Count;

        var response = await PostJson($"/api/alerts/{id}/acknowledge", new { note = "Too late." });

        var problem = await Json(response, HttpStatusCode.Conflict);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("dismissed", problem["detail"]!.GetValue<string>());
        Assert.Equal(before, (await AllEvents()).Count);
        Assert.Equal("Dismissed", (await Json(await Get($"/api/alerts/{id}"), HttpStatusCode.OK))["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task concurrent_dismissals_record_one_dismissal_and_every_other_is_a_no_op_or_a_409()
    {
        var id = await RaiseAlert();

        var responses = await Task.WhenAll(Enumerable.Range(1, 6).Select(n => PostJson($"/api/alerts/{id}/dismiss", new { note = $"Dismissal {n}" })));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        var dismissal = Assert.IsType<AlertDismissed>(Assert.Single((await StreamOf(id)).Skip(1)));
        var alert = await Json(await Get($"/api/alerts/{id}"), HttpStatusCode.OK);
        Assert.Equal(("Dismissed", dismissal.Note), StateAndNote(alert));
        Assert.Single(History(alert));
    }

    [Theory]
    [InlineData("acknowledge")]
    [InlineData("dismiss")]
    public async Task changing_an_unknown_alert_is_answered_404(string change)
    {
        var unknown = Guid.NewGuid();

        var response = await PostJson($"/api/alerts/{unknown}/{change}", new { });

        var problem = await Json(response, HttpStatusCode.NotFound);
        Assert.Contains(unknown.ToString(), problem["detail"]!.GetValue<string>());
        Assert.Empty(await AllEvents());
    }

    [Theory]
    [InlineData("acknowledge")]
    [InlineData("dismiss")]
    public async Task a_note_over_1000_characters_is_refused_with_422_naming_the_note(string change)
    {
        var id = await RaiseAlert();
        var before = (await AllEvents()).Count;

        var response = await PostJson($"/api/alerts/{id}/{change}", new { note = new string('n', 1_001) });

        var problem = await Json(response, HttpStatusCode.UnprocessableEntity);
        Assert.NotNull(problem["errors"]!["note"]);
        Assert.Equal(before, (await AllEvents()).Count);
        Assert.Equal("Open", (await Json(await Get($"/api/alerts/{id}"), HttpStatusCode.OK))["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_note_of_1000_characters_with_spaces_around_is_kept_trimmed()
    {
        var id = await RaiseAlert();
        var note = new string('n', 1_000);

        var alert = await Json(await PostJson($"/api/alerts/{id}/acknowledge", new { note = $" {note} " }), HttpStatusCode.OK);

        Assert.Equal(note, alert["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_note_that_cannot_be_stored_is_refused_with_422()
    {
        var id = await RaiseAlert();

        var response = await PostRaw($"/api/alerts/{id}/acknowledge", """{"note": "nul \u0000 here"}""", "application/json");

        var problem = await Json(response, HttpStatusCode.UnprocessableEntity);
        Assert.NotNull(problem["errors"]!["note"]);
        Assert.Single(await StreamOf(id));
    }

    [Theory]
    [InlineData("""{"notes": "misspelt"}""")]
    [InlineData("""{"note": 42}""")]
    [InlineData("""["a note"]""")]
    [InlineData("""{"note": "unclosed""")]
    public async Task a_body_that_is_not_a_change_request_is_refused_with_400(string body)
    {
        var id = await RaiseAlert();

        var response = await PostRaw($"/api/alerts/{id}/dismiss", body, "application/json");

        await Json(response, HttpStatusCode.BadRequest);
        Assert.Single(await StreamOf(id));
    }

    [Theory]
    [InlineData("acknowledge", AppFixture.ReadKey)]
    [InlineData("dismiss", AppFixture.ReadKey)]
    [InlineData("acknowledge", AppFixture.IngestKey)]
    [InlineData("dismiss", AppFixture.IngestKey)]
    public async Task a_key_without_the_admin_scope_is_refused_with_403_and_changes_nothing(string change, string key)
    {
        var id = await RaiseAlert();

        var response = await PostJson($"/api/alerts/{id}/{change}", new { note = "Not mine to close." }, key);

        var problem = await Json(response, HttpStatusCode.Forbidden);
        Assert.Contains("admin", problem["detail"]!.GetValue<string>());
        Assert.Single(await StreamOf(id));
    }

    [Theory]
    [InlineData("acknowledge")]
    [InlineData("dismiss")]
    public async Task without_a_key_a_change_is_answered_401(string change)
    {
        var id = await RaiseAlert();

        var response = await Client(key: null).PostAsync($"/api/alerts/{id}/{change}", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Single(await StreamOf(id));
    }

    private async Task<Guid> RaiseAlert()
    {
        await CreateWatchlist("Security", ("rocket attack", "en"));
        var ingested = await Ingest(new { title = "Dispatch", body = "Residents said a rocket attack hit the northern district before dawn.", lang = "en" });
        return Assert.Single(ingested["alerts"]!.AsArray())!["alertId"]!.GetValue<Guid>();
    }

    private async Task<List<object>> StreamOf(Guid alertId)
    {
        await using var session = App.Store.QuerySession();
        return (await session.Events.FetchStreamAsync(alertId)).Select(e => e.Data).ToList();
    }

    private static (string, string?) StateAndNote(JsonNode alert) =>
        (alert["state"]!.GetValue<string>(), alert["note"]?.GetValue<string>());

    private static List<(string State, DateTimeOffset At, string Actor, string? Note)> History(JsonNode alert) =>
        alert["history"]!.AsArray().Select(h => (
            h!["state"]!.GetValue<string>(), h["at"]!.GetValue<DateTimeOffset>(), h["actor"]!.GetValue<string>(), h["note"]?.GetValue<string>())).ToList();
}
