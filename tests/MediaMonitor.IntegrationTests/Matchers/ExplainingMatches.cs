using System.Net;
using System.Text.Json.Nodes;

namespace MediaMonitor.IntegrationTests.Matchers;

public sealed class ExplainingMatches(AppFixture app) : ApiTest(app)
{
    private async Task<JsonNode> Explain(object request) =>
        await Json(await PostJson("/api/match/explain", request, AppFixture.ReadKey), HttpStatusCode.OK);

    [Fact]
    public async Task a_text_and_terms_are_explained_token_by_token_with_hits_that_slice_the_text()
    {
        const string text = "أسقطت الدفاعات الجوية طائرات من دون طيار فوق القاعدة";

        var explained = (await Explain(new { text, terms = new[] { new { phrase = "طائرة بدون طيار" } } }));

        Assert.True(explained["matched"]!.GetValue<bool>());
        var hit = explained["hits"]![0]!;
        Assert.Equal("طائرات من دون طيار", text.Substring(hit["start"]!.GetValue<int>(), hit["length"]!.GetValue<int>()));
        Assert.Equal(9, explained["tokens"]!.AsArray().Count);
        var token = explained["tokens"]![3]!;
        Assert.Equal("طائرات", token["text"]!.GetValue<string>());
        Assert.Equal("arabic", token["script"]!.GetValue<string>());
        var words = explained["phrases"]![0]!["phrase"]!["words"]!.AsArray();
        Assert.Equal(["طاءرة", "دون|بلا", "طيار"], words.Select(w => w!["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task a_stored_article_and_watchlist_explain_a_miss_with_its_reason_and_place()
    {
        const string body = "The troop numbers in the north fell after the withdrawal was announced.";
        var article = await Ingest(new { body, lang = "en" });
        var watchlist = await CreateWatchlist("Withdrawal", ("troop withdrawal", "en"));

        var answer = await Explain(new { articleId = article["id"]!.GetValue<Guid>(), watchlistId = watchlist });

        Assert.Equal(watchlist, answer["watchlistId"]!.GetValue<Guid>());
        Assert.Equal(1, answer["watchlistVersion"]!.GetValue<int>());
        var explained = answer;
        Assert.False(explained["matched"]!.GetValue<bool>());
        var miss = explained["phrases"]![0]!["miss"]!;
        Assert.Equal("GapTooLong", miss["reason"]!.GetValue<string>());
        Assert.Equal(7, miss["gap"]!.GetValue<int>());
        var closest = miss["closest"]!;
        Assert.Equal("troop numbers in the north fell after the withdrawal",
            body.Substring(closest["start"]!.GetValue<int>(), closest["length"]!.GetValue<int>()));
    }

    [Fact]
    public async Task a_rule_explains_the_not_clause_that_excluded_the_text()
    {
        var explained = (await Explain(new { text = "Rocket attack drill at the base.", rule = "\"rocket attack\" NOT drill" }));

        Assert.False(explained["matched"]!.GetValue<bool>());
        var clauses = explained["rule"]!["clauses"]!.AsArray();
        Assert.Equal("and", clauses[0]!["kind"]!.GetValue<string>());
        var not = clauses[clauses[0]!["operands"]![1]!.GetValue<int>()]!;
        Assert.Equal("not", not["kind"]!.GetValue<string>());
        Assert.Equal("Excluded: drill is in the text.", not["why"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_taken_down_article_has_nothing_to_explain()
    {
        var article = await Ingest(new { body = "A drone strike hit the convoy.", lang = "en" });
        Assert.Equal(HttpStatusCode.NoContent, (await Client().DeleteAsync($"/api/articles/{article["id"]}")).StatusCode);

        var response = await PostJson("/api/match/explain", new { articleId = article["id"]!.GetValue<Guid>(), terms = new[] { new { phrase = "drone" } } });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task an_unknown_article_or_watchlist_is_not_found()
    {
        Assert.Equal(HttpStatusCode.NotFound,
            (await PostJson("/api/match/explain", new { articleId = Guid.NewGuid(), terms = new[] { new { phrase = "drone" } } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostJson("/api/match/explain", new { text = "drone", watchlistId = Guid.NewGuid() })).StatusCode);
    }

    [Theory]
    [InlineData("""{"terms":[{"phrase":"drone"}]}""", 422)]
    [InlineData("""{"text":"a drone","articleId":"0190a3c4-0000-7000-8000-000000000001","terms":[{"phrase":"drone"}]}""", 422)]
    [InlineData("""{"text":"a drone"}""", 422)]
    [InlineData("""{"text":"a drone","terms":[{"phrase":"drone"}],"watchlistId":"0190a3c4-0000-7000-8000-000000000001"}""", 422)]
    [InlineData("""{"text":"a drone","terms":[{"phrase":"drone"}],"lang":"fr"}""", 422)]
    [InlineData("""{"text":"a drone","rule":"drone AND ("}""", 400)]
    public async Task a_bad_explain_request_is_refused_with_a_problem(string body, int status)
    {
        var response = await PostRaw("/api/match/explain", body, "application/json", AppFixture.ReadKey);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
