using System.Net;
using System.Text.Json.Nodes;
using Marten;
using Marten.Events;

namespace MediaMonitor.IntegrationTests.Timelines;

/// <summary>Timelines are an async projection: each read waits for the daemon to have projected what was ingested.</summary>
public abstract class TimelineTest(AppFixture app) : ApiTest(app)
{
    protected async Task<JsonNode> Projected(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        await App.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        return await Json(await Get(url), expected);
    }

    protected async Task<Guid> IngestAt(string body, string? publishedAt, string lang = "en", string? source = null) =>
        (await Ingest(new { body, lang, source, publishedAt }))["id"]!.GetValue<Guid>();

    protected static long[] Counts(JsonNode timeline, string field = "articles") =>
        timeline["buckets"]!.AsArray().Select(b => b![field]!.GetValue<long>()).ToArray();

    protected static string[] Starts(JsonNode timeline) =>
        timeline["buckets"]!.AsArray().Select(b => b!["start"]!.GetValue<string>()).ToArray();

    protected static string Q(string value) => Uri.EscapeDataString(value);
}
