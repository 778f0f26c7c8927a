using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace MediaMonitor.IntegrationTests.Watchlists;

/// <summary>Requests about watchlists that are refused: unknown ids, invalid input, unreadable bodies. None appends anything.</summary>
public sealed class RefusedWatchlistRequests(AppFixture app) : ApiTest(app)
{
    private static readonly string LongPhrase = string.Join(' ', Enumerable.Range(0, 8).Select(i => new string((char)('a' + i), 25))); // 207 characters, 8 words

    public static TheoryData<string, string> UnknownIdRequests => new()
    {
        { "GET", "" },
        { "PUT", "/terms" },
        { "PUT", "/name" },
        { "POST", "/pause" },
        { "POST", "/resume" },
        { "POST", "/archive" },
    };

    [Theory, MemberData(nameof(UnknownIdRequests))]
    public async Task a_request_about_an_unknown_watchlist_is_answered_404(string method, string suffix)
    {
        await CreateWatchlist("Known", ("rocket attack", "en"));
        var before = (await AllEvents()).Count;
        var unknown = Guid.NewGuid();
        var url = $"/api/watchlists/{unknown}{suffix}";

        var response = method switch
        {
            "GET" => await Get(url),
            "PUT" when suffix == "/terms" => await PutJson(url, new { terms = new[] { new { phrase = "bridge collapse", lang = "en" } } }),
            "PUT" => await PutJson(url, new { name = "Renamed" }),
            _ => await Client().PostAsync(url, null),
        };

        var problem = await Problem(response, HttpStatusCode.NotFound);
        Assert.Contains(unknown.ToString(), problem["detail"]!.GetValue<string>());
        Assert.Equal(before, (await AllEvents()).Count);
    }

    public static TheoryData<string, string> InvalidTerms => new()
    {
        { """[]""", "terms" },
        { """[{"phrase":"   ","lang":"en"}]""", "terms[0]" },
        { """[{"phrase":"","lang":null}]""", "terms[0]" },
        { """[{"phrase":"rocket attack","lang":"fr"}]""", "terms[0]" },
        { """[{"phrase":"{LONG}","lang":"en"}]""", "terms[0]" },
        { """[{"phrase":"one two three four five six seven eight nine","lang":"en"}]""", "terms[0]" },
        { """[{"phrase":"!!! ... ???","lang":"en"}]""", "terms[0]" },
        { """[{"phrase":"rocket attack","lang":"en"},{"phrase":"","lang":"en"}]""", "terms[1]" },
        { """[null]""", "terms[0]" },
        { """null""", "terms" },
    };

    [Theory, MemberData(nameof(InvalidTerms))]
    public async Task creating_a_watchlist_with_invalid_terms_is_answered_422_naming_the_term(string terms, string field)
    {
        var body = $$"""{"name":"Invalid","terms":{{terms.Replace("{LONG}", LongPhrase)}}}""";

        var response = await PostRaw("/api/watchlists", body, "application/json");

        var problem = await Problem(response, HttpStatusCode.UnprocessableEntity);
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(new[] { field }, errors.Select(e => e.Key));
        Assert.NotEmpty(errors[field]!.AsArray());
        Assert.Empty(await AllEvents());
    }

    [Theory, MemberData(nameof(InvalidTerms))]
    public async Task changing_to_invalid_terms_is_answered_422_and_keeps_the_old_terms(string terms, string field)
    {
        var id = await CreateWatchlist("Valid", ("rocket attack", "en"));
        var body = $$"""{"terms":{{terms.Replace("{LONG}", LongPhrase)}}}""";

        var response = await Client().PutAsync($"/api/watchlists/{id}/terms", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await Problem(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(new[] { field }, problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Single(await AllEvents());
        var fetched = await Json(await Get($"/api/watchlists/{id}"), HttpStatusCode.OK);
        Assert.Equal(1, fetched["version"]!.GetValue<int>());
        Assert.Equal(new (string, string?)[] { ("rocket attack", "en") }, CreatingWatchlists.Terms(fetched));
    }

    [Fact]
    public async Task a_phrase_of_exactly_200_characters_is_accepted()
    {
        // Eight words (the most a phrase may have): 7 of 24 letters, one of 25, and 7 spaces.
        var phrase = string.Join(' ', Enumerable.Range(0, 8).Select(i => new string((char)('a' + i), i == 7 ? 25 : 24)));
        Assert.Equal(200, phrase.Length);

        var created = await Json(await PostJson("/api/watchlists", new { name = "Long", terms = new[] { new { phrase, lang = "en" } } }), HttpStatusCode.Created);

        Assert.Equal(phrase, created["terms"]![0]!["phrase"]!.GetValue<string>());
    }

    public static TheoryData<string?> InvalidNames => new() { null, "", "   ", new string('n', 201) };

    [Theory, MemberData(nameof(InvalidNames))]
    public async Task creating_a_watchlist_without_a_usable_name_is_answered_422_on_name(string? name)
    {
        var response = await PostJson("/api/watchlists", new { name, terms = new[] { new { phrase = "rocket attack", lang = "en" } } });

        var problem = await Problem(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(new[] { "name" }, problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Empty(await AllEvents());
    }

    [Theory, MemberData(nameof(InvalidNames))]
    public async Task renaming_to_an_unusable_name_is_answered_422_and_keeps_the_name(string? name)
    {
        var id = await CreateWatchlist("Kept", ("rocket attack", "en"));

        var response = await PutJson($"/api/watchlists/{id}/name", new { name });

        var problem = await Problem(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(new[] { "name" }, problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Single(await AllEvents());
        Assert.Equal("Kept", (await Json(await Get($"/api/watchlists/{id}"), HttpStatusCode.OK))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_missing_name_and_missing_terms_are_both_reported()
    {
        var response = await PostRaw("/api/watchlists", "{}", "application/json");

        var problem = await Problem(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(new[] { "name", "terms" }, problem["errors"]!.AsObject().Select(e => e.Key).Order());
    }

    public static TheoryData<string> MalformedBodies => new()
    {
        """{"name":"Broken","terms":[""",
        """{"name":"Broken" "terms":[]}""",
        """not json at all""",
        """{"name":5,"terms":[{"phrase":"rocket attack","lang":"en"}]}""",
    };

    [Theory, MemberData(nameof(MalformedBodies))]
    public async Task creating_with_a_body_that_is_not_valid_json_for_the_request_is_answered_400(string body)
    {
        var response = await PostRaw("/api/watchlists", body, "application/json");

        await Problem(response, HttpStatusCode.BadRequest);
        Assert.Empty(await AllEvents());
    }

    [Fact]
    public async Task changing_terms_with_malformed_json_is_answered_400_and_keeps_the_version()
    {
        var id = await CreateWatchlist("Valid", ("rocket attack", "en"));

        var response = await Client().PutAsync($"/api/watchlists/{id}/terms",
            new StringContent("""{"terms":[{"phrase":"bridge""", System.Text.Encoding.UTF8, "application/json"));

        await Problem(response, HttpStatusCode.BadRequest);
        Assert.Single(await AllEvents());
    }

    [Fact]
    public async Task an_unknown_field_in_the_body_is_answered_400_naming_it()
    {
        var response = await PostRaw("/api/watchlists",
            """{"name":"Misspelt","terms":[{"phrase":"rocket attack","lang":"en"}],"colour":"red"}""", "application/json");

        var problem = await Problem(response, HttpStatusCode.BadRequest);
        Assert.Contains("colour", problem["detail"]!.GetValue<string>());
        Assert.Empty(await AllEvents());
    }

    [Fact]
    public async Task an_unknown_field_in_a_term_is_answered_400()
    {
        var response = await PostRaw("/api/watchlists",
            """{"name":"Misspelt","terms":[{"phrase":"rocket attack","language":"en"}]}""", "application/json");

        var problem = await Problem(response, HttpStatusCode.BadRequest);
        Assert.Contains("language", problem["detail"]!.GetValue<string>());
        Assert.Empty(await AllEvents());
    }

    [Fact]
    public async Task an_unknown_field_when_renaming_is_answered_400()
    {
        var id = await CreateWatchlist("Kept", ("rocket attack", "en"));

        var response = await PutJson($"/api/watchlists/{id}/name", new { name = "Other", title = "Other" });

        await Problem(response, HttpStatusCode.BadRequest);
        Assert.Single(await AllEvents());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task a_body_that_is_not_json_is_answered_415(string contentType)
    {
        var response = await PostRaw("/api/watchlists", """{"name":"Plain","terms":[{"phrase":"rocket attack","lang":"en"}]}""", contentType);

        await Problem(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Empty(await AllEvents());
    }

    [Fact]
    public async Task changing_terms_with_a_text_plain_body_is_answered_415()
    {
        var id = await CreateWatchlist("Kept", ("rocket attack", "en"));

        var response = await Client().PutAsync($"/api/watchlists/{id}/terms",
            new StringContent("""{"terms":[{"phrase":"bridge collapse","lang":"en"}]}""", System.Text.Encoding.UTF8, "text/plain"));

        await Problem(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Single(await AllEvents());
    }

    private static async Task<JsonNode> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = await Json(response, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        return problem;
    }

    [Fact]
    public async Task when_a_name_or_phrase_holds_a_nul_character_the_answer_is_422_and_nothing_is_appended()
    {
        var name = await PostJson("/api/watchlists", new { name = "Bad\u0000name", terms = new[] { new { phrase = "rocket", lang = "en" } } });
        var phrase = await PostJson("/api/watchlists", new { name = "Good", terms = new[] { new { phrase = "rock\u0000et", lang = "en" } } });

        Assert.Equal((HttpStatusCode)422, name.StatusCode);
        Assert.Equal((HttpStatusCode)422, phrase.StatusCode);
        Assert.Empty(await AllEvents());
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    public async Task when_a_watchlist_body_is_not_a_json_object_the_answer_is_400(string body)
    {
        var response = await PostRaw("/api/watchlists", body, "application/json");

        await Json(response, HttpStatusCode.BadRequest);
        Assert.Empty(await AllEvents());
    }
}
