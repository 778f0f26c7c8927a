using MediaMonitor.Matching.Rules;

namespace MediaMonitor.Matching.Tests;

/// <summary>
/// Watchlist rules as the engine evaluates them. The syntax trees are built here directly (the parser has tests of
/// its own under Rules/), so these tests pin the semantics: what holds, and which hits a rule reports.
/// </summary>
public class RuleMatchingTests
{
    private static PhraseNode P(string text, int? gap = null, bool wildcard = false, ArticleField? field = null) =>
        new(0, text, gap, wildcard, field);

    private static AndNode And(params RuleNode[] operands) => new(0, operands);

    private static OrNode Or(params RuleNode[] operands) => new(0, operands);

    private static NotNode Not(RuleNode operand) => new(0, operand);

    private static NearNode Near(RuleNode left, RuleNode right, int distance) => new(0, left, right, distance, false);

    private static NearNode ONear(RuleNode left, RuleNode right, int distance) => new(0, left, right, distance, true);

    private static LangNode Lang(string lang) => new(0, lang);

    private static Matcher Compile(RuleNode rule, params string[] terms) =>
        Matcher.Compile([new WatchlistDefinition("w", 1, terms.Select(t => new TermDefinition(t)).ToList(), "rule")], _ => rule);

    private static IReadOnlyList<Hit> Hits(RuleNode rule, string body, string? title = null, string? lang = null, params string[] terms)
    {
        var matches = Compile(rule, terms).Match(new ArticleText(title, body, lang));
        var hits = matches.SelectMany(m => m.Hits).ToList();
        foreach (var h in hits)
            Assert.Equal((h.Field == ArticleField.Title ? title! : body).Substring(h.Start, h.Length), h.Text);
        return hits;
    }

    private static bool Holds(RuleNode rule, string body, string? title = null, string? lang = null) =>
        Hits(rule, body, title, lang).Count > 0;

    private static string[] Texts(RuleNode rule, string body, string? title = null) =>
        Hits(rule, body, title).Select(h => h.Text).ToArray();

    // AND, OR, NOT

    [Theory]
    [InlineData("وأعلن البنتاغون انسحاب القوات الأمريكية من العراق بحلول نهاية العام", true)]
    [InlineData("وأعلن البنتاغون انسحاب القوات الأمريكية من سوريا", false)]
    public void when_and_joins_two_arabic_phrases_both_must_be_found(string text, bool holds)
    {
        Assert.Equal(holds, Holds(And(P("انسحاب القوات"), P("العراق")), text));
    }

    [Theory]
    [InlineData("The Pentagon announced the withdrawal of US troops from Iraq by the end of the year", true)]
    [InlineData("The Pentagon announced the withdrawal of US troops from Syria", false)]
    public void when_and_joins_two_english_phrases_both_must_be_found(string text, bool holds)
    {
        Assert.Equal(holds, Holds(And(P("withdrawal of troops"), P("Iraq")), text));
    }

    [Fact]
    public void when_and_holds_it_reports_the_hits_of_both_sides()
    {
        const string text = "The Pentagon announced the withdrawal of US troops from Iraq";
        Assert.Equal(["withdrawal of US troops", "Iraq"], Texts(And(P("withdrawal of troops"), P("Iraq")), text));
    }

    [Theory]
    [InlineData("وسقطت صواريخ على قاعدة عين الأسد", "صواريخ")]
    [InlineData("واستهدفت طائرة مسيرة مطار أربيل", "طائرة مسيرة")]
    [InlineData("Rockets hit the Ain al-Asad base", "Rockets")]
    public void when_or_lists_alternatives_any_one_is_enough(string text, string expected)
    {
        Assert.Equal([expected], Texts(Or(P("صاروخ"), P("طائرة مسيرة"), P("rocket")), text));
    }

    [Fact]
    public void when_or_holds_only_the_alternatives_found_are_reported()
    {
        const string text = "وسقطت صواريخ على القاعدة وأعلن الجيش إسقاط طائرة مسيرة";
        Assert.Equal(["صواريخ", "طائرة مسيرة"], Texts(Or(P("صاروخ"), P("طائرة مسيرة"), P("قذيفة")), text));
    }

    [Theory]
    [InlineData("وصوت البرلمان على سحب القوات الأجنبية", true)]
    [InlineData("وصوت البرلمان على سحب الثقة من الحكومة بعد سحب القوات", false)]
    [InlineData("The parliament voted for a troop withdrawal", true)]
    [InlineData("After the troop withdrawal the parliament held a no-confidence vote", false)]
    public void when_not_excludes_a_phrase_an_article_with_it_does_not_match(string text, bool holds)
    {
        var rule = And(Or(P("سحب القوات"), P("troop withdrawal")), Not(Or(P("سحب الثقة"), P("no-confidence"))));
        Assert.Equal(holds, Holds(rule, text));
    }

    [Fact]
    public void when_not_holds_its_phrases_are_not_reported()
    {
        Assert.Equal(["سحب القوات"], Texts(And(P("سحب القوات"), Not(P("سحب الثقة"))), "وصوت البرلمان على سحب القوات"));
    }

    [Fact]
    public void when_a_rule_has_only_a_negative_part_it_never_matches()
    {
        // The parser refuses such rules; the engine evaluates a rule only for an article with a hit of one of its phrases,
        // and a match needs a hit to report.
        Assert.False(Holds(Not(P("داعش")), "وأعلنت الحكومة خطة جديدة للتعليم"));
        Assert.False(Holds(Or(P("القاعدة"), Not(P("داعش"))), "وأعلن داعش مسؤوليته"));
    }

    // NEAR and ONEAR

    [Theory]
    [InlineData("قالت وزارة الدفاع إن القوات الأمريكية ستبدأ الانسحاب من القواعد", 2, true)]    // 2 words between
    [InlineData("قالت وزارة الدفاع إن القوات الأمريكية ستبدأ الانسحاب من القواعد", 1, false)]
    [InlineData("وبدأ انسحاب القوات", 1, true)]                                                      // adjacent: 0 between
    public void when_near_counts_the_words_between_two_arabic_hits(string text, int distance, bool holds)
    {
        Assert.Equal(holds, Holds(Near(P("قوات"), P("انسحاب"), distance), text));
    }

    [Theory]
    [InlineData("Officials said the troops would begin their withdrawal next week", 3, true)]   // would begin their
    [InlineData("Officials said the troops would begin their withdrawal next week", 2, false)]
    [InlineData("The withdrawal of all remaining troops began", 3, true)]                       // other order
    [InlineData("The withdrawal of all remaining troops began", 2, false)]
    public void when_near_counts_the_words_between_two_english_hits_in_either_order(string text, int distance, bool holds)
    {
        Assert.Equal(holds, Holds(Near(P("troops"), P("withdrawal"), distance), text));
    }

    [Theory]
    [InlineData("Officials said the troops would begin their withdrawal next week", true)]
    [InlineData("The withdrawal of all remaining troops began", false)]
    [InlineData("بدأ انسحاب جميع القوات", false)]
    [InlineData("القوات بدأت الانسحاب", true)]
    public void when_onear_the_left_side_must_come_first(string text, bool holds)
    {
        Assert.Equal(holds, Holds(ONear(Or(P("troops"), P("قوات")), Or(P("withdrawal"), P("انسحاب")), 5), text));
    }

    [Fact]
    public void when_near_holds_it_reports_only_the_hits_that_have_a_partner_within_the_distance()
    {
        const string text = "Troops were seen in Basra. Much later, long after the elections, troops began their withdrawal.";
        var hits = Hits(Near(P("troops"), P("withdrawal"), 3), text);
        Assert.Equal(["troops", "withdrawal"], hits.Select(h => h.Text));
        Assert.Equal(text.LastIndexOf("troops", StringComparison.Ordinal), hits[0].Start);
    }

    [Fact]
    public void when_near_sides_are_in_different_fields_they_are_not_near()
    {
        Assert.False(Holds(Near(P("troops"), P("withdrawal"), 5), "Withdrawal talks resumed", "Troops"));
        Assert.True(Holds(Near(P("troops"), P("withdrawal"), 5), "Troops began the withdrawal"));
    }

    [Fact]
    public void when_near_crosses_a_sentence_end_the_words_still_count()
    {
        // NEAR is about distance in words, not about one sentence (phrases are).
        Assert.True(Holds(Near(P("troops"), P("withdrawal"), 2), "More troops arrived. Then withdrawal began."));
    }

    // Phrases: gap, field, wildcard

    [Theory]
    [InlineData(0, "They demanded the withdrawal of troops", true)]
    [InlineData(0, "They demanded the withdrawal of all troops", false)]
    [InlineData(null, "They demanded the withdrawal of all US troops", true)]
    [InlineData(null, "They demanded the withdrawal of all the US troops", false)]
    [InlineData(4, "They demanded the withdrawal of all the US troops", true)]
    public void when_a_rule_phrase_sets_its_gap(int? gap, string text, bool holds)
    {
        Assert.Equal(holds, Holds(P("withdrawal of troops", gap), text));
    }

    [Fact]
    public void when_a_phrase_is_restricted_to_the_title_a_body_hit_does_not_count()
    {
        var rule = And(P("داعش", field: ArticleField.Title), P("هجوم"));
        Assert.True(Holds(rule, "وقتل عشرة في هجوم على السوق", "داعش يتبنى الهجوم"));
        Assert.False(Holds(rule, "وأعلن داعش مسؤوليته عن هجوم على السوق", "انفجار في بغداد"));
    }

    [Fact]
    public void when_a_phrase_is_restricted_to_the_body_a_title_hit_does_not_count()
    {
        var rule = P("rocket attack", field: ArticleField.Body);
        var hits = Hits(rule, "A rocket attack hit the base", "Rocket attack on Baghdad");
        Assert.Equal(ArticleField.Body, Assert.Single(hits).Field);
    }

    [Theory]
    [InlineData("The withdrawal of troops was announced", "withdrawal")]
    [InlineData("Troops are withdrawing from the city", "withdrawing")]
    [InlineData("The US withdrew its troops", null)]                // withdrew does not start with withdraw
    public void when_an_english_word_ends_with_a_wildcard_any_ending_matches(string text, string? expected)
    {
        var texts = Texts(P("withdraw", wildcard: true), text);
        Assert.Equal(expected is null ? [] : [expected], texts);
    }

    [Theory]
    [InlineData("وأعلنت الحكومة الانسحاب من الاتفاق", "الانسحاب")]
    [InlineData("وطالب النواب بالانسحابات المتتالية", "بالانسحابات")]
    [InlineData("وانسحبت القوات من المدينة", "وانسحبت")]
    public void when_an_arabic_word_ends_with_a_wildcard_it_matches_after_the_clitics_are_taken_off(string text, string expected)
    {
        Assert.Equal([expected], Texts(Or(P("انسحا", wildcard: true), P("انسحب", wildcard: true)), text));
    }

    [Fact]
    public void when_a_phrase_ends_with_a_wildcard_only_its_last_word_is_a_prefix()
    {
        Assert.Equal(["troop withdrawals"], Texts(P("troop withdraw", wildcard: true), "Talks on troop withdrawals resumed"));
        Assert.Empty(Texts(P("troop withdraw", wildcard: true), "Talks on trooper withdrawals resumed"));
    }

    [Fact]
    public void when_a_wildcard_word_is_written_with_a_star_in_its_text_the_star_is_the_wildcard()
    {
        Assert.Equal(["withdrawal"], Texts(P("withdraw*"), "The withdrawal was announced"));
    }

    // lang:

    [Theory]
    [InlineData("ar", true)]
    [InlineData("en", false)]
    public void when_a_rule_asks_for_a_language_the_article_language_decides(string lang, bool holds)
    {
        var rule = And(P("COVID-19"), Lang("ar"));
        Assert.Equal(holds, Holds(rule, "COVID-19 في العراق", null, lang));
    }

    [Fact]
    public void when_the_article_has_no_language_its_letters_decide()
    {
        var rule = And(P("COVID-19"), Lang("en"));
        Assert.True(Holds(rule, "COVID-19 cases rose again in Baghdad"));
        Assert.False(Holds(rule, "ارتفعت إصابات COVID-19 في بغداد مجددا"));
    }

    // Terms and rule together

    [Fact]
    public void when_a_watchlist_has_terms_and_a_rule_either_one_matches()
    {
        var rule = Near(P("troops"), P("withdraw", wildcard: true), 3);
        var matcher = Compile(rule, "داعش");
        Assert.Equal(["داعش"], matcher.Match(new ArticleText(null, "وأعلن داعش مسؤوليته")).Single().Hits.Select(h => h.Text));
        Assert.Equal(["troops", "withdrawing"],
            matcher.Match(new ArticleText(null, "US troops are withdrawing from Syria")).Single().Hits.Select(h => h.Text));
        Assert.Empty(matcher.Match(new ArticleText(null, "US troops stay in Syria")));
        var both = matcher.Match(new ArticleText(null, "US troops are withdrawing as داعش regroups")).Single();
        Assert.Equal(["troops", "withdrawing", "داعش"], both.Hits.Select(h => h.Text));
        Assert.Equal(["troops", "withdraw", "داعش"], both.Hits.Select(h => h.Term));
    }

    [Fact]
    public void when_a_rule_hit_and_a_term_hit_cover_the_same_words_the_term_names_the_hit()
    {
        var matcher = Compile(P("انسحاب القوات"), "انسحاب القوات");
        var hit = Assert.Single(matcher.Match(new ArticleText(null, "وبدأ انسحاب القوات")).Single().Hits);
        Assert.Equal("انسحاب القوات", hit.Term);
    }

    [Fact]
    public void when_a_rule_hit_is_reported_its_offsets_index_the_original_text()
    {
        const string title = "عاجل: انسحـاب القوَّات";
        const string body = "وَقَالَ المُتَحَدِّثُ إِنَّ القُوَّاتِ سَتَبْدَأُ الانْسِحَابَ غَدًا";
        var hits = Hits(Or(P("انسحاب القوات", field: ArticleField.Title), Near(P("قوات"), P("انسحاب"), 1)), body, title);
        Assert.Equal(
            [(ArticleField.Title, "انسحـاب القوَّات"), (ArticleField.Body, "القُوَّاتِ"), (ArticleField.Body, "الانْسِحَابَ")],
            hits.Select(h => (h.Field, h.Text)));
        Assert.Equal(title.IndexOf("انسحـاب", StringComparison.Ordinal), hits[0].Start);
        Assert.Equal(body.IndexOf("القُوَّاتِ", StringComparison.Ordinal), hits[1].Start);
        Assert.Equal(["انسحاب القوات", "قوات", "انسحاب"], hits.Select(h => h.Term));
    }

    // Compilation

    [Fact]
    public void when_a_stored_rule_does_not_parse_it_is_left_out_and_the_terms_still_match()
    {
        var matcher = Matcher.Compile([new WatchlistDefinition("w", 1, [new TermDefinition("داعش")], "troops AND (")]);
        Assert.Equal(0, matcher.RuleCount);
        Assert.Single(matcher.Match(new ArticleText(null, "وأعلن داعش مسؤوليته")));
    }

    [Fact]
    public void when_the_rule_text_is_parsed_by_the_rule_parser()
    {
        var matcher = Matcher.Compile([new WatchlistDefinition("w", 1, [],
            "(troops OR قوات) NEAR/3 (withdraw* OR انسحاب) NOT title:\"no-confidence\"")]);
        Assert.Equal(1, matcher.RuleCount);
        Assert.Single(matcher.Match(new ArticleText("Iraq", "US troops began withdrawing from Iraq")));
        Assert.Single(matcher.Match(new ArticleText(null, "وبدأ انسحاب القوات الأمريكية")));
        Assert.Empty(matcher.Match(new ArticleText("No-confidence vote", "US troops began withdrawing from Iraq")));
    }

    [Fact]
    public void when_rules_are_compiled_with_many_watchlists_only_those_with_a_hit_report()
    {
        var lists = Enumerable.Range(0, 300)
            .Select(i => new WatchlistDefinition($"w{i}", 1, [], $"r{i}"))
            .ToList();
        var rules = Enumerable.Range(0, 300).ToDictionary(i => $"r{i}", i => (RuleNode)And(P($"word{i}"), Not(P("excluded"))));
        var matcher = Matcher.Compile(lists, text => rules[text]);
        Assert.Equal(300, matcher.RuleCount);
        Assert.Equal(["w7", "w42"], matcher.Match(new ArticleText(null, "see word7 and word42 here")).Select(m => m.WatchlistId));
        Assert.Empty(matcher.Match(new ArticleText(null, "see word7 and word42 here, excluded")));
    }

    [Fact]
    public void when_many_threads_evaluate_rules_at_once_they_get_the_same_answers()
    {
        var rule = Or(Near(P("troops"), P("withdraw", wildcard: true), 3), And(P("داعش"), Not(P("سوريا"))));
        var matcher = Compile(rule);
        var articles = new[]
        {
            new ArticleText(null, "US troops are withdrawing from Syria"),
            new ArticleText(null, "وأعلن داعش مسؤوليته عن الهجوم"),
            new ArticleText(null, "وأعلن داعش مسؤوليته عن الهجوم في سوريا"),
        };
        var expected = articles.Select(a => matcher.Match(a).Sum(m => m.Hits.Count)).ToArray();
        Assert.Equal([2, 1, 0], expected);
        var results = new int[3000];
        Parallel.For(0, results.Length, i => results[i] = matcher.Match(articles[i % 3]).Sum(m => m.Hits.Count));
        for (var i = 0; i < results.Length; i++) Assert.Equal(expected[i % 3], results[i]);
    }

    [Fact]
    public void when_both_sides_of_a_near_recur_hundreds_of_times_only_the_pairs_within_the_distance_hold()
    {
        var body = string.Concat(Enumerable.Repeat("rocket fired. ", 400)) + "the rocket hit after a long attack. "
                   + string.Concat(Enumerable.Repeat("attack repelled. ", 400));

        var hits = Hits(Near(P("rocket"), P("attack"), 4), body);

        Assert.Equal(["rocket", "attack"], hits.Select(h => h.Text));
        Assert.Equal(body.IndexOf("rocket hit", StringComparison.Ordinal), hits[0].Start);
        Assert.Empty(Hits(Near(P("rocket"), P("attack"), 3), body));
    }

    [Fact]
    public void when_a_near_side_is_a_wide_or_in_a_long_article_every_word_with_a_partner_is_reported()
    {
        var words = Enumerable.Range(0, 40).Select(i => $"word{(char)('a' + i % 26)}{(char)('a' + i / 26)}").ToArray();
        var body = string.Join(' ', Enumerable.Repeat(string.Join(' ', words), 20)) + " target";

        var hits = Hits(Near(Or(words.Select(w => (RuleNode)P(w)).ToArray()), P("target"), 1), body);

        Assert.Equal(["wordmb", "wordnb", "target"], hits.Select(h => h.Text));
    }
}
