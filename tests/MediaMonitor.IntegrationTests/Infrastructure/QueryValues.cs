using System.Net;

namespace MediaMonitor.IntegrationTests.Infrastructure;

/// <summary>Query values are input like bodies: PostgreSQL refuses NUL in a parameter, which once answered 500.</summary>
public sealed class QueryValues(AppFixture app) : ApiTest(app)
{
    [Theory]
    [InlineData("/api/alerts?source=%00", "source")]
    [InlineData("/api/alerts?lang=%00", "lang")]
    [InlineData("/api/alerts?state=Open%00", "state")]
    [InlineData("/api/alerts?cursor=%00", "cursor")]
    [InlineData("/api/events?type=%00", "type")]
    [InlineData("/api/events?type=alert_raised&type=x%07", "type")]
    [InlineData("/api/watchlists?state=%EF%BF%BE", "state")]
    public async Task a_query_value_that_is_not_text_is_refused_naming_the_parameter(string url, string parameter)
    {
        var problem = await Json(await Get(url), HttpStatusCode.BadRequest);

        Assert.Contains($"'{parameter}'", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_query_parameter_name_that_is_not_text_is_refused()
    {
        var problem = await Json(await Get("/api/alerts?so%00urce=x"), HttpStatusCode.BadRequest);

        Assert.Contains("parameter name", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_removal_reason_that_is_not_text_is_refused_and_the_article_stays()
    {
        var id = (await Ingest(new { title = "A story", body = "Plain words here." }))["id"]!.GetValue<Guid>();

        await Json(await Client().DeleteAsync($"/api/articles/{id}?reason=%00"), HttpStatusCode.BadRequest);

        var article = await Json(await Get($"/api/articles/{id}"), HttpStatusCode.OK);
        Assert.Equal("Plain words here.", article["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_c1_control_in_a_query_value_is_text_and_finds_what_holds_it()
    {
        await CreateWatchlist("Wire", ("wire", "en"));
        await Ingest(new { body = "A story from the wire.", source = "Wire\u0085Desk" });

        var page = await Json(await Get("/api/alerts?source=Wire%C2%85Desk"), HttpStatusCode.OK);

        Assert.Equal("Wire\u0085Desk", Assert.Single(page["items"]!.AsArray())!["source"]!.GetValue<string>());
    }
}
