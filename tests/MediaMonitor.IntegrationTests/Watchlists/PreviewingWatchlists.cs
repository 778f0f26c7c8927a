using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace MediaMonitor.IntegrationTests.Watchlists;

public sealed class PreviewingWatchlists(AppFixture app) : ApiTest(app)
{
    private async Task<JsonNode> Preview(object request, string key = AppFixture.ReadKey) =>
        await Json(await PostJson("/api/watchlists/preview", request, key), HttpStatusCode.OK);

    [Fact]
    public async Task a_preview_counts_matches_per_phrase_lists_the_newest_with_snippets_and_appends_nothing()
    {
        await Ingest(new { body = "أسقطت الدفاعات الجوية طائرات من دون طيار فوق القاعدة.", lang = "ar" });
        await Ingest(new { body = "A drone strike hit the convoy near the border.", lang = "en" });
        var newest = await Ingest(new { title = "طائرة دون طيار", body = "تحطمت طائرة دون طيار قرب المطار.", lang = "ar" });
        await Ingest(new { body = "Nothing happened today.", lang = "en" });
        var before = (await AllEvents()).Count;

        var preview = await Preview(new { terms = new[] { new { phrase = "طائرة بدون طيار" }, new { phrase = "drone strike" } } });

        Assert.Equal(4, preview["scanned"]!.GetValue<int>());
        Assert.Equal(3, preview["total"]!.GetValue<int>());
        Assert.True(preview["complete"]!.GetValue<bool>());
        var phrases = preview["phrases"]!.AsArray();
        Assert.Equal(2, phrases[0]!["articles"]!.GetValue<int>());
        Assert.Equal(1, phrases[1]!["articles"]!.GetValue<int>());
        var matches = preview["matches"]!.AsArray();
        Assert.Equal(3, matches.Count);
        Assert.Equal(newest["id"]!.GetValue<Guid>(), matches[0]!["articleId"]!.GetValue<Guid>());
        var hit = matches[0]!["hits"]![0]!;
        Assert.Equal("طائرة دون طيار", hit["text"]!.GetValue<string>());
        Assert.Equal("title", hit["field"]!.GetValue<string>());
        Assert.Equal("طائرة دون طيار", hit["snippet"]!.GetValue<string>());
        Assert.Equal(before, (await AllEvents()).Count);
    }

    [Fact]
    public async Task a_near_miss_holds_every_word_of_a_phrase_and_says_why_it_did_not_match()
    {
        await Ingest(new { body = "Officials counted every troop. Withdrawal began on Monday.", lang = "en" });
        await Ingest(new { body = "The troop withdrawal began on Monday.", lang = "en" });
        await Ingest(new { body = "A withdrawal of funds was announced.", lang = "en" });

        var preview = await Preview(new { terms = new[] { new { phrase = "troop withdrawal" } } });

        Assert.Equal(1, preview["total"]!.GetValue<int>());
        Assert.Equal(1, preview["phrases"]![0]!["nearMisses"]!.GetValue<int>());
        var miss = Assert.Single(preview["nearMisses"]!.AsArray())!["phrases"]![0]!;
        Assert.Equal("troop withdrawal", miss["phrase"]!.GetValue<string>());
        Assert.Equal("SentenceBoundary", miss["reason"]!.GetValue<string>());
        Assert.Contains("troop. Withdrawal", miss["snippet"]!.GetValue<string>());
    }

    [Fact]
    public async Task the_range_the_language_and_the_limit_bound_what_is_scanned_and_listed()
    {
        await Ingest(new { body = "Rocket attack on the base at dawn.", lang = "en" });
        var second = await Ingest(new { body = "Another rocket attack on the airport.", lang = "en" });
        await Ingest(new { body = "هجوم صاروخي على القاعدة rocket attack", lang = "ar" });
        await Ingest(new { body = "A third rocket attack hit the city.", lang = "en" });
        var from = (await Json(await Get($"/api/articles/{second["id"]}"), HttpStatusCode.OK))["ingestedAt"]!.GetValue<DateTimeOffset>();

        var preview = await Preview(new { terms = new[] { new { phrase = "rocket attack" } }, from, lang = "en", limit = 1 });

        Assert.Equal(2, preview["scanned"]!.GetValue<int>());
        Assert.Equal(2, preview["total"]!.GetValue<int>());
        var match = Assert.Single(preview["matches"]!.AsArray())!;
        Assert.Equal("A third rocket attack hit the city.", match["hits"]![0]!["snippet"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_rule_is_previewed_and_its_phrases_counted()
    {
        await Ingest(new { body = "Rocket attack on the base, officials said.", lang = "en" });
        await Ingest(new { body = "Rocket attack drill at the base.", lang = "en" });

        var preview = await Preview(new { rule = "\"rocket attack\" NOT drill" });

        Assert.Equal(1, preview["total"]!.GetValue<int>());
        var phrases = preview["phrases"]!.AsArray();
        Assert.Equal(["rocket attack", "drill"], phrases.Select(p => p!["phrase"]!.GetValue<string>()));
        Assert.All(phrases, p => Assert.True(p!["inRule"]!.GetValue<bool>()));
        Assert.Equal(2, phrases[0]!["articles"]!.GetValue<int>());
    }

    [Fact]
    public async Task a_scan_past_its_time_budget_answers_for_what_it_read_and_says_it_is_incomplete()
    {
        var batch = Enumerable.Range(0, 500).Select(i => new { body = $"Report {i}: a drone strike hit a convoy.", lang = "en" });
        (await Client(AppFixture.IngestKey).PostAsJsonAsync("/api/articles/batch", batch)).EnsureSuccessStatusCode();

        // No time at all: a budget of a few milliseconds can outlast a scan of 500 short articles on a fast machine.
        using (Setting("MediaMonitor:Watchlists", "PreviewBudget", "00:00:00", restoreTo: "00:00:30"))
        {
            var cut = await Preview(new { terms = new[] { new { phrase = "drone strike" } } });

            Assert.False(cut["complete"]!.GetValue<bool>());
            Assert.True(cut["scanned"]!.GetValue<int>() < 500);
            Assert.Equal(cut["scanned"]!.GetValue<int>(), cut["total"]!.GetValue<int>());
        }

        var whole = await Preview(new { terms = new[] { new { phrase = "drone strike" } } });
        Assert.True(whole["complete"]!.GetValue<bool>());
        Assert.Equal(500, whole["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task a_taken_down_article_is_left_out()
    {
        var removed = await Ingest(new { body = "A drone strike hit the convoy.", lang = "en" });
        await Ingest(new { body = "Another drone strike hit the base.", lang = "en" });
        Assert.Equal(HttpStatusCode.NoContent, (await Client().DeleteAsync($"/api/articles/{removed["id"]}")).StatusCode);

        var preview = await Preview(new { terms = new[] { new { phrase = "drone strike" } } });

        Assert.Equal(1, preview["scanned"]!.GetValue<int>());
        Assert.Equal(1, preview["total"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("{}", 422)]
    [InlineData("""{"terms":[{"phrase":"drone"}],"limit":0}""", 422)]
    [InlineData("""{"terms":[{"phrase":"drone"}],"limit":101}""", 422)]
    [InlineData("""{"terms":[{"phrase":"drone"}],"lang":"fr"}""", 422)]
    [InlineData("""{"terms":[{"phrase":"drone"}],"from":"2026-02-01T00:00:00Z","to":"2026-01-01T00:00:00Z"}""", 422)]
    [InlineData("""{"rule":"drone AND ("}""", 400)]
    [InlineData("""{"terms":[{"phrase":""}]}""", 422)]
    public async Task a_bad_preview_is_refused_with_a_problem(string body, int status)
    {
        var response = await PostRaw("/api/watchlists/preview", body, "application/json", AppFixture.ReadKey);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task a_preview_needs_a_key()
    {
        var response = await PostJson("/api/watchlists/preview", new { terms = new[] { new { phrase = "drone" } } }, key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
