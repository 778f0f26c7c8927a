using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace MediaMonitor.IntegrationTests.Access;

/// <summary>A request without a known key hears 401 before anything about its form (it once heard 415 first).</summary>
public sealed class AuthenticationFirst(AppFixture app) : ApiTest(app)
{
    private async Task<HttpResponseMessage> Send(string method, string path, string contentType, string? key)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("x", Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await Client(key).SendAsync(request);
    }

    [Theory]
    [InlineData("POST", "/api/watchlists", "text/plain")]
    [InlineData("POST", "/api/articles", "text/plain")]
    [InlineData("POST", "/api/articles", "application/xml")]
    [InlineData("POST", "/api/articles/batch", "text/plain")]
    [InlineData("PUT", "/api/watchlists", "application/json")]
    [InlineData("PATCH", "/api/articles", "application/json")]
    public async Task without_a_key_a_body_of_the_wrong_kind_or_a_method_no_endpoint_takes_is_401(string method, string path, string contentType)
    {
        var response = await Send(method, path, contentType, key: null);

        var problem = await Json(response, HttpStatusCode.Unauthorized);
        Assert.Contains("X-Api-Key", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task with_an_unknown_key_a_body_of_the_wrong_kind_is_401() =>
        await Json(await Send("POST", "/api/watchlists", "text/plain", key: "not-a-key-0123456789"), HttpStatusCode.Unauthorized);

    [Theory]
    [InlineData("POST", "/api/watchlists", "text/plain")]
    [InlineData("PUT", "/api/watchlists/01a2340a-8e4c-70d1-bc14-6bad87088365/rule", "text/plain")]
    [InlineData("POST", "/api/subscriptions", "application/xml")]
    public async Task with_a_key_lacking_the_scope_a_body_of_the_wrong_kind_is_403(string method, string path, string contentType) =>
        await Json(await Send(method, path, contentType, AppFixture.IngestKey), HttpStatusCode.Forbidden);

    [Fact]
    public async Task with_a_key_a_body_of_the_wrong_kind_is_415_saying_what_to_send()
    {
        var problem = await Json(await Send("POST", "/api/watchlists", "text/plain", AppFixture.AdminKey), HttpStatusCode.UnsupportedMediaType);

        Assert.Contains("application/json", problem["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("POST", "/api/alerts/01a2340a-8e4c-70d1-bc14-6bad87088365/extra/dismiss", "text/plain", null)]
    [InlineData("PUT", "/api/watchlists/01a2340a-8e4c-70d1-bc14-6bad87088365/extra/name", "application/json", "not-a-key-0123456789")]
    [InlineData("DELETE", "/api/subscriptions/01a2340a-8e4c-70d1-bc14-6bad87088365/extra?=%00", "application/json", null)]
    [InlineData("POST", "/api/admin/projections//rebuild", "text/plain", AppFixture.IngestKey)]
    public async Task a_path_no_endpoint_has_is_404_whatever_its_key_query_or_body(string method, string path, string contentType, string? key)
    {
        var response = await Send(method, path, contentType, key);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
