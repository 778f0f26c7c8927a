using System.Net;
using System.Text.Json.Nodes;
using MediaMonitor.Audit;
using Npgsql;
using Wolverine;
using Wolverine.Tracking;

namespace MediaMonitor.IntegrationTests.Audit;

/// <summary>
/// A rebuild of an inline projection over HTTP does not take its data away: queries answer from the old documents
/// until the rebuilt ones replace them all at once, and a command that changes one meanwhile is not lost.
/// </summary>
public sealed class RebuildWithoutDowntime(AppFixture app) : ApiTest(app)
{
    [Fact]
    public async Task while_the_alert_view_rebuilds_queries_answer_from_the_old_alerts_and_an_acknowledgement_lands_on_the_rebuilt_one()
    {
        var alerts = await ThreeAlerts();
        // The rebuild is held in the middle: it waits for the last alert, which this transaction holds (a rebuild
        // that replays in place has deleted the others by then, but not committed).
        await using var hold = await Holding(alerts[2]);

        HttpResponseMessage acknowledged = null!;
        var tracked = await App.Host.TrackActivity().Timeout(TimeSpan.FromMinutes(1)).ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ =>
        {
            await Json(await PostJson("/api/admin/projections/AlertView/rebuild", new { }), HttpStatusCode.Accepted);
            await Eventually(RebuildIsWaitingForTheHeldAlert, "the rebuild to reach the held alert");

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var feed = await Json(await Client().GetAsync("/api/alerts", timeout.Token), HttpStatusCode.OK);
            Assert.Equal(["Mosul", "Basra", "Hit"], feed["items"]!.AsArray().Select(a => a!["articleTitle"]!.GetValue<string>()));
            var first = await Json(await Client().GetAsync($"/api/alerts/{alerts[0]}", timeout.Token), HttpStatusCode.OK);
            Assert.Equal("Open", first["state"]!.GetValue<string>());
            var status = await Json(await Client().GetAsync("/api/admin/projections/AlertView/rebuild", timeout.Token), HttpStatusCode.OK);
            Assert.Equal("Running", status["state"]!.GetValue<string>());

            var acknowledging = PostJson($"/api/alerts/{alerts[1]}/acknowledge", new { note = "during the rebuild" });
            await hold.Transaction.CommitAsync();
            acknowledged = await acknowledging;
        }));

        Assert.Single(tracked.Executed.MessagesOf<RebuildProjection>());
        await Json(acknowledged, HttpStatusCode.OK);
        var rebuilt = await Json(await Get("/api/admin/projections/AlertView/rebuild"), HttpStatusCode.OK);
        Assert.Equal("Completed", rebuilt["state"]!.GetValue<string>());
        var after = (await Json(await Get("/api/alerts"), HttpStatusCode.OK))["items"]!.AsArray();
        Assert.Equal(["Mosul", "Basra", "Hit"], after.Select(a => a!["articleTitle"]!.GetValue<string>()));
        Assert.Equal(["Open", "Acknowledged", "Open"], after.Select(a => a!["state"]!.GetValue<string>()));
        Assert.Equal("during the rebuild", (await Json(await Get($"/api/alerts/{alerts[1]}"), HttpStatusCode.OK))["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_rebuild_that_postgresql_fails_to_break_a_deadlock_with_a_writer_starts_again_and_completes()
    {
        var alerts = await ThreeAlerts();
        await using var writer = await Holding(alerts[2]);

        var tracked = await App.Host.TrackActivity().Timeout(TimeSpan.FromMinutes(1)).ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ =>
        {
            await Json(await PostJson("/api/admin/projections/AlertView/rebuild", new { }), HttpStatusCode.Accepted);
            await Eventually(RebuildIsWaitingForTheHeldAlert, "the rebuild to reach the held alert");
            // The writer now wants a row the rebuild took before it came to wait for the writer's: PostgreSQL fails
            // the rebuild, which has waited longer, and the writer goes on.
            await writer.ExecuteAsync("update mediamonitor.mt_doc_alertview set data = data where id = @id", alerts[0]);
            await writer.Transaction.CommitAsync();
        }));

        Assert.Single(tracked.Executed.MessagesOf<RebuildProjection>());
        var rebuilt = await Json(await Get("/api/admin/projections/AlertView/rebuild"), HttpStatusCode.OK);
        Assert.Equal("Completed", rebuilt["state"]!.GetValue<string>());
        var after = (await Json(await Get("/api/alerts"), HttpStatusCode.OK))["items"]!.AsArray();
        Assert.Equal(["Mosul", "Basra", "Hit"], after.Select(a => a!["articleTitle"]!.GetValue<string>()));
    }

    /// <summary>Alerts on the articles "Hit", "Basra" and "Mosul", raised in that order.</summary>
    private async Task<List<Guid>> ThreeAlerts()
    {
        await CreateWatchlist("Attacks", ("rocket attack", "en"));
        var alerts = new List<Guid>();
        foreach (var town in new[] { "Hit", "Basra", "Mosul" })
            alerts.Add((await Ingest(new { title = town, body = $"A rocket attack hit {town}." }))["alerts"]![0]!["alertId"]!.GetValue<Guid>());
        return alerts;
    }

    /// <summary>A transaction of its own that holds the alert's row.</summary>
    private async Task<RowHolder> Holding(Guid alert)
    {
        var connection = new NpgsqlConnection(App.Database.ConnectionString);
        await connection.OpenAsync();
        var holder = new RowHolder(connection, await connection.BeginTransactionAsync());
        await holder.ExecuteAsync("select 1 from mediamonitor.mt_doc_alertview where id = @id for update", alert);
        return holder;
    }

    private sealed record RowHolder(NpgsqlConnection Connection, NpgsqlTransaction Transaction) : IAsyncDisposable
    {
        public async Task ExecuteAsync(string sql, Guid id)
        {
            await using var command = new NpgsqlCommand(sql, Connection, Transaction);
            command.Parameters.AddWithValue("id", id);
            await command.ExecuteNonQueryAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await Transaction.DisposeAsync();
            await Connection.DisposeAsync();
        }
    }

    /// <summary>Asked on a connection of its own: a transaction sees one snapshot of <c>pg_stat_activity</c>.</summary>
    private async Task<bool> RebuildIsWaitingForTheHeldAlert()
    {
        await using var connection = new NpgsqlConnection(App.Database.ConnectionString);
        await connection.OpenAsync();
        await using var waiting = new NpgsqlCommand(
            "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query ilike '%mediamonitor.mt_doc_alertview%'",
            connection);
        return (long)(await waiting.ExecuteScalarAsync())! > 0;
    }
}
