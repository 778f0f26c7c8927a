using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace MediaMonitor.IntegrationTests.Access;

/// <summary>
/// Who may do what: no key or an unknown key is 401 with a challenge; a known key without the scope is 403;
/// read, ingest and admin are separate scopes and admin implies the others.
/// </summary>
public sealed class ApiKeyAccess(AppFixture app) : ApiTest(app)
{
    private static readonly object Article = new
    {
        title = "Morning report", body = "Residents said a rocket attack hit the northern district before dawn.", lang = "en", source = "Wire",
    };

    private static readonly object NewWatchlist = new { name = "Security", terms = new[] { new { phrase = "rocket attack", lang = "en" } } };

    public static TheoryData<string, string> ProtectedEndpoints => new()
    {
        { "GET", "/api/alerts" },
        { "GET", $"/api/alerts/{Guid.NewGuid()}" },
        { "GET", "/api/watchlists" },
        { "GET", $"/api/watchlists/{Guid.NewGuid()}" },
        { "GET", $"/api/articles/{Guid.NewGuid()}" },
        { "POST", "/api/articles" },
        { "POST", "/api/articles/batch" },
        { "POST", "/api/watchlists" },
        { "POST", $"/api/watchlists/{Guid.NewGuid()}/pause" },
        { "PUT", $"/api/watchlists/{Guid.NewGuid()}/terms" },
    };

    [Theory, MemberData(nameof(ProtectedEndpoints))]
    public async Task without_a_key_every_api_endpoint_answers_401_with_a_challenge(string method, string url)
    {
        var response = await Send(method, url, key: null);

        var problem = await Problem(response, HttpStatusCode.Unauthorized);
        Assert.Equal("ApiKey header=\"X-Api-Key\"", response.Headers.WwwAuthenticate.ToString());
        Assert.Contains("X-Api-Key", problem["detail"]!.GetValue<string>());
        Assert.Empty(await AllEvents());
    }

    [Theory, MemberData(nameof(ProtectedEndpoints))]
    public async Task an_unknown_key_answers_401_with_a_challenge(string method, string url)
    {
        var response = await Send(method, url, key: "not-a-known-key-0123456789");

        var problem = await Problem(response, HttpStatusCode.Unauthorized);
        Assert.Equal("ApiKey header=\"X-Api-Key\"", response.Headers.WwwAuthenticate.ToString());
        Assert.Contains("not known", problem["detail"]!.GetValue<string>());
        Assert.Empty(await AllEvents());
    }

    // A body that is not JSON at all is refused (415) by ASP.NET's routing, which matches content types
    // before authorization runs; a JSON body the body guard would refuse (invalid UTF-8) hears 401 first.
    [Theory]
    [InlineData("/api/articles")]
    [InlineData("/api/watchlists")]
    public async Task without_a_key_a_request_is_refused_401_before_its_body_is_judged(string url)
    {
        var body = "{\"title\": \"x\"}"u8.ToArray();
        body[11] = 0xFF;

        var response = await PostRaw(url, body, "application/json", key: null);

        await Problem(response, HttpStatusCode.Unauthorized);
        Assert.True(response.Headers.Contains("WWW-Authenticate"));
    }

    [Fact]
    public async Task a_key_that_differs_from_a_known_one_only_in_case_is_unknown()
    {
        var response = await Get("/api/alerts", AppFixture.ReadKey.ToUpperInvariant());

        await Problem(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task the_read_key_cannot_ingest_an_article_403_and_nothing_is_appended()
    {
        var response = await PostJson("/api/articles", Article, AppFixture.ReadKey);

        var problem = await Problem(response, HttpStatusCode.Forbidden);
        Assert.Contains("'ingest'", problem["detail"]!.GetValue<string>());
        Assert.False(response.Headers.Contains("WWW-Authenticate"));
        Assert.Empty(await AllEvents());
    }

    [Fact]
    public async Task the_read_key_cannot_ingest_a_batch_403()
    {
        var response = await PostRaw("/api/articles/batch", "[]", "application/json", AppFixture.ReadKey);

        await Problem(response, HttpStatusCode.Forbidden);
        Assert.Empty(await AllEvents());
    }

    [Fact]
    public async Task the_ingest_key_cannot_read_the_alert_feed_403_ingest_does_not_imply_read()
    {
        var response = await Get("/api/alerts", AppFixture.IngestKey);

        var problem = await Problem(response, HttpStatusCode.Forbidden);
        Assert.Contains("'read'", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task the_ingest_key_cannot_read_watchlists_or_articles_403()
    {
        var watchlist = await CreateWatchlist("Security", ("rocket attack", "en"));
        var article = await Ingest(Article);

        await Problem(await Get("/api/watchlists", AppFixture.IngestKey), HttpStatusCode.Forbidden);
        await Problem(await Get($"/api/watchlists/{watchlist}", AppFixture.IngestKey), HttpStatusCode.Forbidden);
        await Problem(await Get($"/api/articles/{article["id"]!.GetValue<Guid>()}", AppFixture.IngestKey), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task the_read_key_cannot_create_a_watchlist_403_and_nothing_is_appended()
    {
        var response = await PostJson("/api/watchlists", NewWatchlist, AppFixture.ReadKey);

        var problem = await Problem(response, HttpStatusCode.Forbidden);
        Assert.Contains("'admin'", problem["detail"]!.GetValue<string>());
        Assert.Empty(await AllEvents());
    }

    [Fact]
    public async Task neither_read_nor_ingest_keys_can_change_a_watchlist()
    {
        var watchlist = await CreateWatchlist("Security", ("rocket attack", "en"));

        foreach (var key in new[] { AppFixture.ReadKey, AppFixture.IngestKey })
        {
            await Problem(await PutJson($"/api/watchlists/{watchlist}/terms", new { terms = new[] { new { phrase = "bridge collapse", lang = "en" } } }, key), HttpStatusCode.Forbidden);
            await Problem(await PutJson($"/api/watchlists/{watchlist}/name", new { name = "Other" }, key), HttpStatusCode.Forbidden);
            await Problem(await Client(key).PostAsync($"/api/watchlists/{watchlist}/archive", null), HttpStatusCode.Forbidden);
        }

        Assert.Single(await AllEvents());
        var view = await Json(await Get($"/api/watchlists/{watchlist}", AppFixture.ReadKey), HttpStatusCode.OK);
        Assert.Equal(1, view["version"]!.GetValue<int>());
        Assert.Equal("Active", view["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task the_read_key_reads_alerts_and_watchlists_and_the_ingest_key_ingests()
    {
        var watchlist = await CreateWatchlist("Security", ("rocket attack", "en"));

        var ingested = await Json(await PostJson("/api/articles", Article, AppFixture.IngestKey), HttpStatusCode.Created);
        var alertId = Assert.Single(ingested["alerts"]!.AsArray())!["alertId"]!.GetValue<Guid>();

        var feed = await Json(await Get("/api/alerts", AppFixture.ReadKey), HttpStatusCode.OK);
        Assert.Equal(new[] { alertId }, feed["items"]!.AsArray().Select(x => x!["id"]!.GetValue<Guid>()));
        var alert = await Json(await Get($"/api/alerts/{alertId}", AppFixture.ReadKey), HttpStatusCode.OK);
        Assert.Equal(watchlist, alert["watchlistId"]!.GetValue<Guid>());
        var list = await Json(await Get("/api/watchlists", AppFixture.ReadKey), HttpStatusCode.OK);
        Assert.Equal(new[] { watchlist }, list.AsArray().Select(x => x!["id"]!.GetValue<Guid>()));
    }

    [Fact]
    public async Task the_admin_key_can_create_a_watchlist_ingest_and_read_the_feed()
    {
        var created = await Json(await PostJson("/api/watchlists", NewWatchlist, AppFixture.AdminKey), HttpStatusCode.Created);
        var watchlist = created["id"]!.GetValue<Guid>();

        var ingested = await Json(await PostJson("/api/articles", Article, AppFixture.AdminKey), HttpStatusCode.Created);
        var alertId = Assert.Single(ingested["alerts"]!.AsArray())!["alertId"]!.GetValue<Guid>();

        var feed = await Json(await Get("/api/alerts", AppFixture.AdminKey), HttpStatusCode.OK);
        var item = Assert.Single(feed["items"]!.AsArray())!;
        Assert.Equal(alertId, item["id"]!.GetValue<Guid>());
        Assert.Equal(watchlist, item["watchlistId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task an_empty_key_header_counts_as_no_key()
    {
        var client = App.Host.Server.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("X-Api-Key", "");

        var response = await client.GetAsync("/api/alerts");

        var problem = await Problem(response, HttpStatusCode.Unauthorized);
        Assert.True(response.Headers.Contains("WWW-Authenticate"));
        Assert.NotNull(problem["detail"]);
    }

    private Task<HttpResponseMessage> Send(string method, string url, string? key)
    {
        var client = Client(key);
        return method switch
        {
            "GET" => client.GetAsync(url),
            "POST" when url == "/api/articles" => client.PostAsJsonAsync(url, Article),
            "POST" when url == "/api/articles/batch" => client.PostAsJsonAsync(url, new[] { Article }),
            "POST" when url == "/api/watchlists" => client.PostAsJsonAsync(url, NewWatchlist),
            "POST" => client.PostAsync(url, null),
            "PUT" => client.PutAsJsonAsync(url, new { terms = new[] { new { phrase = "bridge collapse", lang = "en" } } }),
            _ => throw new ArgumentOutOfRangeException(nameof(method)),
        };
    }

    private static async Task<JsonNode> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = await Json(response, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        return problem;
    }
}
