using System.Net;
using System.Net.Http.Json;

namespace MediaMonitor.IntegrationTests.Infrastructure;

/// <summary>The nil GUID names nothing: Marten refuses it as a stream id, and it once answered 500 on the write endpoints.</summary>
public sealed class NilIds(AppFixture app) : ApiTest(app)
{
    private const string Nil = "00000000-0000-0000-0000-000000000000";

    public static TheoryData<string, string, string?> Routes => new()
    {
        { "POST", $"/api/watchlists/{Nil}/pause", null },
        { "POST", $"/api/watchlists/{Nil}/resume", null },
        { "POST", $"/api/watchlists/{Nil}/archive", null },
        { "POST", $"/api/watchlists/{Nil}/backfill", "{}" },
        { "PUT", $"/api/watchlists/{Nil}/terms", """{"terms":[{"phrase":"rocket attack","lang":"en"}]}""" },
        { "PUT", $"/api/watchlists/{Nil}/name", """{"name":"x"}""" },
        { "PUT", $"/api/watchlists/{Nil}/rule", """{"rule":"rocket"}""" },
        { "GET", $"/api/watchlists/{Nil}", null },
        { "GET", $"/api/watchlists/{Nil}?asOf=2026-01-01T00:00:00Z", null },
        { "GET", $"/api/watchlists/{Nil}/history", null },
        { "GET", $"/api/backfills/{Nil}", null },
        { "POST", $"/api/alerts/{Nil}/acknowledge", null },
        { "POST", $"/api/alerts/{Nil}/dismiss", """{"note":"x"}""" },
        { "GET", $"/api/alerts/{Nil}", null },
        { "GET", $"/api/alerts/{Nil}/explain", null },
        { "GET", $"/api/alerts/{Nil}/history", null },
        { "GET", $"/api/articles/{Nil}", null },
        { "GET", $"/api/articles/{Nil}/history", null },
        { "DELETE", $"/api/articles/{Nil}", null },
        { "POST", $"/api/subscriptions/{Nil}/pause", null },
        { "POST", $"/api/subscriptions/{Nil}/resume", null },
        { "POST", $"/api/subscriptions/{Nil}/rotate-secret", null },
        { "POST", $"/api/subscriptions/{Nil}/replay", """{"from":"2026-01-01T00:00:00Z"}""" },
        { "PUT", $"/api/subscriptions/{Nil}/filters", """{"watchlistIds":null}""" },
        { "DELETE", $"/api/subscriptions/{Nil}", null },
        { "GET", $"/api/subscriptions/{Nil}", null },
        { "GET", $"/api/subscriptions/{Nil}/deliveries", null },
        { "GET", $"/api/subscriptions/{Nil}/history", null },
        { "GET", $"/api/deliveries/{Nil}", null },
        { "POST", $"/api/deliveries/{Nil}/redeliver", null },
        { "GET", "/api/watchlists/00000000000000000000000000000000", null },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task a_route_naming_the_nil_id_is_not_found_and_changes_nothing(string method, string path, string? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null) request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        var response = await Client().SendAsync(request);

        var problem = await Json(response, HttpStatusCode.NotFound);
        Assert.Equal(404, problem["status"]!.GetValue<int>());
        Assert.Empty(await AllEvents());
    }

    [Fact]
    public async Task a_nil_id_in_a_query_filter_finds_nothing()
    {
        var page = await Json(await Get($"/api/alerts?watchlistId={Nil}"), HttpStatusCode.OK);

        Assert.Empty(page["items"]!.AsArray());
    }

    [Fact]
    public async Task a_subscription_filtered_on_the_nil_watchlist_is_refused_as_unknown()
    {
        var response = await Client().PostAsJsonAsync("/api/subscriptions", new { url = "http://127.0.0.1:9/hook", watchlistIds = new[] { Guid.Empty } });

        var problem = await Json(response, HttpStatusCode.UnprocessableEntity);
        Assert.NotNull(problem["errors"]!["watchlistIds"]);
    }
}
