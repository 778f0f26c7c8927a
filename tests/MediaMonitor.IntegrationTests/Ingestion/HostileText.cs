using System.Net;
using System.Text;

namespace MediaMonitor.IntegrationTests.Ingestion;

/// <summary>
/// Characters that are not text (noncharacters, NUL, unpaired surrogates, C0 controls but tab and line breaks) are
/// refused in every field, naming it; U+FFFE once answered 500 and sank a whole batch.
/// </summary>
public sealed class HostileText(AppFixture app) : ApiTest(app)
{
    [Theory]
    [InlineData("title", "{\"title\": \"x\\uFFFEy\", \"body\": \"A rocket attack hit.\"}")]
    [InlineData("body", "{\"body\": \"A rocket \\uFFFE attack hit.\"}")]
    [InlineData("body", "{\"body\": \"A rocket \\uFDD0 attack hit.\"}")]
    [InlineData("body", "{\"body\": \"A rocket \\uD83F\\uDFFF attack hit.\"}")]
    [InlineData("body", "{\"body\": \"A rocket \\u0007 attack hit.\"}")]
    [InlineData("source", "{\"body\": \"A rocket attack hit.\", \"source\": \"Wire\\u0000\"}")]
    public async Task an_article_holding_a_character_that_is_not_text_is_refused_naming_the_field(string field, string json)
    {
        var problem = await Json(await PostRaw("/api/articles", json, "application/json", AppFixture.IngestKey), HttpStatusCode.UnprocessableEntity);

        Assert.StartsWith("Character ", problem["errors"]![field]![0]!.GetValue<string>());
        Assert.Empty(await AllEvents());
    }

    [Fact]
    public async Task an_unpaired_surrogate_escaped_in_json_is_refused_as_unreadable()
    {
        var problem = await Json(await PostRaw("/api/articles", "{\"body\": \"A rocket \\uD800 attack hit.\"}", "application/json", AppFixture.IngestKey),
            HttpStatusCode.BadRequest);

        Assert.Contains("$.body", problem["detail"]!.GetValue<string>());
        Assert.Empty(await AllEvents());
    }

    [Fact]
    public async Task a_noncharacter_in_one_batch_item_makes_that_item_invalid_and_the_others_go_in()
    {
        var ndjson = "{\"body\": \"First story, plain words.\"}\n{\"body\": \"Second \\uFFFE story.\"}\n{\"body\": \"Third story, plain words.\"}\n";

        var result = await Json(await PostRaw("/api/articles/batch", Encoding.UTF8.GetBytes(ndjson), "application/x-ndjson", AppFixture.IngestKey), HttpStatusCode.OK);

        Assert.Equal(["created", "invalid", "created"], result["items"]!.AsArray().Select(i => i!["status"]!.GetValue<string>()));
        Assert.Contains("U+FFFE", result["items"]![1]!["error"]!.GetValue<string>());
        Assert.Contains("body", result["items"]![1]!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task c1_controls_and_format_characters_from_crawled_news_are_kept_as_sent()
    {
        const string body = "Mojibake \u0080 quote\u0099 and a mark \u200F here.";

        var id = (await Ingest(new { body }))["id"]!.GetValue<Guid>();

        Assert.Equal(body, (await Json(await Get($"/api/articles/{id}"), HttpStatusCode.OK))["body"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/api/watchlists", "{\"name\": \"Rockets \\uFFFF\", \"terms\": [{\"phrase\": \"rocket attack\"}]}", "name")]
    [InlineData("/api/watchlists", "{\"name\": \"Rockets\", \"terms\": [{\"phrase\": \"rocket \\uFDEF attack\"}]}", "terms[0]")]
    [InlineData("/api/watchlists", "{\"name\": \"Rockets\", \"terms\": [{\"phrase\": \"rocket attack\", \"lang\": \"e\\u0001n\"}]}", "terms[0].lang")]
    [InlineData("/api/subscriptions", "{\"url\": \"http://127.0.0.1:9/hook\", \"description\": \"hook \\uFFFE\"}", "description")]
    [InlineData("/api/subscriptions", "{\"url\": \"http://127.0.0.1:9/ho\\u0000ok\"}", "url")]
    public async Task a_field_of_another_resource_holding_a_character_that_is_not_text_is_refused_naming_it(string path, string json, string field)
    {
        var problem = await Json(await PostRaw(path, json, "application/json"), HttpStatusCode.UnprocessableEntity);

        Assert.StartsWith("Character ", problem["errors"]![field]![0]!.GetValue<string>());
        Assert.Empty(await AllEvents());
    }

    [Fact]
    public async Task a_rule_holding_a_noncharacter_is_refused_at_its_position()
    {
        var problem = await Json(await PostRaw("/api/watchlists", "{\"name\": \"Rockets\", \"rule\": \"rocket AND \\uFFFE\"}", "application/json"),
            HttpStatusCode.BadRequest);

        Assert.Equal(11, problem["position"]!.GetValue<int>());
    }

    [Fact]
    public async Task a_note_holding_a_control_character_is_refused_and_the_alert_stays_open()
    {
        await CreateWatchlist("Rockets", ("rocket attack", "en"));
        var alert = (await Ingest(new { body = "A rocket attack hit the town." }))["alerts"]![0]!["alertId"]!.GetValue<Guid>();

        var problem = await Json(await PostRaw($"/api/alerts/{alert}/acknowledge", "{\"note\": \"seen \\u001B[31m\"}", "application/json"),
            HttpStatusCode.UnprocessableEntity);

        Assert.NotNull(problem["errors"]!["note"]);
        Assert.Equal("Open", (await Json(await Get($"/api/alerts/{alert}"), HttpStatusCode.OK))["state"]!.GetValue<string>());
    }
}
