using System.Net;

namespace MediaMonitor.IntegrationTests.Watchlists;

public sealed class WatchlistRules(AppFixture app) : ApiTest(app)
{
    private async Task<Guid> CreateRuleWatchlist(string name, string rule)
    {
        var created = await Json(await PostJson("/api/watchlists", new { name, rule }), HttpStatusCode.Created);
        Assert.Equal(rule, created["rule"]!.GetValue<string>());
        Assert.Empty(created["terms"]!.AsArray());
        return created["id"]!.GetValue<Guid>();
    }

    [Fact]
    public async Task when_a_rule_holds_for_an_article_an_alert_is_raised_with_the_hits_of_its_phrases()
    {
        var watchlist = await CreateRuleWatchlist("Strikes on bases", "(rocket OR drone) NEAR/3 attack* AND NOT exercise");
        const string body = "A drone attack hit the base at dawn, officials said.";

        var ingested = await Ingest(new { body });

        var raised = Assert.Single(ingested["alerts"]!.AsArray())!;
        Assert.Equal(watchlist, raised["watchlistId"]!.GetValue<Guid>());
        var alert = await Json(await Get($"/api/alerts/{raised["alertId"]}"), HttpStatusCode.OK);
        var texts = alert["hits"]!.AsArray().Select(h => body.Substring(h!["start"]!.GetValue<int>(), h["length"]!.GetValue<int>())).ToList();
        Assert.Contains("drone", texts);
        Assert.Contains("attack", texts);
    }

    [Fact]
    public async Task when_a_negated_phrase_is_present_the_rule_does_not_hold()
    {
        await CreateRuleWatchlist("Strikes on bases", "(rocket OR drone) NEAR/3 attack* AND NOT exercise");

        var ingested = await Ingest(new { body = "A drone attack was simulated during the exercise." });

        Assert.Empty(ingested["alerts"]!.AsArray());
    }

    [Fact]
    public async Task when_an_arabic_rule_holds_the_alert_points_at_the_arabic_words()
    {
        await CreateRuleWatchlist("انسحاب", "\"انسحاب القوات\" AND (الأمريكية OR العراق)");
        const string body = "وقال إن أي جدول زمني لانسحاب القوات الأمريكية سيعتمد على المفاوضات.";

        var ingested = await Ingest(new { body });

        var raised = Assert.Single(ingested["alerts"]!.AsArray())!;
        var alert = await Json(await Get($"/api/alerts/{raised["alertId"]}"), HttpStatusCode.OK);
        var texts = alert["hits"]!.AsArray().Select(h => body.Substring(h!["start"]!.GetValue<int>(), h["length"]!.GetValue<int>())).ToList();
        Assert.Contains("لانسحاب القوات", texts);
    }

    [Fact]
    public async Task when_a_rule_cannot_be_parsed_the_answer_is_400_with_its_position_and_nothing_is_appended()
    {
        var response = await PostJson("/api/watchlists", new { name = "Broken", rule = "rocket AND (drone OR" });

        var problem = await Json(response, HttpStatusCode.BadRequest);
        Assert.True(problem["position"]!.GetValue<int>() >= 0);
        Assert.False(string.IsNullOrEmpty(problem["expected"]!.GetValue<string>()));
        Assert.Empty(await AllEvents());
    }

    [Fact]
    public async Task when_a_rule_only_negates_it_is_refused_with_400()
    {
        var response = await PostJson("/api/watchlists", new { name = "Everything", rule = "NOT sport" });

        await Json(response, HttpStatusCode.BadRequest);
        Assert.Empty(await AllEvents());
    }

    [Fact]
    public async Task when_the_rule_changes_later_articles_follow_the_new_rule_and_cite_the_new_version()
    {
        var watchlist = await CreateRuleWatchlist("Elections", "election AND Iraq");

        var changed = await Json(await PutJson($"/api/watchlists/{watchlist}/rule", new { rule = "election AND Lebanon" }), HttpStatusCode.OK);
        Assert.Equal(2, changed["version"]!.GetValue<int>());

        var iraq = await Ingest(new { body = "The election in Iraq was held on time." });
        var lebanon = await Ingest(new { body = "The election in Lebanon was postponed." });
        Assert.Empty(iraq["alerts"]!.AsArray());
        Assert.Equal(2, Assert.Single(lebanon["alerts"]!.AsArray())!["watchlistVersion"]!.GetValue<int>());
    }

    [Fact]
    public async Task when_the_rule_of_a_watchlist_without_terms_is_removed_the_answer_is_422()
    {
        var watchlist = await CreateRuleWatchlist("Elections", "election AND Iraq");
        var before = (await AllEvents()).Count;

        var response = await PutJson($"/api/watchlists/{watchlist}/rule", new { rule = (string?)null });

        await Json(response, (HttpStatusCode)422);
        Assert.Equal(before, (await AllEvents()).Count);
    }

    [Fact]
    public async Task when_a_watchlist_has_terms_and_a_rule_either_raises_the_alert()
    {
        var created = await Json(await PostJson("/api/watchlists", new
        {
            name = "Attacks", terms = new[] { new { phrase = "rocket attack", lang = "en" } }, rule = "drone NEAR/2 strike",
        }), HttpStatusCode.Created);
        var id = created["id"]!.GetValue<Guid>();

        var byTerm = await Ingest(new { body = "A rocket attack hit the town." });
        var byRule = await Ingest(new { body = "A drone strike hit the convoy." });

        Assert.Equal(id, Assert.Single(byTerm["alerts"]!.AsArray())!["watchlistId"]!.GetValue<Guid>());
        Assert.Equal(id, Assert.Single(byRule["alerts"]!.AsArray())!["watchlistId"]!.GetValue<Guid>());
    }
}
