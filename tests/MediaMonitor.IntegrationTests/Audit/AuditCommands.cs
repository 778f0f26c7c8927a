using System.Net;
using System.Text.Json.Nodes;

namespace MediaMonitor.IntegrationTests.Audit;

/// <summary>The command line, run in process against the tests' database, as <c>dotnet run -- ...</c> would run it.</summary>
public sealed class AuditCommands(AppFixture app) : ApiTest(app)
{
    private string _output = "";

    private async Task<int> Run(params string[] args)
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = App.Database.ConnectionString,
            ["MediaMonitor__Solo"] = "true",
            ["MediaMonitor__Seeds__Enabled"] = "false",
            // Commands that start the host (projections) must not take a fixed port.
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["MediaMonitor__ApiKeys__0__Name"] = "ops",
            ["MediaMonitor__ApiKeys__0__Key"] = AppFixture.AdminKey,
            ["MediaMonitor__ApiKeys__0__Scopes"] = "admin",
        };
        var before = settings.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        foreach (var (key, value) in settings) Environment.SetEnvironmentVariable(key, value);
        try
        {
            // The compiler's synchronous Main around the top-level statements.
            var entry = typeof(Program).Assembly.EntryPoint!;
            var (outWas, errorWas) = (Console.Out, Console.Error);
            var captured = new StringWriter();
            Console.SetOut(captured);
            Console.SetError(captured);
            try
            {
                return await Task.Run(() => (int)entry.Invoke(null, [args])!);
            }
            finally
            {
                Console.SetOut(outWas);
                Console.SetError(errorWas);
                _output = captured.ToString();
            }
        }
        finally
        {
            foreach (var (key, value) in before) Environment.SetEnvironmentVariable(key, value);
        }
    }

    [Fact]
    public async Task export_writes_the_log_as_the_events_endpoint_streams_it()
    {
        await CreateWatchlist("Attacks", ("rocket attack", "en"));
        await Ingest(new { body = "A rocket attack hit the town." });
        var path = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.ndjson");
        try
        {
            var exit = await Run("export", "--from", "1", "--types", "article_ingested,alert_raised", "--out", path);
            Assert.True(exit == 0, _output);

            var lines = (await File.ReadAllLinesAsync(path)).Select(l => JsonNode.Parse(l)!).ToList();
            Assert.Equal(["article_ingested", "alert_raised"], lines.Select(l => l["type"]!.GetValue<string>()));
            var streamed = (await (await Get("/api/events?type=article_ingested,alert_raised")).Content.ReadAsStringAsync())
                .Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(streamed, await File.ReadAllLinesAsync(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task projections_rebuild_restores_a_wiped_projection()
    {
        await CreateWatchlist("Attacks", ("rocket attack", "en"));
        var alert = (await Ingest(new { body = "A rocket attack hit the town." }))["alerts"]![0]!["alertId"]!.GetValue<Guid>();
        await using (var wipe = App.Store.LightweightSession())
        {
            wipe.QueueSqlCommand("delete from mediamonitor.mt_doc_alertview");
            await wipe.SaveChangesAsync();
        }
        await Json(await Get($"/api/alerts/{alert}"), HttpStatusCode.NotFound);

        var exit = await Run("projections", "rebuild", "-p", "AlertView");
        Assert.True(exit == 0, _output);

        await Json(await Get($"/api/alerts/{alert}"), HttpStatusCode.OK);
    }
}
