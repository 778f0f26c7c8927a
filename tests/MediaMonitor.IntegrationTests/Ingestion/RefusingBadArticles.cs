using System.Net;
using System.Text;

namespace MediaMonitor.IntegrationTests.Ingestion;

/// <summary>Each class of bad input gets its own status and a problem that says what is wrong; nothing is appended.</summary>
public sealed class RefusingBadArticles(AppFixture app) : ApiTest(app)
{
    private async Task AssertRefused(HttpResponseMessage response, HttpStatusCode status, string detailContains)
    {
        var problem = await Json(response, status);
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.Contains(detailContains, problem.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType!.ToString());
        Assert.Empty(await AllEvents());
    }

    [Fact]
    public async Task when_the_json_is_malformed_the_answer_is_400() =>
        await AssertRefused(await PostRaw("/api/articles", "{\"body\": \"text\",", "application/json", AppFixture.IngestKey),
            HttpStatusCode.BadRequest, "json");

    [Fact]
    public async Task when_the_body_is_not_valid_utf8_the_answer_is_400()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"body\": \"abc\"}");
        bytes[11] = 0xFF;
        await AssertRefused(await PostRaw("/api/articles", bytes, "application/json", AppFixture.IngestKey), HttpStatusCode.BadRequest, "utf-8");
    }

    [Fact]
    public async Task when_a_field_is_unknown_the_answer_is_400_naming_it() =>
        await AssertRefused(await PostJson("/api/articles", new { body = "A story.", boddy = "typo" }, AppFixture.IngestKey),
            HttpStatusCode.BadRequest, "boddy");

    [Fact]
    public async Task when_a_field_has_the_wrong_type_the_answer_is_400() =>
        await AssertRefused(await PostRaw("/api/articles", "{\"body\": 42}", "application/json", AppFixture.IngestKey),
            HttpStatusCode.BadRequest, "body");

    [Fact]
    public async Task when_the_body_is_missing_the_answer_is_422() =>
        await AssertRefused(await PostJson("/api/articles", new { title = "Only a title" }, AppFixture.IngestKey),
            (HttpStatusCode)422, "body is required");

    [Fact]
    public async Task when_the_language_is_not_supported_the_answer_is_422() =>
        await AssertRefused(await PostJson("/api/articles", new { body = "Un article.", lang = "fr" }, AppFixture.IngestKey),
            (HttpStatusCode)422, "not a supported language");

    [Fact]
    public async Task when_the_language_cannot_be_detected_the_answer_is_422() =>
        await AssertRefused(await PostJson("/api/articles", new { body = "12345 67890 !!!" }, AppFixture.IngestKey),
            (HttpStatusCode)422, "could not be detected");

    [Fact]
    public async Task when_the_url_is_not_http_the_answer_is_422() =>
        await AssertRefused(await PostJson("/api/articles", new { body = "A story.", url = "ftp://example.org/x" }, AppFixture.IngestKey),
            (HttpStatusCode)422, "url");

    [Fact]
    public async Task when_the_text_holds_a_nul_character_the_answer_is_422() =>
        await AssertRefused(await PostJson("/api/articles", new { body = "A story\u0000 with NUL." }, AppFixture.IngestKey),
            (HttpStatusCode)422, "NUL");

    [Fact]
    public async Task when_the_published_date_is_not_a_date_the_answer_is_400() =>
        await AssertRefused(await PostJson("/api/articles", new { body = "A story.", publishedAt = "last tuesday" }, AppFixture.IngestKey),
            HttpStatusCode.BadRequest, "publishedAt");

    [Fact]
    public async Task when_the_content_type_is_not_json_the_answer_is_415() =>
        await AssertRefused(await PostRaw("/api/articles", "body=A story", "application/x-www-form-urlencoded", AppFixture.IngestKey),
            HttpStatusCode.UnsupportedMediaType, "application/json");

    [Fact]
    public async Task when_the_request_is_larger_than_the_limit_the_answer_is_413()
    {
        var huge = new string('a', 3 * 1024 * 1024);
        await AssertRefused(await PostJson("/api/articles", new { body = huge }, AppFixture.IngestKey),
            HttpStatusCode.RequestEntityTooLarge, "MiB");
    }

    [Fact]
    public async Task when_the_body_is_longer_than_an_article_may_be_the_answer_is_422() =>
        await AssertRefused(await PostJson("/api/articles", new { body = new string('a', 500_001) + " end" }, AppFixture.IngestKey),
            (HttpStatusCode)422, "at most");

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("\"a story\"")]
    public async Task when_the_body_is_json_but_not_an_object_the_answer_is_400(string body) =>
        await AssertRefused(await PostRaw("/api/articles", body, "application/json", AppFixture.IngestKey),
            HttpStatusCode.BadRequest, "JSON object");
}
