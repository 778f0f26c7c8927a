using System.Net;
using System.Text.Json.Nodes;

namespace MediaMonitor.IntegrationTests.Access;

/// <summary>
/// What answers without a key: the health probes (load balancers and orchestrators send none) and the
/// OpenAPI document (Program.cs maps it with no authorization: it describes the API, it holds no data).
/// </summary>
public sealed class OpenEndpoints(AppFixture app) : ApiTest(app)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task health_probes_answer_200_healthy_without_a_key(string url)
    {
        var response = await Get(url, key: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task health_probes_answer_200_with_an_unknown_key_too()
    {
        var response = await Get("/health/ready", key: "not-a-known-key-0123456789");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task the_openapi_document_answers_without_a_key_and_documents_the_api()
    {
        var response = await Get("/openapi/v1.json", key: null);

        var document = await Json(response, HttpStatusCode.OK);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("3.", document["openapi"]!.GetValue<string>());
        var paths = document["paths"]!.AsObject();
        foreach (var path in new[] { "/api/articles", "/api/articles/batch", "/api/alerts", "/api/alerts/{id}", "/api/watchlists", "/api/watchlists/{id}" })
        {
            Assert.True(paths.ContainsKey(path), $"{path} is not documented; documented: {string.Join(", ", paths.Select(p => p.Key))}");
        }
        Assert.NotNull(paths["/api/articles"]!["post"]);
        Assert.NotNull(paths["/api/articles/batch"]!["post"]);
        Assert.NotNull(paths["/api/alerts"]!["get"]);
        Assert.NotNull(paths["/api/alerts/{id}"]!["get"]);
        Assert.NotNull(paths["/api/watchlists"]!["get"]);
        Assert.NotNull(paths["/api/watchlists"]!["post"]);
    }

    [Fact]
    public async Task the_openapi_document_lists_the_alert_feed_query_parameters()
    {
        var document = await Json(await Get("/openapi/v1.json", key: null), HttpStatusCode.OK);

        var parameters = document["paths"]!["/api/alerts"]!["get"]!["parameters"]!.AsArray()
            .Select(p => p!["name"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(new[] { "asOf", "cursor", "from", "lang", "limit", "source", "state", "to", "watchlistId" }, parameters);
    }

    [Fact]
    public async Task an_unknown_path_without_a_key_is_404_not_401()
    {
        var response = await Get("/nothing-here", key: null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
